import type { RequestContext } from '@motcua/kernel/contract';
import { loadCalendarSnapshot } from '../calendars/calendar.read.js';
import { simulateProcess } from '../processes/simulate.js';
import { ZonedDateTime } from '../shared/date-time.scalar.js';
import { toDefinition } from './process.read.js';
import { processOrFailFor, validationContextFor } from './process.service.js';
import { versionOrFail } from './process.read.js';
import type { SimulateProcessInput, SimulationReportNode } from './process.types.js';

/**
 * Runs the pre-publish simulation of a version (default the latest) on the process's
 * calendar. Staff per role default to the agency's active role holders, so the first run
 * shows the process as the agency is staffed today. Writes nothing.
 */
export async function simulate(ctx: RequestContext, definitionId: string, versionNumber: number | null | undefined, input: SimulateProcessInput): Promise<SimulationReportNode> {
  const process = await processOrFailFor(ctx, definitionId);
  const version = await versionOrFail(ctx.em, process, versionNumber);
  const calendar = await loadCalendarSnapshot(ctx.em, process.calendarId);
  const staffPerRole = input.staffPerRole
    ? Object.fromEntries(input.staffPerRole.map((r) => [r.roleHolderKey, r.count]))
    : (await validationContextFor(ctx.em, process, version.steps)).activeRoleHolders;
  const report = simulateProcess(toDefinition(process, version), calendar, {
    dossiers: input.dossiers, arrivalsPerDay: input.arrivalsPerDay, staffPerRole, seed: input.seed, start: input.start ?? ctx.clock.now(),
    ...(input.supplementProbability != null ? { supplementProbability: input.supplementProbability } : {}),
    ...(input.returnProbability != null ? { returnProbability: input.returnProbability } : {}),
  });
  const zoned = (d: Date) => new ZonedDateTime(d, calendar.timezone);
  return {
    dossiers: report.dossiers, completed: report.completed, deadEndCount: report.deadEnds.count, deadEnds: report.deadEnds.byStep,
    early: report.timeliness.early, onTime: report.timeliness.onTime, late: report.timeliness.late, onTimeShare: report.onTimeShare,
    meanLeadMinutes: report.meanLeadMinutes, steps: report.steps, timeLostAt: report.timeLostAt, roles: report.roles,
    horizonFrom: zoned(report.horizon.from), horizonTo: zoned(report.horizon.to), explanation: report.explanation.map((line) => line[ctx.lang]),
  };
}
