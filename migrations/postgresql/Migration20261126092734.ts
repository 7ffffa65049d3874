import { Migration } from '@mikro-orm/migrations';

export class Migration20261126092734 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "workflow_process" ("id" uuid not null, "agency_id" uuid not null, "agency_path" varchar(1000) not null, "code" varchar(50) not null, "search_text" varchar(1000) not null, "procedure_case_id" varchar(100) null, "channel" varchar(50) null, "calendar_id" uuid not null, "latest_version" int not null, "latest_status" text check ("latest_status" in ('DRAFT', 'PUBLISHED', 'RETIRED')) not null, "published_version" int null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, constraint "workflow_process_pkey" primary key ("id"));`);
    this.addSql(`create index "workflow_process_agency_id_index" on "workflow_process" ("agency_id");`);
    this.addSql(`alter table "workflow_process" add constraint "workflow_process_agency_id_code_unique" unique ("agency_id", "code");`);

    this.addSql(`create table "workflow_instance" ("id" uuid not null, "process_id" uuid not null, "process_version_id" uuid not null, "process_version" int not null, "agency_id" uuid not null, "subject_type" varchar(50) not null, "subject_id" varchar(100) not null, "status" text check ("status" in ('RUNNING', 'WAITING', 'COMPLETED', 'CANCELLED')) not null, "joins" jsonb not null, "resume_step_code" varchar(50) null, "started_at" timestamptz not null, "completed_at" timestamptz null, "version" int not null default 1, constraint "workflow_instance_pkey" primary key ("id"));`);
    this.addSql(`create index "workflow_instance_subject_type_subject_id_index" on "workflow_instance" ("subject_type", "subject_id");`);

    this.addSql(`create table "workflow_process_version" ("id" uuid not null, "process_id" uuid not null, "number" int not null, "status" text check ("status" in ('DRAFT', 'PUBLISHED', 'RETIRED')) not null, "name" varchar(300) not null, "statutory_limit" jsonb not null, "start_step_code" varchar(50) not null, "steps" jsonb not null, "escalation" jsonb not null, "created_by" uuid null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "published_by" uuid null, "published_at" timestamptz null, constraint "workflow_process_version_pkey" primary key ("id"));`);
    this.addSql(`alter table "workflow_process_version" add constraint "workflow_process_version_process_id_number_unique" unique ("process_id", "number");`);

    this.addSql(`create table "workflow_clock" ("id" uuid not null, "subject_type" varchar(50) not null, "subject_id" varchar(100) not null, "step_code" varchar(50) not null, "ledger" jsonb not null, "status" text check ("status" in ('RUNNING', 'PAUSED', 'STOPPED')) not null, "due_at" bigint null, "ended_at" bigint null, "timeliness" text check ("timeliness" in ('EARLY', 'ON_TIME', 'LATE')) null, "updated_at" timestamptz not null, "version" int not null default 1, constraint "workflow_clock_pkey" primary key ("id"));`);
    this.addSql(`alter table "workflow_clock" add constraint "workflow_clock_subject_type_subject_id_step_code_unique" unique ("subject_type", "subject_id", "step_code");`);

    this.addSql(`create table "workflow_task" ("id" uuid not null, "instance_id" uuid not null, "process_id" uuid not null, "process_version" int not null, "agency_id" uuid not null, "subject_type" varchar(50) not null, "subject_id" varchar(100) not null, "step_code" varchar(50) not null, "step_name" varchar(300) not null, "role_key" varchar(100) not null, "unit_id" uuid not null, "unit_path" varchar(1000) not null, "assignee_id" uuid null, "status" text check ("status" in ('OPEN', 'COMPLETED', 'CANCELLED')) not null, "timezone" varchar(64) not null, "entered_at" bigint not null, "due_at" bigint not null, "due_soon_at" bigint not null, "escalate_at" bigint not null, "next_escalation_at" bigint null, "escalation_level" int not null default 0, "completed_at" bigint null, "completed_by" uuid null, "action" text check ("action" in ('FORWARD', 'RETURN', 'REQUEST_SUPPLEMENT', 'PROPOSE_REFUSAL', 'REQUEST_OPINION', 'SIGN', 'COMPLETE')) null, "comment" text null, "timeliness" text check ("timeliness" in ('EARLY', 'ON_TIME', 'LATE')) null, "version" int not null default 1, constraint "workflow_task_pkey" primary key ("id"));`);
    this.addSql(`create index "workflow_task_instance_id_index" on "workflow_task" ("instance_id");`);
    this.addSql(`create index "workflow_task_escalation" on "workflow_task" ("status", "next_escalation_at");`);
    this.addSql(`create index "workflow_task_role_inbox" on "workflow_task" ("role_key", "unit_id", "status", "due_at");`);
    this.addSql(`create index "workflow_task_assignee_inbox" on "workflow_task" ("assignee_id", "status", "due_at");`);

    this.addSql(`alter table "workflow_process_version" add constraint "workflow_process_version_process_id_foreign" foreign key ("process_id") references "workflow_process" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "workflow_process_version" drop constraint "workflow_process_version_process_id_foreign";`);

    this.addSql(`drop table if exists "workflow_process" cascade;`);

    this.addSql(`drop table if exists "workflow_instance" cascade;`);

    this.addSql(`drop table if exists "workflow_process_version" cascade;`);

    this.addSql(`drop table if exists "workflow_clock" cascade;`);

    this.addSql(`drop table if exists "workflow_task" cascade;`);
  }

}
