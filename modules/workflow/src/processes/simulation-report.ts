/**
 * What a simulation run tells the agency: completions and dead ends, the on-time share, per
 * step the mean wait and work against the quota, per role the utilisation, and the same as
 * explanation lines in Vietnamese and English.
 */
import type { TimeLimit } from '../clock/deadline.js';
import { Timeliness } from '../clock/deadline.js';
import { countWorkingTime } from '../clock/walk.js';
import { MINUTE_MS } from '../clock/zone.js';
import { instantLabel } from '../clock/format.js';
import { countOf, roleHolderKey } from './definition.js';
import { formatMinutes, quotaMinutes } from './quota.js';
import type { DeadEndReason, SimulatedDossier, SimulationRun } from './simulate.js';

export interface StepLoad {
  stepCode: string;
  name: string;
  visits: number;
  meanWaitMinutes: number;
  meanWorkMinutes: number;
  quotaMinutes: number;
  /** (mean wait + mean work) / quota (quota taken as at least one minute). */
  lossRatio: number;
  /** Share of late dossiers whose largest overrun of a quota was at this step. */
  lateCauseShare: number;
}

export interface RoleLoad {
  roleHolderKey: string;
  staff: number;
  tasks: number;
  busyMinutes: number;
  /** Staff × working minutes of the horizon. */
  availableMinutes: number;
  utilisation: number;
}

export interface DeadEnd {
  stepCode: string;
  reason: DeadEndReason;
  count: number;
}

export interface SimulationReport {
  dossiers: number;
  completed: number;
  deadEnds: { count: number; byStep: DeadEnd[] };
  timeliness: { early: number; onTime: number; late: number };
  /** (EARLY + ON_TIME) / completed; null when nothing completed. */
  onTimeShare: number | null;
  statutoryLimit: TimeLimit;
  /** Mean working minutes from receipt to completion (supplement pauses included). */
  meanLeadMinutes: number | null;
  steps: StepLoad[];
  /** The step with the largest loss ratio: where time is lost. */
  timeLostAt: string | null;
  roles: RoleLoad[];
  /** From the first arrival to the end of the last piece of work. */
  horizon: { from: Date; to: Date; workingMinutes: number };
  explanation: Array<{ vi: string; en: string }>;
}

const mean = (total: number, n: number) => (n ? total / n : 0);
const percent = (share: number) => `${Math.round(share * 100)} %`;

function deadEnds(run: SimulationRun): DeadEnd[] {
  const counts = new Map<string, DeadEnd>();
  for (const dossier of run.dossiers.filter((d) => d.completedAt === null)) {
    const { stepCode, reason } = dossier.stuck ?? { stepCode: dossier.waitingAt ?? run.definition.startStepCode, reason: 'JOIN_INCOMPLETE' as DeadEndReason };
    const key = `${stepCode}\u0000${reason}`;
    counts.set(key, { stepCode, reason, count: (counts.get(key)?.count ?? 0) + 1 });
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || a.stepCode.localeCompare(b.stepCode));
}

/** The step of a late dossier with the largest overrun of its quota (ties: the first visited). */
function lateCause(run: SimulationRun, dossier: SimulatedDossier): string | null {
  let worst: { code: string; overrun: number } | null = null;
  for (const [code, spent] of dossier.spent) {
    const overrun = spent - quotaMinutes(run.graph.steps.get(code)!.quota, run.calendar.standardDayMinutes);
    if (!worst || overrun > worst.overrun) worst = { code, overrun };
  }
  return worst?.code ?? null;
}

function stepLoads(run: SimulationRun): StepLoad[] {
  const late = run.dossiers.filter((d) => d.timeliness === Timeliness.LATE);
  const causes = late.map((d) => lateCause(run, d));
  return [...run.graph.steps.values()].filter((step) => run.steps.has(step.code)).map((step) => {
    const tally = run.steps.get(step.code)!;
    const quota = quotaMinutes(step.quota, run.calendar.standardDayMinutes);
    const [meanWait, meanWork] = [mean(tally.waitMinutes, tally.visits), mean(tally.workMinutes, tally.visits)];
    return {
      stepCode: step.code, name: step.name, visits: tally.visits, meanWaitMinutes: meanWait, meanWorkMinutes: meanWork, quotaMinutes: quota,
      lossRatio: (meanWait + meanWork) / Math.max(quota, 1),
      lateCauseShare: mean(causes.filter((code) => code === step.code).length, late.length),
    };
  });
}

function roleLoads(run: SimulationRun, horizonMinutes: number): RoleLoad[] {
  const tasks = new Map<string, number>();
  for (const step of run.graph.steps.values()) {
    const key = roleHolderKey(step.actor);
    tasks.set(key, (tasks.get(key) ?? 0) + (run.steps.get(step.code)?.visits ?? 0));
  }
  return [...tasks].map(([key, count]) => {
    const staff = Math.floor(countOf(run.options.staffPerRole, key));
    const busy = run.busyMinutes.get(key) ?? 0;
    const available = staff * horizonMinutes;
    return { roleHolderKey: key, staff, tasks: count, busyMinutes: busy, availableMinutes: available, utilisation: available ? busy / available : 0 };
  }).sort((a, b) => a.roleHolderKey.localeCompare(b.roleHolderKey));
}

function explain(run: SimulationRun, report: Omit<SimulationReport, 'explanation'>): Array<{ vi: string; en: string }> {
  const day = run.calendar.standardDayMinutes;
  const from = instantLabel(run.calendar.timezone, report.horizon.from.getTime());
  const limit = formatMinutes(quotaMinutes(report.statutoryLimit, day), day);
  const lines = [{
    vi: `Mô phỏng ${report.dossiers} hồ sơ, ${run.options.arrivalsPerDay} hồ sơ mỗi ngày làm việc từ ${from.vi} theo lịch ${run.calendar.code}: hoàn thành ${report.completed}, bế tắc ${report.deadEnds.count}.`,
    en: `Simulated ${report.dossiers} dossiers, ${run.options.arrivalsPerDay} per working day from ${from.en} on calendar ${run.calendar.code}: ${report.completed} completed, ${report.deadEnds.count} dead ends.`,
  }];
  if (report.onTimeShare !== null) {
    lines.push({
      vi: `Tỷ lệ đúng hạn (trước hạn và đúng hạn): ${percent(report.onTimeShare)} so với thời hạn ${limit.vi} (${report.timeliness.late} hồ sơ trễ hạn).`,
      en: `On-time share (early and on time): ${percent(report.onTimeShare)} against the statutory limit of ${limit.en} (${report.timeliness.late} late).`,
    });
  }
  const lost = report.steps.find((s) => s.stepCode === report.timeLostAt);
  if (lost) {
    const [wait, work, quota] = [formatMinutes(lost.meanWaitMinutes, day), formatMinutes(lost.meanWorkMinutes, day), formatMinutes(lost.quotaMinutes, day)];
    lines.push({
      vi: `Mất thời gian nhiều nhất ở bước ${lost.stepCode} (${lost.name}): chờ trung bình ${wait.vi}, xử lý ${work.vi}, định mức ${quota.vi}.`,
      en: `Most time is lost at step ${lost.stepCode} (${lost.name}): mean wait ${wait.en}, work ${work.en}, quota ${quota.en}.`,
    });
  }
  for (const role of report.roles) {
    lines.push({
      vi: `Vai trò ${role.roleHolderKey} (${role.staff} cán bộ, ${role.tasks} lượt xử lý): bận ${percent(role.utilisation)} thời gian làm việc.`,
      en: `Role ${role.roleHolderKey} (${role.staff} staff, ${role.tasks} tasks): busy ${percent(role.utilisation)} of working time.`,
    });
  }
  for (const end of report.deadEnds.byStep) {
    lines.push({ vi: `${end.count} hồ sơ bế tắc ở bước ${end.stepCode} (${end.reason}).`, en: `${end.count} dossiers stuck at step ${end.stepCode} (${end.reason}).` });
  }
  return lines;
}

/** Builds the report of a finished run. */
export function buildReport(run: SimulationRun): SimulationReport {
  const from = run.dossiers[0].arrivedAt;
  const to = Math.max(run.lastEnd, from);
  const horizonMinutes = countWorkingTime(run.calendar, from, to, []).countedMs / MINUTE_MS;
  const completed = run.dossiers.filter((d) => d.completedAt !== null);
  const count = (t: Timeliness) => completed.filter((d) => d.timeliness === t).length;
  const timeliness = { early: count(Timeliness.EARLY), onTime: count(Timeliness.ON_TIME), late: count(Timeliness.LATE) };
  const byStep = deadEnds(run);
  const steps = stepLoads(run);
  const lead = completed.reduce((sum, d) => sum + countWorkingTime(run.calendar, d.arrivedAt, d.completedAt!, []).countedMs / MINUTE_MS, 0);
  const report: Omit<SimulationReport, 'explanation'> = {
    dossiers: run.dossiers.length, completed: completed.length,
    deadEnds: { count: byStep.reduce((sum, d) => sum + d.count, 0), byStep }, timeliness,
    onTimeShare: completed.length ? (timeliness.early + timeliness.onTime) / completed.length : null,
    statutoryLimit: run.definition.statutoryLimit,
    meanLeadMinutes: completed.length ? lead / completed.length : null,
    steps, timeLostAt: steps.reduce<StepLoad | null>((a, s) => (!a || s.lossRatio > a.lossRatio ? s : a), null)?.stepCode ?? null,
    roles: roleLoads(run, horizonMinutes),
    horizon: { from: new Date(from), to: new Date(to), workingMinutes: horizonMinutes },
  };
  return { ...report, explanation: explain(run, report) };
}
