import { Migration } from '@mikro-orm/migrations';

export class Migration20261126092733 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`workflow_process\` (\`id\` text not null, \`agency_id\` text not null, \`agency_path\` text not null, \`code\` text not null, \`search_text\` text not null, \`procedure_case_id\` text null, \`channel\` text null, \`calendar_id\` text not null, \`latest_version\` integer not null, \`latest_status\` text check (\`latest_status\` in ('DRAFT', 'PUBLISHED', 'RETIRED')) not null, \`published_version\` integer null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`version\` integer not null default 1, primary key (\`id\`));`);
    this.addSql(`create index \`workflow_process_agency_id_index\` on \`workflow_process\` (\`agency_id\`);`);
    this.addSql(`create unique index \`workflow_process_agency_id_code_unique\` on \`workflow_process\` (\`agency_id\`, \`code\`);`);

    this.addSql(`create table \`workflow_instance\` (\`id\` text not null, \`process_id\` text not null, \`process_version_id\` text not null, \`process_version\` integer not null, \`agency_id\` text not null, \`subject_type\` text not null, \`subject_id\` text not null, \`status\` text check (\`status\` in ('RUNNING', 'WAITING', 'COMPLETED', 'CANCELLED')) not null, \`joins\` json not null, \`resume_step_code\` text null, \`started_at\` datetime not null, \`completed_at\` datetime null, \`version\` integer not null default 1, primary key (\`id\`));`);
    this.addSql(`create index \`workflow_instance_subject_type_subject_id_index\` on \`workflow_instance\` (\`subject_type\`, \`subject_id\`);`);

    this.addSql(`create table \`workflow_process_version\` (\`id\` text not null, \`process_id\` text not null, \`number\` integer not null, \`status\` text check (\`status\` in ('DRAFT', 'PUBLISHED', 'RETIRED')) not null, \`name\` text not null, \`statutory_limit\` json not null, \`start_step_code\` text not null, \`steps\` json not null, \`escalation\` json not null, \`created_by\` text null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`published_by\` text null, \`published_at\` datetime null, constraint \`workflow_process_version_process_id_foreign\` foreign key(\`process_id\`) references \`workflow_process\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`workflow_process_version_process_id_index\` on \`workflow_process_version\` (\`process_id\`);`);
    this.addSql(`create unique index \`workflow_process_version_process_id_number_unique\` on \`workflow_process_version\` (\`process_id\`, \`number\`);`);

    this.addSql(`create table \`workflow_clock\` (\`id\` text not null, \`subject_type\` text not null, \`subject_id\` text not null, \`step_code\` text not null, \`ledger\` json not null, \`status\` text check (\`status\` in ('RUNNING', 'PAUSED', 'STOPPED')) not null, \`due_at\` bigint null, \`ended_at\` bigint null, \`timeliness\` text check (\`timeliness\` in ('EARLY', 'ON_TIME', 'LATE')) null, \`updated_at\` datetime not null, \`version\` integer not null default 1, primary key (\`id\`));`);
    this.addSql(`create unique index \`workflow_clock_subject_type_subject_id_step_code_unique\` on \`workflow_clock\` (\`subject_type\`, \`subject_id\`, \`step_code\`);`);

    this.addSql(`create table \`workflow_task\` (\`id\` text not null, \`instance_id\` text not null, \`process_id\` text not null, \`process_version\` integer not null, \`agency_id\` text not null, \`subject_type\` text not null, \`subject_id\` text not null, \`step_code\` text not null, \`step_name\` text not null, \`role_key\` text not null, \`unit_id\` text not null, \`unit_path\` text not null, \`assignee_id\` text null, \`status\` text check (\`status\` in ('OPEN', 'COMPLETED', 'CANCELLED')) not null, \`timezone\` text not null, \`entered_at\` bigint not null, \`due_at\` bigint not null, \`due_soon_at\` bigint not null, \`escalate_at\` bigint not null, \`next_escalation_at\` bigint null, \`escalation_level\` integer not null default 0, \`completed_at\` bigint null, \`completed_by\` text null, \`action\` text check (\`action\` in ('FORWARD', 'RETURN', 'REQUEST_SUPPLEMENT', 'PROPOSE_REFUSAL', 'REQUEST_OPINION', 'SIGN', 'COMPLETE')) null, \`comment\` text null, \`timeliness\` text check (\`timeliness\` in ('EARLY', 'ON_TIME', 'LATE')) null, \`version\` integer not null default 1, primary key (\`id\`));`);
    this.addSql(`create index \`workflow_task_instance_id_index\` on \`workflow_task\` (\`instance_id\`);`);
    this.addSql(`create index \`workflow_task_escalation\` on \`workflow_task\` (\`status\`, \`next_escalation_at\`);`);
    this.addSql(`create index \`workflow_task_role_inbox\` on \`workflow_task\` (\`role_key\`, \`unit_id\`, \`status\`, \`due_at\`);`);
    this.addSql(`create index \`workflow_task_assignee_inbox\` on \`workflow_task\` (\`assignee_id\`, \`status\`, \`due_at\`);`);

  }

}
