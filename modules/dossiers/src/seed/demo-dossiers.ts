import type { EntityManager } from '@mikro-orm/knex';
import { type AgencyUnit, agencyUnitByCode, BuiltInRole, roleHoldingsWithin } from '@motcua/identity/contract';
import { GLOBAL_SCOPE, Loaders, newAbilityBuilder, type Principal, type RequestContext, type WorkContext, uuid7 } from '@motcua/kernel/contract';
import { DEMO_PROCESS, readInstance, type TaskState } from '@motcua/workflow/contract';
import { Dossier } from '../dossier/dossier.entity.js';
import { receive } from '../api/intake.service.js';
import { actOnStep, approveResult, requestSupplement, returnResult, signResult } from '../api/processing.service.js';
import { hasSigningKey } from '../api/result-signing.js';
import { ReturnMethod } from '../lifecycle/actions.js';
import { DossierState } from '../lifecycle/states.js';

/** The sample procedure the demo dossiers are for (Sở Tư pháp, same-day limit, one document to bring). */
export const DEMO_DOSSIER_PROCEDURE = { code: '2.000635', caseCode: 'BSTL', component: 'TK-BSTL' };
/** Applicants of the dossiers left received (2), in processing, and waiting for a supplement. */
const APPLICANTS = ['Nguyễn Văn An', 'Trần Thị Bích Ngọc', 'Lê Hoàng Phúc', 'Phạm Thị Thu Hà'];
/**
 * The dossiers processed to the end by the seed and signed at start-up (see {@link completeDemoResults}):
 * their result numbers mark them as demo results, and one is also returned at the desk.
 */
const FINISHED = [
  { applicant: 'Hoàng Văn Dũng', resultNumber: '01/2026/BSTL-DEMO', returned: false },
  { applicant: 'Vũ Thị Mai Anh', resultNumber: '02/2026/BSTL-DEMO', returned: true },
];
/** The provincial one-stop desk receiving for Sở Tư pháp in the demo (catalog demo seed). */
const DEMO_DESK = '000.01.02.H56';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n').toString('base64');
/** The step action each demo process step takes on the way to its end (workflow's DEMO-CTBS; parallel opinions, then forward to signing). */
const PREFERRED_STEP_ACTIONS = ['COMPLETE', 'FORWARD', 'REQUEST_OPINION'];

/**
 * A context acting as a demo staff member who holds `roleKey` within `unit`, with every
 * permission (the demo is trusted; the lifecycle rules and the workflow's actor checks still apply).
 */
async function actingAs(work: WorkContext, unit: AgencyUnit | null, roleKey: BuiltInRole, name: string): Promise<RequestContext | null> {
  if (!unit) return null;
  const holder = (await roleHoldingsWithin(work.em, { pathPrefixes: [unit.path], unitIds: [] })).find((h) => h.roleKey === roleKey);
  if (!holder) return null;
  const principal: Principal = { kind: 'STAFF', fullName: name, userId: holder.userId, username: name, agencyId: holder.unitId, sessionId: null, grants: [{ permission: '*', scope: GLOBAL_SCOPE }] };
  const { can, build } = newAbilityBuilder();
  can('manage', 'all');
  return {
    requestId: uuid7(), log: work.log, em: work.em as EntityManager, principal, ability: build(), clock: work.clock, lang: 'vi', loaders: new Loaders(),
    platform: { production: false, authSecret: Buffer.alloc(32), permissions: [] }, afterRollback: [],
  };
}

/** The demo staff of Sở Tư pháp and its desk, by role; null when the demo province is absent. */
async function demoStaff(work: WorkContext): Promise<Partial<Record<BuiltInRole, RequestContext>> | null> {
  const [desk, agency] = await Promise.all([agencyUnitByCode(work.em, DEMO_DESK), agencyUnitByCode(work.em, DEMO_PROCESS.agencyCode)]);
  const roles = [
    [BuiltInRole.RECEPTION_OFFICER, desk, 'Cán bộ tiếp nhận (demo)'], [BuiltInRole.HANDLING_OFFICER, agency, 'Chuyên viên (demo)'],
    [BuiltInRole.UNIT_LEADER, agency, 'Trưởng phòng (demo)'], [BuiltInRole.AGENCY_LEADER, agency, 'Giám đốc Sở (demo)'],
  ] as const;
  const staff: Partial<Record<BuiltInRole, RequestContext>> = {};
  for (const [role, unit, name] of roles) {
    const ctx = await actingAs(work, unit, role, name);
    if (!ctx) return null;
    staff[role] = ctx;
  }
  return staff;
}

/** The first of the preferred actions a step offers. */
const stepActionOf = (task: TaskState) => PREFERRED_STEP_ACTIONS.find((action) => task.allowedActions.some((allowed) => allowed.action === action));

/** Acts on every open step of the dossier, each by a holder of its role, until its process ends. */
async function processToTheEnd(staff: Partial<Record<BuiltInRole, RequestContext>>, dossier: Dossier): Promise<void> {
  const openTasks = async () => (await readInstance(staff[BuiltInRole.HANDLING_OFFICER]!.em, dossier.processInstanceId!)).openTasks;
  for (let tasks = await openTasks(); tasks.length; tasks = await openTasks()) {
    for (const task of tasks) {
      const action = stepActionOf(task);
      const actor = staff[task.roleKey as BuiltInRole];
      if (!action || !actor) throw new Error(`demo dossiers: no way through step ${task.stepCode} of the demo process`);
      await actOnStep(actor, { id: dossier.id, taskId: task.id, action, comment: 'Đồng ý (demo)' });
    }
  }
}

/**
 * Demo dossiers of Sở Tư pháp at the provincial desk: two just received, one in processing
 * (opinions requested), one waiting for a supplement, and two processed to the end with their
 * result approved, waiting for the signatures that {@link completeDemoResults} adds at start-up
 * (signing keys are configured after the seeds). Skipped when any dossier exists already.
 */
export async function seedDemoDossiers(seed: WorkContext, agency: AgencyUnit): Promise<void> {
  if (await seed.em.count(Dossier, {})) return;
  const staff = await demoStaff(seed);
  if (!staff) return;
  const desk = staff[BuiltInRole.RECEPTION_OFFICER]!;
  const officer = staff[BuiltInRole.HANDLING_OFFICER]!;
  const received: Dossier[] = [];
  for (const name of [...APPLICANTS, ...FINISHED.map((f) => f.applicant)]) {
    received.push(await receive(desk, {
      create: { procedure: DEMO_DOSSIER_PROCEDURE.code, agencyId: agency.id, caseCode: DEMO_DOSSIER_PROCEDURE.caseCode, channel: 'DIRECT' as never, applicant: { name } },
      documents: [{ dossierId: '', componentCode: DEMO_DOSSIER_PROCEDURE.component, fileName: 'to-khai.pdf', contentBase64: PDF }],
    }));
  }
  const [, , processing, supplement, ...finished] = received;
  for (const dossier of [processing!, supplement!]) await actOnStep(officer, { id: dossier.id, action: 'REQUEST_OPINION', comment: 'Xin ý kiến phòng và trưởng phòng' });
  await requestSupplement(officer, { id: supplement!.id, missing: ['Giấy tờ chứng minh quan hệ với người được cấp trích lục'] });
  for (const [i, dossier] of finished.entries()) {
    await processToTheEnd(staff, dossier);
    await approveResult(officer, { id: dossier.id, number: FINISHED[i]!.resultNumber, signedOn: seed.clock.now() });
  }
}

/**
 * At start-up, once the signature module configured its keys (it starts before this module):
 * the demo results approved by the seed are signed by the officer and sealed for the agency
 * (done, national status 9), and one is returned at the desk (10), so the demo shows every
 * stage. Idempotent: it only moves demo results (by their numbers) still waiting; without
 * signing keys (tests, production without `SIGNING_*`) they stay waiting for signatures.
 */
export async function completeDemoResults(work: WorkContext): Promise<void> {
  const toReturn = FINISHED.filter((f) => f.returned).map((f) => f.resultNumber);
  const waiting = await work.em.find(Dossier, {
    $or: [
      { resultNumber: { $in: FINISHED.map((f) => f.resultNumber) }, state: { $in: [DossierState.AWAITING_OFFICER_SIGNATURE, DossierState.AWAITING_AGENCY_SIGNATURE] } },
      { resultNumber: { $in: toReturn }, state: DossierState.DONE },
    ],
  });
  if (!waiting.length) return;
  const staff = await demoStaff(work);
  const [officer, leader, desk] = [staff?.[BuiltInRole.HANDLING_OFFICER], staff?.[BuiltInRole.AGENCY_LEADER], staff?.[BuiltInRole.RECEPTION_OFFICER]];
  if (!officer || !leader || !desk) return;
  if (!hasSigningKey(officer.principal!.userId, 'OFFICER') || !hasSigningKey(leader.principal!.userId, 'AGENCY')) {
    work.log.info('demo results stay waiting for signatures: no server-side signing keys configured');
    return;
  }
  for (const dossier of waiting) {
    if (dossier.state === DossierState.AWAITING_OFFICER_SIGNATURE) await signResult(officer, dossier.id);
    if (dossier.state === DossierState.AWAITING_AGENCY_SIGNATURE) await signResult(leader, dossier.id);
    if (toReturn.includes(dossier.resultNumber!) && dossier.state === DossierState.DONE) await returnResult(desk, { id: dossier.id, method: ReturnMethod.AT_DESK, recipient: dossier.applicantName });
  }
  work.log.info({ dossiers: waiting.map((d) => d.code) }, 'demo results signed and returned');
}
