import 'reflect-metadata';
import identity from '@motcua/identity';
import kernel from '@motcua/kernel';
import { type FixedClock, uuid7 } from '@motcua/kernel/contract';
import { createTestApp, type TestApp } from '@motcua/server/testing';
import { allocateDossierCode, createDossiersModule, Dossier, type DossiersModuleOptions, recordTransition, type TransitionRecord } from '@motcua/dossiers';
import {
  applyTransition, Channel, DossierAction, DossierState, RULES_DECREE_118_2025, type ActionInput, type LifecycleContext,
} from '@motcua/dossiers/contract';

export const UNIT = '000.00.06.H56';
export const DUE = new Date('2026-03-09T10:00:00Z');
export const RETRY_BASE_MS = 1_000;

/** A server with kernel, identity and a dossiers module configured by the test. */
export function startDossierApp(clock: FixedClock, options: Partial<DossiersModuleOptions> = {}): Promise<TestApp> {
  const dossiers = createDossiersModule({
    portal: options.portal ?? null,
    notifications: options.notifications ?? { smtp: null, shortMessages: [], trackingUrl: (code) => `https://motcua.example.vn/tra-cuu?ma=${code}` },
  });
  return createTestApp({ modules: [kernel, identity, dossiers], demo: false, clock, retryBaseMs: RETRY_BASE_MS });
}

/** Facts under which the guards of the tested path pass. */
export const facts = (now: Date): LifecycleContext => ({
  now, rules: RULES_DECREE_118_2025, dueAt: DUE, clockStarted: true, boundaryFree: false, apologiesIssued: 0,
  supplementRequests: 0, supplementDeadlinePassed: false, requiredComponentsPresent: true, workflowAtEnd: true, resultSigned: false,
});

/** Creates a dossier in state NEW at the desk (as the coming intake service will, once the catalog gives the procedure). */
export async function newDossier(t: TestApp): Promise<string> {
  const id = uuid7();
  const em = t.app.orm.em.fork();
  em.create(Dossier, {
    id, state: DossierState.NEW, channel: Channel.DIRECT, unitCode: UNIT, agencyCode: UNIT, agencyName: 'Trung tâm Phục vụ hành chính công tỉnh Thanh Hóa',
    procedureCode: '1.000105', procedureName: 'Cấp đổi giấy phép lái xe', applicantName: 'Nguyễn Thị Hồng Ánh',
    applicantEmail: 'anh.nguyen@example.vn', applicantPhone: '0912345678',
  });
  await em.flush();
  return id;
}

/**
 * Applies one lifecycle action to a stored dossier in one transaction, as the coming mutations
 * will: state machine, code on receipt, `recordTransition`.
 */
export async function act(t: TestApp, clock: FixedClock, dossierId: string, action: ActionInput, record: Partial<TransitionRecord> = {}): Promise<void> {
  await t.app.orm.em.fork().transactional(async (em) => {
    const now = clock.now();
    const dossier = await em.findOneOrFail(Dossier, dossierId);
    const outcome = applyTransition(dossier.state as DossierState, action, facts(now));
    if (action.type === DossierAction.RECEIVE) dossier.code = await allocateDossierCode(em, dossier.unitCode, now);
    await recordTransition(em, dossier, outcome, { actor: { name: 'Lê Văn Đức', title: 'Chuyên viên', unitName: 'Bộ phận Một cửa' }, content: action.type, ...record }, now);
  });
}
