import { gql } from '@motcua/kernel/admin';

/** One row of the officers' dossier list. */
export interface DossierRow {
  id: string; code: string | null; state: string; nationalStatus: number | null; applicantName: string; procedureName: string;
  receivedAt: string | null; dueAt: string | null; timeliness: string | null; channel: string;
}

/** The dossier page: everything an officer reads before acting. */
export interface DossierDetail extends DossierRow {
  version: number; procedureCode: string; caseCode: string; agencyName: string; summary: string | null; formData: Record<string, unknown>;
  applicantIdNumber: string | null; applicantPhone: string | null; applicantEmail: string | null; applicantAddress: string | null;
  originalDueAt: string | null; finishedAt: string | null; returnedAt: string | null; allowedActions: string[]; openTaskId: string | null;
  /** Lodged at another desk regardless of administrative boundary: `receivedAtUnitName`, and when the competent agency received it. */
  boundaryFree: boolean; receivedAtUnitName: string | null; competentReceivedAt: string | null;
  ledgerExplanation: string[];
  documents: Array<{ id: string; componentCode: string; fileName: string; mediaType: string; byteLength: number; digitised: boolean; reused: boolean; fromNationalStore: boolean }>;
  components: Array<{ code: string; name: string; mandatory: boolean; fromSharedDatabase: boolean; present: boolean }>;
  timeline: Array<{ at: string; actorName: string; unitName: string | null; content: string; nationalStatus: number; stepDueAt: string | null }>;
  supplements: Array<{ ordinal: number; missing: string[]; requestedAt: string; receivedAt: string | null; countsLate: boolean }>;
  apologies: Array<{ reason: string; previousDueAt: string; newDueAt: string; issuedAt: string }>;
  result: { number: string | null; signedOn: string | null; signatureCount: number; returnMethod: string | null; returnRecipient: string | null };
  signatures: Array<{ role: string; signerName: string; signedAt: string }>;
  forms: Array<{ kind: string; number: string; sha256: string; createdAt: string }>;
}

const ROW = 'id code state nationalStatus applicantName procedureName receivedAt dueAt timeliness channel';
const DETAIL = `${ROW} version procedureCode caseCode agencyName summary formData applicantIdNumber applicantPhone applicantEmail applicantAddress
  originalDueAt finishedAt returnedAt allowedActions openTaskId ledgerExplanation boundaryFree receivedAtUnitName competentReceivedAt
  documents { id componentCode fileName mediaType byteLength digitised reused fromNationalStore }
  components { code name mandatory fromSharedDatabase present }
  timeline { at actorName unitName content nationalStatus stepDueAt }
  supplements { ordinal missing requestedAt receivedAt countsLate } apologies { reason previousDueAt newDueAt issuedAt }
  result { number signedOn signatureCount returnMethod returnRecipient } signatures { role signerName signedAt }
  forms { kind number sha256 createdAt }`;

export const DOSSIERS = gql`query DossierDeskList($filter: DossierFilter, $order: DossierOrder, $offset: Int, $limit: Int) {
  dossiers(filter: $filter, order: $order, offset: $offset, limit: $limit) { totalCount nodes { ${ROW} } }
}`;
export const DOSSIER = gql`query DossierDeskDetail($id: ID!) { dossier(id: $id) { ${DETAIL} } }`;

/** Published procedures matching the typed words (diacritics ignored by the server). */
export const PROCEDURE_SEARCH = gql`query DossierProcedureSearch($search: String) {
  procedures(filter: { search: $search }, limit: 20) { nodes { id code name } }
}`;

/** The cases and components of the version in force, and who offers the procedure. */
export const PROCEDURE_CASES = gql`query DossierProcedureCases($id: ID!) {
  procedure(id: $id) {
    id code name offerings { agencyId receivingUnitIds }
    current { id channels { channel } cases { code name components { code name originals copies mandatory fromSharedDatabase } } }
  }
}`;

export const AGENCY_TREE = gql`query DossierAgencyTree { agencyTree { id name children { id name children { id name } } } }`;

export const RECEIVE = gql`mutation DossierReceive($input: ReceiveDossierInput!) { receiveDossier(input: $input) { ${DETAIL} } }`;

/** A form issued for a dossier (e.g. Mẫu 01), as stored. */
export const DOSSIER_FORM = gql`query DossierForm($id: ID!, $sha256: String!) { dossierForm(id: $id, sha256: $sha256) { fileName mediaType contentBase64 } }`;

/** One line of the tracking book (Mẫu 07) as previewed: the book's columns. */
export interface BookRow {
  id: string; code: string; procedureName: string; applicantName: string; receivedAt: string; dueAt: string; returnedAt: string | null; timeliness: string | null;
}

/** The dossiers a unit received in a range, for the tracking book's preview. */
export const BOOK_ROWS = gql`query DossierBookRows($filter: DossierFilter, $offset: Int, $limit: Int) {
  dossiers(filter: $filter, offset: $offset, limit: $limit) { totalCount nodes { id code procedureName applicantName receivedAt dueAt returnedAt timeliness } }
}`;

/** The tracking book (Mẫu 07) of a unit for [from, to), as PDF or Excel. */
export const TRACKING_BOOK = gql`query DossierTrackingBook($unitId: ID!, $from: DateTime!, $to: DateTime!, $format: RegisterFormat) {
  trackingBook(unitId: $unitId, from: $from, to: $to, format: $format) { fileName mediaType contentBase64 }
}`;

export const TRACK = gql`query DossierTrack($code: String!, $secret: String!) {
  trackDossier(code: $code, secret: $secret) {
    code statusLabel nationalStatus procedureName agencyName receivedAt expectedReturnAt finishedAt returnedAt timeline { at label nationalStatus }
  }
}`;

const dossierMutation = (name: string, input: string) => gql(`mutation Dossier_${name}($input: ${input}!) { ${name}(input: $input) { ${DETAIL} } }`);

/** The mutation and input type of each action the dossier page offers. */
export const ACTION_MUTATIONS = {
  RECEIVE: dossierMutation('receiveDossier', 'ReceiveDossierInput'),
  RECEIVE_AT_COMPETENT_AGENCY: dossierMutation('receiveAtCompetentAgency', 'DossierIdInput'),
  REQUEST_COMPLETION: dossierMutation('requestCompletion', 'MissingItemsInput'),
  REFUSE_AT_RECEPTION: dossierMutation('refuseAtReception', 'ReasonsInput'),
  FORWARD: dossierMutation('actOnDossierStep', 'DossierStepInput'),
  HAND_OVER: dossierMutation('actOnDossierStep', 'DossierStepInput'),
  REQUEST_SUPPLEMENT: dossierMutation('requestSupplement', 'MissingItemsInput'),
  RECEIVE_SUPPLEMENT: dossierMutation('receiveSupplement', 'DossierIdInput'),
  REQUIRE_PAYMENT: dossierMutation('requireFinancialObligation', 'DossierIdInput'),
  CONFIRM_PAYMENT: dossierMutation('confirmFinancialObligation', 'DossierIdInput'),
  STOP_PROCESSING: dossierMutation('refuseDossier', 'ReasonsInput'),
  WITHDRAW: dossierMutation('withdrawDossier', 'DossierIdInput'),
  ISSUE_APOLOGY: dossierMutation('issueApology', 'ApologyInput'),
  APPROVE_RESULT: dossierMutation('approveResult', 'ApproveResultInput'),
  SIGN_AS_OFFICER: dossierMutation('signDossierResult', 'DossierIdInput'),
  SIGN_AS_AGENCY: dossierMutation('signDossierResult', 'DossierIdInput'),
  RETURN_RESULT: dossierMutation('returnResult', 'ReturnResultInput'),
} as const;

export type OfficeAction = keyof typeof ACTION_MUTATIONS;

/** The open step of a dossier: its name, clock and the step actions possible now. */
export const OPEN_TASK = gql`query DossierOpenTask($id: ID!) {
  task(id: $id) { id stepName dueAt clockExplanation allowedActions { action to } }
}`;

/** An open workflow step of a dossier in the caller's inbox. */
export interface DossierTask { id: string; subjectId: string; subjectType: string; stepName: string; dueAt: string; enteredAt: string; assigneeId: string | null; allowedActions: Array<{ action: string; to: string[] }> }

/** The caller's open steps (assigned, or routed to a role they hold), earliest due first. */
export const MY_STEPS = gql`query DossierMySteps($view: InboxView!) {
  inbox(view: $view, limit: 100) { nodes { id subjectId subjectType stepName dueAt enteredAt assigneeId allowedActions { action to } } }
}`;
