import { Migration } from '@mikro-orm/migrations';

export class Migration20261126104340 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "dossiers_document" ("id" uuid not null, "dossier_id" uuid not null, "component_code" varchar(100) not null, "file_name" varchar(300) not null, "media_type" varchar(100) not null, "byte_length" int not null, "sha256" varchar(64) not null, "digitised" boolean not null default false, "reused" boolean not null default false, "from_national_store" boolean not null default false, "attached_at" timestamptz not null, "attached_by" uuid null, constraint "dossiers_document_pkey" primary key ("id"));`);
    this.addSql(`create index "dossiers_document_dossier_id_component_code_index" on "dossiers_document" ("dossier_id", "component_code");`);

    this.addSql(`alter table "dossiers_dossier" add column "agency_id" uuid null, add column "agency_path" varchar(1000) null, add column "unit_path" varchar(1000) null, add column "unit_id" uuid null, add column "procedure_id" uuid null, add column "procedure_version_id" uuid null, add column "case_code" varchar(100) not null default '', add column "applicant_user_id" uuid null, add column "form_data" jsonb null, add column "limit" jsonb null, add column "supplements" jsonb null, add column "apologies" jsonb null, add column "signatures" jsonb null, add column "forms" jsonb null, add column "process_instance_id" uuid null, add column "handler_id" uuid null, add column "officer_id" uuid null, add column "timeliness" varchar(10) null, add column "result_number" varchar(100) null, add column "result_signed_on" timestamptz null, add column "result_sha256" varchar(64) null, add column "tracking_secret" varchar(64) null, add column "search_text" varchar(500) not null default '';`);
    this.addSql(`create index "dossiers_dossier_agency_id_index" on "dossiers_dossier" ("agency_id");`);
    this.addSql(`create index "dossiers_dossier_unit_id_index" on "dossiers_dossier" ("unit_id");`);
    this.addSql(`create index "dossiers_dossier_procedure_id_index" on "dossiers_dossier" ("procedure_id");`);
    this.addSql(`create index "dossiers_dossier_applicant_user_id_index" on "dossiers_dossier" ("applicant_user_id");`);
    this.addSql(`create index "dossiers_dossier_officer_id_index" on "dossiers_dossier" ("officer_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "dossiers_document" cascade;`);

    this.addSql(`drop index "dossiers_dossier_agency_id_index";`);
    this.addSql(`drop index "dossiers_dossier_unit_id_index";`);
    this.addSql(`drop index "dossiers_dossier_procedure_id_index";`);
    this.addSql(`drop index "dossiers_dossier_applicant_user_id_index";`);
    this.addSql(`drop index "dossiers_dossier_officer_id_index";`);
    this.addSql(`alter table "dossiers_dossier" drop column "agency_id", drop column "agency_path", drop column "unit_path", drop column "unit_id", drop column "procedure_id", drop column "procedure_version_id", drop column "case_code", drop column "applicant_user_id", drop column "form_data", drop column "limit", drop column "supplements", drop column "apologies", drop column "signatures", drop column "forms", drop column "process_instance_id", drop column "handler_id", drop column "officer_id", drop column "timeliness", drop column "result_number", drop column "result_signed_on", drop column "result_sha256", drop column "tracking_secret", drop column "search_text";`);
  }

}
