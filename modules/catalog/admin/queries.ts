import { gql } from '@motcua/kernel/admin';
import type { JsonObject } from './forms/form-model';

export type Channel = 'DIRECT' | 'ONLINE' | 'POSTAL';
export type OnlineMode = 'TOAN_TRINH' | 'MOT_PHAN' | 'NONE';
export type VersionStatus = 'DRAFT' | 'PUBLISHED' | 'RETIRED';
export type Level = 'BO' | 'TINH' | 'XA' | 'HUYEN';
export type LimitUnit = 'WORKING_DAYS' | 'WORKING_HOURS' | 'CALENDAR_DAYS' | 'SAME_DAY';

export const CHANNELS: readonly Channel[] = ['DIRECT', 'ONLINE', 'POSTAL'];
export const ONLINE_MODES: readonly OnlineMode[] = ['TOAN_TRINH', 'MOT_PHAN', 'NONE'];
export const STATUSES: readonly VersionStatus[] = ['DRAFT', 'PUBLISHED', 'RETIRED'];
/** HUYEN (district) was abolished on 01/07/2025: shown on old data, refused on new content. */
export const LEVELS: readonly Level[] = ['BO', 'TINH', 'XA', 'HUYEN'];
export const LIMIT_UNITS: readonly LimitUnit[] = ['WORKING_DAYS', 'WORKING_HOURS', 'CALENDAR_DAYS', 'SAME_DAY'];
export const FEE_MOMENTS = ['AT_SUBMISSION', 'AT_RESULT'] as const;

export interface TimeLimit { value: number; unit: LimitUnit }
export interface Sector { code: string; name: string; nameEn: string }

export interface ProcedureRow {
  id: string;
  code: string;
  name: string;
  sectorCode: string;
  sector: Sector | null;
  status: VersionStatus;
  onlineMode: OnlineMode;
  channels: Channel[];
  latestNumber: number;
  draft: { id: string; number: number } | null;
}

const ROW_FIELDS = 'id code name sectorCode sector { code name nameEn } status onlineMode channels latestNumber draft { id number }';

export const PROCEDURE_LIST = gql`query ProcedureList($offset: Int, $limit: Int, $filter: ProcedureFilter, $sort: ProcedureSort) {
  procedures(offset: $offset, limit: $limit, filter: $filter, sort: $sort) { nodes { ${ROW_FIELDS} } totalCount }
}`;

export const SECTORS = gql`query ProcedureSectors { procedureSectors { code name nameEn } }`;

/** The content of a version, exactly the shape of `ProcedureContentInput` (plus read-only fields). */
export interface VersionContent {
  name: string;
  sectorCode: string;
  levels: Level[];
  onlineMode: OnlineMode;
  applicantTypes: string[];
  implementingAgencies: string[];
  steps: string;
  conditions: string | null;
  publishingDecision: { number: string; date: string | null } | null;
  legalBasis: Array<{ number: string; title: string; issuer: string | null; issuedOn: string | null; effectiveOn: string | null }>;
  results: Array<{ name: string; code: string | null; paper: boolean }>;
  channels: Array<{ channel: Channel; description: string | null; limit: TimeLimit; fees: Array<{ name: string; amount: number; moment: string; note: string | null }> }>;
  cases: Array<{
    code: string;
    name: string;
    components: Array<{ code: string; name: string; templateFile: string | null; originals: number; copies: number; mandatory: boolean; fromSharedDatabase: boolean }>;
    form: { schema: JsonObject; uiSchema: JsonObject } | null;
  }>;
}

export interface MissingPart { part: string; vi: string; en: string }

export interface ProcedureVersion extends VersionContent {
  id: string;
  number: number;
  status: VersionStatus;
  effectiveFrom: string | null;
  effectiveTo: string | null;
  publishedAt: string | null;
  updatedAt: string;
  missingParts: MissingPart[];
}

export interface VersionSummary { id: string; number: number; status: VersionStatus; effectiveFrom: string | null; effectiveTo: string | null; publishedAt: string | null }

export interface Offering {
  id: string;
  agencyId: string;
  receivingUnitIds: string[];
  workflowDefinitionId: string | null;
  channels: Array<{ channel: Channel; localLimit: TimeLimit | null; statutoryLimit: TimeLimit | null; effectiveLimit: TimeLimit | null }>;
}

export interface ProcedureDetail {
  id: string;
  code: string;
  name: string;
  status: VersionStatus;
  ownerAgencyId: string | null;
  viewerCanDraft: boolean;
  viewerCanEditDraft: boolean;
  viewerCanPublish: boolean;
  draft: ProcedureVersion | null;
  listed: ProcedureVersion | null;
  versions: VersionSummary[];
  offerings: Offering[];
}

const VERSION_FIELDS = `id number status effectiveFrom effectiveTo publishedAt updatedAt
  name sectorCode levels onlineMode applicantTypes implementingAgencies steps conditions
  publishingDecision { number date }
  legalBasis { number title issuer issuedOn effectiveOn }
  results { name code paper }
  channels { channel description limit { value unit } fees { name amount moment note } }
  cases { code name components { code name templateFile originals copies mandatory fromSharedDatabase } form { schema uiSchema } }
  missingParts { part vi en }`;

const LIMIT = 'value unit';
const OFFERING_FIELDS = `id agencyId receivingUnitIds workflowDefinitionId channels { channel localLimit { ${LIMIT} } statutoryLimit { ${LIMIT} } effectiveLimit { ${LIMIT} } }`;

export const PROCEDURE = gql`query ProcedureDetail($id: ID!) {
  procedure(id: $id) {
    id code name status ownerAgencyId viewerCanDraft viewerCanEditDraft viewerCanPublish
    draft { ${VERSION_FIELDS} }
    listed { ${VERSION_FIELDS} }
    versions { id number status effectiveFrom effectiveTo publishedAt }
    offerings { ${OFFERING_FIELDS} }
  }
}`;

export const VERSION_DIFF = gql`query ProcedureVersionDiff($a: ID!, $b: ID!) { procedureVersionDiff(a: $a, b: $b) { path kind before after } }`;

export interface VersionChange { path: string; kind: string; before: string | null; after: string | null }

const PAYLOAD = `version { id number status procedureId }`;

export const CREATE_DRAFT = gql`mutation CreateProcedureDraft($input: CreateProcedureDraftInput!) { createProcedureDraft(input: $input) { ${PAYLOAD} } }`;
export const UPDATE_DRAFT = gql`mutation UpdateProcedureDraft($input: UpdateProcedureDraftInput!) { updateProcedureDraft(input: $input) { ${PAYLOAD} } }`;
export const DELETE_DRAFT = gql`mutation DeleteProcedureDraft($versionId: ID!) { deleteProcedureDraft(versionId: $versionId) { versionId procedureDeleted } }`;
export const PUBLISH_VERSION = gql`mutation PublishProcedureVersion($input: PublishProcedureVersionInput!) { publishProcedureVersion(input: $input) { ${PAYLOAD} } }`;
export const RETIRE_VERSION = gql`mutation RetireProcedureVersion($input: RetireProcedureVersionInput!) { retireProcedureVersion(input: $input) { ${PAYLOAD} } }`;
export const SET_VERSION_END = gql`mutation SetProcedureVersionEnd($input: SetProcedureVersionEndInput!) { setProcedureVersionEnd(input: $input) { ${PAYLOAD} } }`;

export const SET_OFFERING = gql`mutation SetProcedureOffering($input: SetProcedureOfferingInput!) { setProcedureOffering(input: $input) { offering { ${OFFERING_FIELDS} } } }`;
export const REMOVE_OFFERING = gql`mutation RemoveProcedureOffering($id: ID!) { removeProcedureOffering(id: $id) }`;

export const AGENCIES = gql`query CatalogAgencies($filter: AgencyFilter, $limit: Int) { agencies(filter: $filter, limit: $limit) { nodes { id name code depth } } }`;
export interface AgencyOption { id: string; name: string; code: string; depth: number }

export const ME_AGENCY = gql`query CatalogMe { me { agencyId } }`;

export type ImportOutcome = 'CREATED' | 'UPDATED' | 'SKIPPED' | 'REJECTED';
export interface ImportRow { rowNumber: number; sheet: string | null; code: string | null; outcome: ImportOutcome; reasonVi: string | null; reasonEn: string | null }
export interface ImportReport { dryRun: boolean; created: number; updated: number; skipped: number; rejected: number; rows: ImportRow[] }

export const IMPORT_CATALOG = gql`mutation ImportCatalog($input: ImportCatalogInput!) {
  importCatalog(input: $input) { dryRun created updated skipped rejected rows { rowNumber sheet code outcome reasonVi reasonEn } }
}`;

/** A file's bytes as base64 (what the server takes for Excel files). */
export function fileBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

export const EXPORT_CATALOG = gql`query ExportCatalog($input: ExportCatalogInput!) { exportCatalog(input: $input) { fileName format content count } }`;
export interface CatalogExport { fileName: string; format: 'JSON' | 'EXCEL'; content: string; count: number }
