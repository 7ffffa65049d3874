import { Migration } from '@mikro-orm/migrations';

export class Migration20261126093500 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "dossiers_dossier" ("id" uuid not null, "code" varchar(100) null, "foreign_code" varchar(100) null, "state" varchar(40) not null, "national_status" int null, "channel" int not null, "unit_code" varchar(100) not null, "agency_code" varchar(100) not null, "agency_name" varchar(500) not null, "procedure_code" varchar(100) not null, "procedure_name" varchar(1000) not null, "sector_code" varchar(100) null, "sector_name" varchar(500) null, "applicant_name" varchar(300) not null, "applicant_kind" int not null default 1, "applicant_id_number" varchar(50) null, "applicant_email" varchar(300) null, "applicant_phone" varchar(50) null, "applicant_address" varchar(1000) null, "summary" varchar(1000) null, "submitted_at" timestamptz null, "received_at" timestamptz null, "original_due_at" timestamptz null, "due_at" timestamptz null, "finished_at" timestamptz null, "returned_at" timestamptz null, "refused_at" timestamptz null, "return_method" varchar(20) null, "return_recipient" varchar(300) null, "rules_version" varchar(40) null, "portal_synced_at" timestamptz null, "created_at" timestamptz not null, "version" int not null default 1, constraint "dossiers_dossier_pkey" primary key ("id"));`);
    this.addSql(`alter table "dossiers_dossier" add constraint "dossiers_dossier_code_unique" unique ("code");`);
    this.addSql(`create index "dossiers_dossier_unit_code_received_at_index" on "dossiers_dossier" ("unit_code", "received_at");`);

    this.addSql(`create table "dossiers_code_counter" ("unit_code" varchar(100) not null, "day" varchar(10) not null, "last_value" int not null, constraint "dossiers_code_counter_pkey" primary key ("unit_code", "day"));`);

    this.addSql(`create table "dossiers_process_log" ("id" uuid not null, "dossier_id" uuid not null, "at" timestamptz not null, "actor_name" varchar(300) not null, "actor_title" varchar(300) null, "unit_name" varchar(500) null, "content" varchar(2000) not null, "national_status" int not null, "step_started_at" timestamptz null, "step_due_at" timestamptz null, "synced_at" timestamptz null, constraint "dossiers_process_log_pkey" primary key ("id"));`);
    this.addSql(`create index "dossiers_process_log_dossier_id_at_index" on "dossiers_process_log" ("dossier_id", "at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "dossiers_dossier" cascade;`);

    this.addSql(`drop table if exists "dossiers_code_counter" cascade;`);

    this.addSql(`drop table if exists "dossiers_process_log" cascade;`);
  }

}
