/**
 * The dossier API tests' world: the full server with the demo province, a published
 * three-step process of Sở Tư pháp, a procedure offered by Sở Tư pháp at the provincial
 * desk with that process, and cached sign-ins per demo account.
 */
import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { FixedClock } from '@motcua/kernel/contract';
import { createTestApp, expectOk, expectRefused, type TestApp, writeCounter } from '@motcua/server/testing';

export { expectOk, expectRefused };

import { DESK, JUSTICE, JUSTICE_UNIT, PROCEDURE_CODE, procedureContent, threeStepProcess } from '../../src/testing/fixtures.js';

export { DESK, JUSTICE, JUSTICE_UNIT, PROCEDURE_CODE, procedureContent, threeStepProcess };

export const { rowsWrittenBy, expectRefusedWithoutWrites } = writeCounter([
  'dossiers_dossier', 'dossiers_document', 'dossiers_process_log', 'dossiers_code_counter', 'workflow_clock', 'workflow_instance', 'workflow_task', 'kernel_outbox',
]);

export const DOSSIER = `id code state nationalStatus channel procedureCode applicantName caseCode formData receivedAt originalDueAt dueAt finishedAt returnedAt
  timeliness processInstanceId officerId version allowedActions openTaskId unitId competentUnitId boundaryFree competentReceivedAt receivedAtUnitName
  documents { componentCode fileName mediaType byteLength sha256 digitised reused fromNationalStore }
  components { code mandatory fromSharedDatabase present }
  timeline { at actorName content nationalStatus stepDueAt } ledgerExplanation
  supplements { ordinal missing requestedAt receivedAt beforeReceipt countsLate } apologies { reason previousDueAt newDueAt }
  result { number signedOn documentSha256 signatureCount returnMethod returnRecipient } signatures { role signerName documentSha256 }
  forms { kind number sha256 }`;

const mutation = (name: string, input: string) => `mutation($input: ${input}!) { ${name}(input: $input) { ${DOSSIER} } }`;

export const Q = {
  dossier: `query($id: ID, $code: String) { dossier(id: $id, code: $code) { ${DOSSIER} } }`,
  dossiers: `query($filter: DossierFilter, $first: Int) { dossiers(filter: $filter, first: $first) { totalCount nodes { id code state nationalStatus applicantName } } }`,
  track: `query($code: String!, $secret: String!) { trackDossier(code: $code, secret: $secret) { code nationalStatus statusLabel procedureName agencyName receivedAt expectedReturnAt finishedAt returnedAt timeline { nationalStatus label } } }`,
  createDraft: mutation('createDossierDraft', 'CreateDossierInput'),
  updateDraft: mutation('updateDossierDraft', 'UpdateDossierDraftInput'),
  attach: `mutation($input: AttachDocumentInput!) { attachDossierDocument(input: $input) { id componentCode sha256 mediaType } }`,
  submit: mutation('submitDossier', 'DossierIdInput'),
  receive: mutation('receiveDossier', 'ReceiveDossierInput'),
  receiveAtCompetentAgency: mutation('receiveAtCompetentAgency', 'DossierIdInput'),
  requestCompletion: mutation('requestCompletion', 'MissingItemsInput'),
  refuseAtReception: mutation('refuseAtReception', 'ReasonsInput'),
  step: mutation('actOnDossierStep', 'DossierStepInput'),
  requestSupplement: mutation('requestSupplement', 'MissingItemsInput'),
  receiveSupplement: mutation('receiveSupplement', 'DossierIdInput'),
  requirePayment: mutation('requireFinancialObligation', 'DossierIdInput'),
  confirmPayment: mutation('confirmFinancialObligation', 'DossierIdInput'),
  refuse: mutation('refuseDossier', 'ReasonsInput'),
  withdraw: mutation('withdrawDossier', 'DossierIdInput'),
  apology: mutation('issueApology', 'ApologyInput'),
  approve: mutation('approveResult', 'ApproveResultInput'),
  sign: mutation('signDossierResult', 'DossierIdInput'),
  returnResult: mutation('returnResult', 'ReturnResultInput'),
};



export interface DossierWorld {
  t: TestApp;
  clock: FixedClock;
  token: (username: string) => Promise<{ token: string }>;
  agency: (code: string) => string;
  procedureId: string;
  /** The published three-step process of Sở Tư pháp the offerings run. */
  processId: string;
  /** Moves the clock; sign-ins are renewed (tokens expire on the same clock). */
  at: (instant: string) => void;
  gql: <T = any>(username: string | null, query: string, variables?: Record<string, unknown>) => Promise<import('@motcua/server/testing').GraphqlResult<T> & any>;
  ok: (username: string | null, query: string, variables?: Record<string, unknown>) => Promise<any>;
}

/** Boots the server with demo data at `start` and installs the procedure, its offering and its process. */
export async function dossierWorld(clock: FixedClock): Promise<DossierWorld> {
  const t = await createTestApp({ clock });
  const tokens = new Map<string, string>();
  const token = async (username: string) => ({ token: tokens.get(username) ?? tokens.set(username, await t.login(username)).get(username)! });
  const { agencies } = expectOk(await t.gql('{ agencies(limit: 100) { nodes { id code } } }'));
  const ids = new Map<string, string>(agencies.nodes.map((a: { id: string; code: string }) => [a.code, a.id]));
  const agency = (code: string) => ids.get(code)!;
  const gql = async (username: string | null, query: string, variables: Record<string, unknown> = {}) => t.gql(query, variables, username ? await token(username) : {});
  const ok = async (username: string | null, query: string, variables: Record<string, unknown> = {}) => expectOk(await gql(username, query, variables), query.slice(0, 60));

  const process = await ok('quantri', 'mutation($input: CreateProcessInput!) { createProcess(input: $input) { process { id } } }', { input: threeStepProcess(agency(JUSTICE), 'TRICH-LUC') });
  const processId = process.createProcess.process.id;
  await ok('quantri', 'mutation($input: PublishProcessInput!) { publishProcess(input: $input) { process { id } } }', { input: { id: processId, version: 1 } });
  const world = { t, clock, token, agency, processId, gql, ok, at: (instant: string) => { clock.set(new Date(instant)); tokens.clear(); } };
  return { ...world, procedureId: await offerProcedure(world, PROCEDURE_CODE, procedureContent()) };
}

/**
 * Publishes a procedure of Sở Tư pháp (in force from 2026-01-01) and offers it, DIRECT and
 * ONLINE, at the provincial desk with the world's process; returns the procedure id.
 *
 * @example await offerProcedure(w, '2.000998', { ...procedureContent(), boundaryFree: true });
 */
export async function offerProcedure(w: Pick<DossierWorld, 'ok' | 'agency' | 'processId'>, code: string, content: Record<string, unknown>): Promise<string> {
  const draft = await w.ok('admin', 'mutation($input: CreateProcedureDraftInput!) { createProcedureDraft(input: $input) { version { id procedureId } } }', {
    input: { code, ownerAgencyId: w.agency(JUSTICE), content },
  });
  const { id: versionId, procedureId } = draft.createProcedureDraft.version;
  await w.ok('admin', 'mutation($input: PublishProcedureVersionInput!) { publishProcedureVersion(input: $input) { version { id } } }', { input: { versionId, effectiveFrom: '2026-01-01' } });
  await w.ok('admin', 'mutation($input: SetProcedureOfferingInput!) { setProcedureOffering(input: $input) { offering { id } } }', {
    input: {
      procedureId, agencyId: w.agency(JUSTICE), receivingUnitIds: [w.agency(DESK)], workflowDefinitionId: w.processId,
      channels: [{ channel: 'DIRECT' }, { channel: 'ONLINE' }],
    },
  });
  return procedureId;
}

/** A PDF's text as `pdftotext -layout` reads it (the forms' wording, with diacritics). */
export function pdfText(pdf: Uint8Array): string {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-dossier-'));
  writeFileSync(join(dir, 'form.pdf'), pdf);
  return execFileSync('pdftotext', ['-layout', join(dir, 'form.pdf'), '-'], { encoding: 'utf8' });
}

/** A one-page PDF (enough for the type sniffer). */
export const PDF_BASE64 = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n').toString('base64');

/** The fact kinds published for evaluation, in order. */
export async function factKinds(t: TestApp, dossierId: string): Promise<string[]> {
  const em = t.app.orm.em.fork();
  const rows = await em.getConnection().execute<Array<{ payload: string | Record<string, unknown> }>>(
    "select payload from kernel_outbox where type = 'evaluation.DossierFactRecorded' order by id",
  );
  return rows.map((r) => (typeof r.payload === 'string' ? JSON.parse(r.payload) : r.payload)).filter((p) => p.dossierId === dossierId).map((p) => p.kind + (p.timeliness ? `:${p.timeliness}` : ''));
}

/** Asserts a refusal is INVALID_TRANSITION listing the allowed actions. */
export function expectInvalidTransition(result: any, allowed: string[]): void {
  const error = expectRefused(result, 'INVALID_TRANSITION');
  expect(error.extensions.details.allowed).toEqual(allowed);
}
