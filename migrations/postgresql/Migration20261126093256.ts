import { Migration } from '@mikro-orm/migrations';

export class Migration20261126093256 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "evaluation_agency_period" ("id" uuid not null, "agency_id" uuid not null, "period" varchar(10) not null, "facts" jsonb not null, "actor_id" uuid null, "updated_at" timestamptz not null, constraint "evaluation_agency_period_pkey" primary key ("id"));`);
    this.addSql(`alter table "evaluation_agency_period" add constraint "evaluation_agency_period_agency_id_period_unique" unique ("agency_id", "period");`);

    this.addSql(`create table "evaluation_config_version" ("id" uuid not null, "kind" varchar(20) not null, "number" int not null, "effective_from" varchar(10) not null, "config" jsonb not null, "change" varchar(1000) not null, "actor_id" uuid null, "created_at" timestamptz not null, constraint "evaluation_config_version_pkey" primary key ("id"));`);
    this.addSql(`alter table "evaluation_config_version" add constraint "evaluation_config_version_kind_number_unique" unique ("kind", "number");`);

    this.addSql(`create table "evaluation_daily" ("id" uuid not null, "agency_id" uuid not null, "unit_id" uuid not null, "unit_path" varchar(1000) not null, "officer_id" varchar(36) not null, "procedure_id" uuid not null, "day" varchar(10) not null, "received" int not null default 0, "received_online" int not null default 0, "steps_early" int not null default 0, "steps_on_time" int not null default 0, "steps_late" int not null default 0, "supplement_requests" int not null default 0, "supplements_received" int not null default 0, "apologies" int not null default 0, "done_early" int not null default 0, "done_on_time" int not null default 0, "done_late" int not null default 0, "returned" int not null default 0, "ratings" int not null default 0, "satisfaction_sum" int not null default 0, "ratings_satisfied" int not null default 0, "ratings_dissatisfied" int not null default 0, "complaints" int not null default 0, constraint "evaluation_daily_pkey" primary key ("id"));`);
    this.addSql(`create index "evaluation_daily_officer_id_day_index" on "evaluation_daily" ("officer_id", "day");`);
    this.addSql(`create index "evaluation_daily_unit_id_day_index" on "evaluation_daily" ("unit_id", "day");`);
    this.addSql(`create index "evaluation_daily_agency_id_day_index" on "evaluation_daily" ("agency_id", "day");`);
    this.addSql(`alter table "evaluation_daily" add constraint "evaluation_daily_agency_id_unit_id_officer_id_pro_c3359_unique" unique ("agency_id", "unit_id", "officer_id", "procedure_id", "day");`);

    this.addSql(`create table "evaluation_fact" ("id" uuid not null, "kind" varchar(40) not null, "dossier_id" uuid not null, "agency_id" uuid not null, "unit_id" uuid not null, "unit_path" varchar(1000) not null, "officer_id" varchar(36) not null, "procedure_id" uuid not null, "day" varchar(10) not null, "occurred_at" bigint not null, "fact" jsonb not null, constraint "evaluation_fact_pkey" primary key ("id"));`);
    this.addSql(`create index "evaluation_fact_dossier_id_index" on "evaluation_fact" ("dossier_id");`);
    this.addSql(`create index "evaluation_fact_agency_id_day_index" on "evaluation_fact" ("agency_id", "day");`);

    this.addSql(`create table "evaluation_index_indicator" ("id" uuid not null, "run_id" uuid not null, "code" varchar(20) not null, "numerator" double precision null, "denominator" double precision null, "ratio" double precision null, "threshold" double precision null, "max_score" double precision not null, "score" double precision null, "status" varchar(20) not null, "missing" jsonb not null, constraint "evaluation_index_indicator_pkey" primary key ("id"));`);
    this.addSql(`create index "evaluation_index_indicator_run_id_index" on "evaluation_index_indicator" ("run_id");`);
    this.addSql(`alter table "evaluation_index_indicator" add constraint "evaluation_index_indicator_run_id_code_unique" unique ("run_id", "code");`);

    this.addSql(`create table "evaluation_index_run" ("id" uuid not null, "agency_id" uuid not null, "period" varchar(10) not null, "formula_version" int not null, "total" double precision not null, "max_scored" double precision not null, "score100" double precision not null, "band" varchar(100) not null, "measures" jsonb not null, "actor_id" uuid null, "computed_at" timestamptz not null, constraint "evaluation_index_run_pkey" primary key ("id"));`);
    this.addSql(`alter table "evaluation_index_run" add constraint "evaluation_index_run_agency_id_period_unique" unique ("agency_id", "period");`);

    this.addSql(`create table "evaluation_publication" ("period" varchar(10) not null, "actor_id" uuid null, "published_at" timestamptz not null, constraint "evaluation_publication_pkey" primary key ("period"));`);

    this.addSql(`create table "evaluation_review" ("id" uuid not null, "subject_kind" varchar(10) not null, "subject_id" uuid not null, "unit_id" uuid not null, "unit_path" varchar(1000) not null, "officer_id" varchar(36) not null, "period" varchar(10) not null, "version" int not null, "status" varchar(10) not null, "automatic" double precision null, "citizen" double precision null, "self" double precision null, "superior" double precision null, "combined" double precision null, "advised_grade" varchar(20) null, "weights" jsonb not null, "reason" varchar(1000) null, "submitted_by" uuid not null, "approved_by" uuid null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "evaluation_review_pkey" primary key ("id"));`);
    this.addSql(`create index "evaluation_review_unit_id_period_index" on "evaluation_review" ("unit_id", "period");`);
    this.addSql(`alter table "evaluation_review" add constraint "evaluation_review_subject_kind_subject_id_period_version_unique" unique ("subject_kind", "subject_id", "period", "version");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "evaluation_agency_period" cascade;`);

    this.addSql(`drop table if exists "evaluation_config_version" cascade;`);

    this.addSql(`drop table if exists "evaluation_daily" cascade;`);

    this.addSql(`drop table if exists "evaluation_fact" cascade;`);

    this.addSql(`drop table if exists "evaluation_index_indicator" cascade;`);

    this.addSql(`drop table if exists "evaluation_index_run" cascade;`);

    this.addSql(`drop table if exists "evaluation_publication" cascade;`);

    this.addSql(`drop table if exists "evaluation_review" cascade;`);
  }

}
