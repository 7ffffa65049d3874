/**
 * Demo data (only with the demo seed): a published process of Sở Tư pháp and three running
 * instances waiting at its first step, so the officer inbox and the process designer have
 * something to show before the dossiers module drives real dossiers through the engine.
 */
import type { EntityManager } from '@mikro-orm/knex';
import { agencyUnitByCode } from '@motcua/identity/contract';
import { foldVietnamese, type SeedContext, uuid7 } from '@motcua/kernel/contract';
import { loadCalendarSnapshot } from '../calendars/calendar.read.js';
import { TimeLimitUnit } from '../clock/deadline.js';
import { type ProcessStep, StepAction, StepKind } from '../processes/definition.js';
import { startInstance } from '../engine/engine.js';
import { DEFAULT_ESCALATION, Process, ProcessVersion, ProcessVersionStatus } from './process.entity.js';

const hours = (value: number) => ({ value, unit: TimeLimitUnit.WORKING_HOURS });
const to = (action: StepAction, ...targets: string[]) => ({ action, to: targets });

/**
 * The demo steps: THU_LY (handling officer; asks two opinions in parallel or a supplement) →
 * Y_KIEN_PHONG (handling officer of `unitId`) ∥ Y_KIEN_TP (unit leader) → TONG_HOP (join) →
 * TRINH (unit leader) → KY (agency leader: signs, completes or returns).
 */
export function demoSteps(unitId: string): ProcessStep[] {
  const step = (code: string, name: string, roleKey: string, quota: { value: number; unit: TimeLimitUnit }, transitions: ProcessStep['transitions'], extra: Partial<ProcessStep> = {}): ProcessStep =>
    ({ code, name, kind: StepKind.TASK, actor: { roleKey, unitId: null, userId: null }, quota, transitions, ...extra });
  return [
    step('THU_LY', 'Thụ lý', 'HANDLING_OFFICER', hours(8), [to(StepAction.REQUEST_OPINION, 'Y_KIEN_PHONG', 'Y_KIEN_TP'), to(StepAction.REQUEST_SUPPLEMENT)], { kind: StepKind.PARALLEL_SPLIT }),
    step('Y_KIEN_PHONG', 'Ý kiến phòng', 'HANDLING_OFFICER', hours(4), [to(StepAction.FORWARD, 'TONG_HOP')], { actor: { roleKey: 'HANDLING_OFFICER', unitId, userId: null } }),
    step('Y_KIEN_TP', 'Ý kiến trưởng phòng', 'UNIT_LEADER', hours(4), [to(StepAction.FORWARD, 'TONG_HOP')]),
    step('TONG_HOP', 'Tổng hợp', 'HANDLING_OFFICER', hours(4), [to(StepAction.FORWARD, 'TRINH'), to(StepAction.RETURN, 'THU_LY')], { kind: StepKind.JOIN }),
    step('TRINH', 'Trình ký', 'UNIT_LEADER', hours(4), [to(StepAction.FORWARD, 'KY'), to(StepAction.RETURN, 'TONG_HOP'), to(StepAction.PROPOSE_REFUSAL, 'KY')]),
    step('KY', 'Ký duyệt', 'AGENCY_LEADER', { value: 1, unit: TimeLimitUnit.WORKING_DAYS }, [to(StepAction.SIGN), to(StepAction.COMPLETE), to(StepAction.RETURN, 'TRINH')]),
  ];
}

export const DEMO_PROCESS = { agencyCode: '000.00.10.H56', unitCode: '000.02.10.H56', code: 'DEMO-CTBS', name: 'Chứng thực bản sao từ bản chính (demo)' };

async function publishDemoProcess(em: EntityManager, now: Date): Promise<Process> {
  const [agency, unit] = await Promise.all([agencyUnitByCode(em, DEMO_PROCESS.agencyCode), agencyUnitByCode(em, DEMO_PROCESS.unitCode)]);
  const process = em.create(Process, {
    id: uuid7(now.getTime()), agencyId: agency.id, agencyPath: agency.path, code: DEMO_PROCESS.code, searchText: foldVietnamese(`${DEMO_PROCESS.code} ${DEMO_PROCESS.name}`),
    procedureCaseId: null, channel: null, calendarId: (await loadCalendarSnapshot(em, 'VN-GOV')).calendarId!, latestVersion: 1,
    latestStatus: ProcessVersionStatus.PUBLISHED, publishedVersion: 1, createdAt: now, updatedAt: now,
  });
  em.create(ProcessVersion, {
    id: uuid7(now.getTime()), process, number: 1, status: ProcessVersionStatus.PUBLISHED, name: DEMO_PROCESS.name, statutoryLimit: { value: 5, unit: TimeLimitUnit.WORKING_DAYS },
    startStepCode: 'THU_LY', steps: demoSteps(unit.id), escalation: DEFAULT_ESCALATION, createdBy: null, createdAt: now, updatedAt: now, publishedBy: null, publishedAt: now,
  });
  await em.flush();
  return process;
}

/** Seeds the demo process and three instances waiting at its first step; idempotent. */
export async function seedDemoProcess({ em, clock }: SeedContext): Promise<void> {
  if (await em.count(Process, { code: DEMO_PROCESS.code })) return;
  const now = clock.now();
  const process = await publishDemoProcess(em, now);
  for (const n of [1, 2, 3]) await startInstance(em, { processId: process.id, subjectType: 'DemoDossier', subjectId: `DEMO-${n}`, now });
}
