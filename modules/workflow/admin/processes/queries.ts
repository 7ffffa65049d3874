import { gql } from '@motcua/kernel/admin';

const PROCESS_FIELDS = `id code name agencyId calendarId version latestVersion status publishedVersion startStepCode
  statutoryLimit { value unit }
  steps { code name kind actor { roleKey unitId userId } quota { value unit } transitions { action to } }
  problems { code stepCode message messageEn details }
  versions { number status createdAt publishedAt }`;

export const PROCESSES = gql`query Processes($offset: Int, $limit: Int, $filter: ProcessFilter) {
  processes(offset: $offset, limit: $limit, filter: $filter) { nodes { id code name version status publishedVersion updatedAt } totalCount }
}`;

export const PROCESS = gql`query Process($id: ID!) { process(id: $id) { ${PROCESS_FIELDS} } }`;

export const CREATE_PROCESS = gql`mutation CreateProcess($input: CreateProcessInput!) { createProcess(input: $input) { process { ${PROCESS_FIELDS} } } }`;

export const UPDATE_PROCESS = gql`mutation UpdateProcess($input: UpdateProcessInput!) { updateProcess(input: $input) { process { ${PROCESS_FIELDS} } } }`;

export const PUBLISH_PROCESS = gql`mutation PublishProcess($input: PublishProcessInput!) { publishProcess(input: $input) { process { ${PROCESS_FIELDS} } } }`;

export const SIMULATE_PROCESS = gql`query SimulateProcess($definitionId: ID!, $input: SimulateProcessInput!) {
  simulateProcess(definitionId: $definitionId, input: $input) {
    dossiers completed deadEndCount early onTime late onTimeShare meanLeadMinutes timeLostAt explanation
    deadEnds { stepCode reason count }
    steps { stepCode name visits meanWaitMinutes meanWorkMinutes quotaMinutes lossRatio lateCauseShare }
    roles { roleHolderKey staff tasks busyMinutes availableMinutes utilisation }
  }
}`;

/** Roles a step can name: built-in ones and the agency's own. */
export const STEP_ROLES = gql`query StepRoles($filter: RoleFilter) { roles(limit: 100, filter: $filter) { nodes { id key name nameEn builtIn } totalCount } }`;

/** Units of the agency a step can be routed to. */
export const AGENCY_UNITS = gql`query AgencyUnits($filter: AgencyFilter) { agencies(limit: 100, filter: $filter) { nodes { id code name } totalCount } }`;

export type TimeLimitUnit = 'WORKING_HOURS' | 'WORKING_DAYS' | 'CALENDAR_DAYS' | 'SAME_DAY';
export const TIME_LIMIT_UNITS: readonly TimeLimitUnit[] = ['WORKING_DAYS', 'WORKING_HOURS', 'CALENDAR_DAYS', 'SAME_DAY'];

export type StepKind = 'TASK' | 'PARALLEL_SPLIT' | 'JOIN';
export const STEP_KINDS: readonly StepKind[] = ['TASK', 'PARALLEL_SPLIT', 'JOIN'];

export type StepAction = 'FORWARD' | 'RETURN' | 'REQUEST_SUPPLEMENT' | 'PROPOSE_REFUSAL' | 'REQUEST_OPINION' | 'SIGN' | 'COMPLETE';

export interface TimeLimit { value: number; unit: TimeLimitUnit }
export interface StepTransition { action: StepAction; to: string[] }
export interface StepActor { roleKey: string; unitId: string | null; userId: string | null }
export interface ProcessStep { code: string; name: string; kind: StepKind; actor: StepActor; quota: TimeLimit; transitions: StepTransition[] }
export interface ProcessProblem { code: string; stepCode: string | null; message: string; messageEn: string; details: string | null }
export type ProcessStatus = 'DRAFT' | 'PUBLISHED' | 'RETIRED';

export interface ProcessRecord {
  id: string;
  code: string;
  name: string;
  agencyId: string;
  calendarId: string;
  version: number;
  latestVersion: number;
  status: ProcessStatus;
  publishedVersion: number | null;
  startStepCode: string;
  statutoryLimit: TimeLimit;
  steps: ProcessStep[];
  problems: ProcessProblem[];
  versions: { number: number; status: ProcessStatus; createdAt: string; publishedAt: string | null }[];
}

export interface ProcessListItem { id: string; code: string; name: string; version: number; status: ProcessStatus; publishedVersion: number | null; updatedAt: string }

export interface SimulationReport {
  dossiers: number;
  completed: number;
  deadEndCount: number;
  early: number;
  onTime: number;
  late: number;
  onTimeShare: number | null;
  meanLeadMinutes: number | null;
  timeLostAt: string | null;
  explanation: string[];
  deadEnds: { stepCode: string; reason: string; count: number }[];
  steps: { stepCode: string; name: string; visits: number; meanWaitMinutes: number; meanWorkMinutes: number; quotaMinutes: number; lossRatio: number; lateCauseShare: number }[];
  roles: { roleHolderKey: string; staff: number; tasks: number; busyMinutes: number; availableMinutes: number; utilisation: number }[];
}

export interface RoleOption { id: string; key: string; name: string; nameEn: string | null; builtIn: boolean }
export interface UnitOption { id: string; code: string; name: string }
