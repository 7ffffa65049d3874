import { Migration } from '@mikro-orm/migrations';

export class Migration20261126070444 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "identity_agency" ("id" uuid not null, "parent_id" uuid null, "path" varchar(1000) not null, "depth" int not null, "code" varchar(50) not null, "name" varchar(300) not null, "short_name" varchar(100) null, "search_text" varchar(1000) not null, "kind" text check ("kind" in ('PROVINCE', 'MINISTRY', 'DEPARTMENT', 'SERVICE_CENTER', 'UNIT', 'COMMUNE')) not null, "address" varchar(500) null, "phone" varchar(50) null, "email" varchar(200) null, "active" boolean not null default true, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, constraint "identity_agency_pkey" primary key ("id"));`);
    this.addSql(`create index "identity_agency_parent_id_index" on "identity_agency" ("parent_id");`);
    this.addSql(`create index "identity_agency_path_index" on "identity_agency" ("path");`);
    this.addSql(`alter table "identity_agency" add constraint "identity_agency_code_unique" unique ("code");`);

    this.addSql(`create table "kernel_audit" ("seq" int not null, "at" bigint not null, "actor_id" uuid null, "action" varchar(100) not null, "entity_type" varchar(100) not null, "entity_id" varchar(100) null, "data" jsonb null, "prev_hash" varchar(64) not null, "hash" varchar(64) not null, constraint "kernel_audit_pkey" primary key ("seq"));`);
    this.addSql(`create index "kernel_audit_entity_type_entity_id_index" on "kernel_audit" ("entity_type", "entity_id");`);

    this.addSql(`create table "kernel_inbox" ("handler" varchar(200) not null, "event_id" uuid not null, "handled_at" bigint not null, constraint "kernel_inbox_pkey" primary key ("handler", "event_id"));`);

    this.addSql(`create table "kernel_job" ("id" uuid not null, "name" varchar(200) not null, "dedupe_key" varchar(200) null, "payload" jsonb null, "status" varchar(20) not null default 'PENDING', "run_at" bigint not null, "attempts" int not null default 0, "last_error" text null, "lease_owner" varchar(100) null, "lease_until" bigint null, constraint "kernel_job_pkey" primary key ("id"));`);
    this.addSql(`alter table "kernel_job" add constraint "kernel_job_dedupe_key_unique" unique ("dedupe_key");`);
    this.addSql(`create index "kernel_job_status_run_at_index" on "kernel_job" ("status", "run_at");`);

    this.addSql(`create table "kernel_outbox" ("id" uuid not null, "type" varchar(200) not null, "payload" jsonb not null, "occurred_at" bigint not null, "available_at" bigint not null, "delivered_at" bigint null, "attempts" int not null default 0, "failed_at" bigint null, "last_error" text null, "lease_owner" varchar(100) null, "lease_until" bigint null, constraint "kernel_outbox_pkey" primary key ("id"));`);
    this.addSql(`create index "kernel_outbox_delivered_at_available_at_index" on "kernel_outbox" ("delivered_at", "available_at");`);

    this.addSql(`create table "identity_role" ("id" uuid not null, "key" varchar(100) not null, "name" varchar(200) not null, "name_en" varchar(200) null, "description" text null, "built_in" boolean not null default false, "agency_id" uuid null, "permissions" jsonb not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, constraint "identity_role_pkey" primary key ("id"));`);
    this.addSql(`alter table "identity_role" add constraint "identity_role_agency_id_key_unique" unique ("agency_id", "key");`);

    this.addSql(`create table "identity_user" ("id" uuid not null, "kind" text check ("kind" in ('STAFF', 'CITIZEN')) not null, "username" varchar(100) not null, "password_hash" varchar(200) not null, "full_name" varchar(200) not null, "search_text" varchar(1000) not null, "email" varchar(200) null, "phone" varchar(30) null, "personal_id" varchar(30) null, "unit_id" uuid null, "position" varchar(200) null, "status" text check ("status" in ('ACTIVE', 'DISABLED')) not null default 'ACTIVE', "failed_login_count" int not null default 0, "locked_until" timestamptz null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, constraint "identity_user_pkey" primary key ("id"));`);
    this.addSql(`alter table "identity_user" add constraint "identity_user_username_unique" unique ("username");`);
    this.addSql(`create index "identity_user_unit_id_index" on "identity_user" ("unit_id");`);
    this.addSql(`create index "identity_user_kind_unit_id_index" on "identity_user" ("kind", "unit_id");`);

    this.addSql(`create table "identity_session" ("id" uuid not null, "user_id" uuid not null, "refresh_hash" varchar(64) not null, "family_id" uuid not null, "expires_at" timestamptz not null, "revoked_at" timestamptz null, "created_at" timestamptz not null, constraint "identity_session_pkey" primary key ("id"));`);
    this.addSql(`create index "identity_session_user_id_index" on "identity_session" ("user_id");`);
    this.addSql(`alter table "identity_session" add constraint "identity_session_refresh_hash_unique" unique ("refresh_hash");`);
    this.addSql(`create index "identity_session_family_id_index" on "identity_session" ("family_id");`);

    this.addSql(`create table "identity_role_assignment" ("id" uuid not null, "user_id" uuid not null, "role_id" uuid not null, "unit_id" uuid null, "include_subtree" boolean not null default false, "granted_by" uuid null, "created_at" timestamptz not null, constraint "identity_role_assignment_pkey" primary key ("id"));`);
    this.addSql(`alter table "identity_role_assignment" add constraint "identity_role_assignment_user_id_role_id_unit_id_unique" unique ("user_id", "role_id", "unit_id");`);

    this.addSql(`create table "identity_api_key" ("id" uuid not null, "name" varchar(200) not null, "prefix" varchar(20) not null, "secret_hash" varchar(64) not null, "owner_id" uuid not null, "unit_id" uuid not null, "include_subtree" boolean not null default false, "permissions" jsonb not null, "expires_at" timestamptz null, "revoked_at" timestamptz null, "last_used_at" timestamptz null, "created_at" timestamptz not null, constraint "identity_api_key_pkey" primary key ("id"));`);
    this.addSql(`alter table "identity_api_key" add constraint "identity_api_key_prefix_unique" unique ("prefix");`);

    this.addSql(`alter table "identity_agency" add constraint "identity_agency_parent_id_foreign" foreign key ("parent_id") references "identity_agency" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "identity_role" add constraint "identity_role_agency_id_foreign" foreign key ("agency_id") references "identity_agency" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "identity_user" add constraint "identity_user_unit_id_foreign" foreign key ("unit_id") references "identity_agency" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "identity_session" add constraint "identity_session_user_id_foreign" foreign key ("user_id") references "identity_user" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "identity_role_assignment" add constraint "identity_role_assignment_user_id_foreign" foreign key ("user_id") references "identity_user" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "identity_role_assignment" add constraint "identity_role_assignment_role_id_foreign" foreign key ("role_id") references "identity_role" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "identity_role_assignment" add constraint "identity_role_assignment_unit_id_foreign" foreign key ("unit_id") references "identity_agency" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "identity_api_key" add constraint "identity_api_key_owner_id_foreign" foreign key ("owner_id") references "identity_user" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "identity_api_key" add constraint "identity_api_key_unit_id_foreign" foreign key ("unit_id") references "identity_agency" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "identity_agency" drop constraint "identity_agency_parent_id_foreign";`);

    this.addSql(`alter table "identity_role" drop constraint "identity_role_agency_id_foreign";`);

    this.addSql(`alter table "identity_user" drop constraint "identity_user_unit_id_foreign";`);

    this.addSql(`alter table "identity_role_assignment" drop constraint "identity_role_assignment_unit_id_foreign";`);

    this.addSql(`alter table "identity_api_key" drop constraint "identity_api_key_unit_id_foreign";`);

    this.addSql(`alter table "identity_role_assignment" drop constraint "identity_role_assignment_role_id_foreign";`);

    this.addSql(`alter table "identity_session" drop constraint "identity_session_user_id_foreign";`);

    this.addSql(`alter table "identity_role_assignment" drop constraint "identity_role_assignment_user_id_foreign";`);

    this.addSql(`alter table "identity_api_key" drop constraint "identity_api_key_owner_id_foreign";`);

    this.addSql(`drop table if exists "identity_agency" cascade;`);

    this.addSql(`drop table if exists "kernel_audit" cascade;`);

    this.addSql(`drop table if exists "kernel_inbox" cascade;`);

    this.addSql(`drop table if exists "kernel_job" cascade;`);

    this.addSql(`drop table if exists "kernel_outbox" cascade;`);

    this.addSql(`drop table if exists "identity_role" cascade;`);

    this.addSql(`drop table if exists "identity_user" cascade;`);

    this.addSql(`drop table if exists "identity_session" cascade;`);

    this.addSql(`drop table if exists "identity_role_assignment" cascade;`);

    this.addSql(`drop table if exists "identity_api_key" cascade;`);
  }

}
