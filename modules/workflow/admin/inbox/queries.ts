import { gql } from '@motcua/kernel/admin';
import type { StepAction } from '../processes/queries';

const TASK_FIELDS = 'id version stepCode stepName roleKey unitId assigneeId subjectType subjectId dueAt dueSoonAt enteredAt escalation status allowedActions { action to }';

export const INBOX = gql`query Inbox($view: InboxView!, $offset: Int, $limit: Int) {
  inbox(view: $view, offset: $offset, limit: $limit) { nodes { ${TASK_FIELDS} } totalCount }
}`;

export const CLAIM_TASK = gql`mutation ClaimTask($input: ClaimTaskInput!) { claimTask(input: $input) { task { ${TASK_FIELDS} } } }`;

export const COMPLETE_TASK = gql`mutation CompleteTask($input: CompleteTaskInput!) { completeTask(input: $input) { task { id } nextTasks { id stepName } } }`;

/** The inbox views, in tab order (ESCALATED only for those who assign work). */
export const INBOX_VIEWS = ['MINE', 'MY_ROLE', 'DUE_SOON', 'OVERDUE', 'ESCALATED'] as const;
export type InboxView = (typeof INBOX_VIEWS)[number];

export interface TaskRecord {
  id: string;
  version: number;
  stepCode: string;
  stepName: string;
  roleKey: string;
  unitId: string;
  assigneeId: string | null;
  subjectType: string;
  subjectId: string;
  dueAt: string;
  dueSoonAt: string;
  enteredAt: string;
  escalation: 'NONE' | 'DUE_SOON' | 'ESCALATED';
  status: 'OPEN' | 'COMPLETED' | 'CANCELLED';
  allowedActions: { action: StepAction; to: string[] }[];
}
