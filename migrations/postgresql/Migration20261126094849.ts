import { Migration } from '@mikro-orm/migrations';

export class Migration20261126094849 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "evaluation_dispute" ("id" uuid not null, "fact_id" uuid not null, "dossier_id" uuid not null, "fact_kind" varchar(40) not null, "agency_id" uuid not null, "unit_id" uuid not null, "unit_path" varchar(1000) not null, "officer_id" varchar(36) not null, "reason" varchar(2000) not null, "proposal" varchar(12) not null, "target_unit_id" uuid null, "target_officer_id" uuid null, "status" varchar(10) not null, "decided_by" uuid null, "decision_reason" varchar(2000) null, "created_at" timestamptz not null, "decided_at" timestamptz null, constraint "evaluation_dispute_pkey" primary key ("id"));`);
    this.addSql(`create index "evaluation_dispute_fact_id_index" on "evaluation_dispute" ("fact_id");`);
    this.addSql(`create index "evaluation_dispute_unit_id_status_index" on "evaluation_dispute" ("unit_id", "status");`);

    this.addSql(`create table "evaluation_dossier" ("dossier_id" uuid not null, "code" varchar(50) null, "agency_id" uuid not null, "unit_id" uuid not null, "procedure_id" uuid not null, "applicant_id" uuid null, constraint "evaluation_dossier_pkey" primary key ("dossier_id"));`);
    this.addSql(`create index "evaluation_dossier_code_index" on "evaluation_dossier" ("code");`);

    this.addSql(`create table "evaluation_rating" ("id" uuid not null, "dossier_id" uuid not null, "rater_type" varchar(10) not null, "channel" varchar(10) not null, "answers" jsonb not null, "satisfaction" int not null, "comment" varchar(2000) null, "officer_ids" jsonb not null, "recorded_by" uuid null, "created_at" timestamptz not null, constraint "evaluation_rating_pkey" primary key ("id"));`);
    this.addSql(`alter table "evaluation_rating" add constraint "evaluation_rating_dossier_id_rater_type_unique" unique ("dossier_id", "rater_type");`);

    this.addSql(`alter table "evaluation_fact" add column "excluded_by" uuid null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "evaluation_dispute" cascade;`);

    this.addSql(`drop table if exists "evaluation_dossier" cascade;`);

    this.addSql(`drop table if exists "evaluation_rating" cascade;`);

    this.addSql(`alter table "evaluation_fact" drop column "excluded_by";`);
  }

}
