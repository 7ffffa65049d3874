import { Migration } from '@mikro-orm/migrations';

export class Migration20261126095437 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "catalog_procedure" ("id" uuid not null, "code" varchar(8) not null, "status" text check ("status" in ('DRAFT', 'PUBLISHED', 'RETIRED')) not null, "listed_version_id" uuid not null, "name" varchar(2000) not null, "search_name" varchar(2000) not null, "search_text" varchar(2100) not null, "sector_code" varchar(50) not null, "online_mode" varchar(20) not null, "channels" varchar(40) not null, "levels" varchar(40) not null, "latest_number" int not null, "owner_agency_id" uuid null, "owner_agency_path" varchar(1000) null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "catalog_procedure_pkey" primary key ("id"));`);
    this.addSql(`alter table "catalog_procedure" add constraint "catalog_procedure_code_unique" unique ("code");`);
    this.addSql(`create index "catalog_procedure_sector_code_index" on "catalog_procedure" ("sector_code");`);
    this.addSql(`create index "catalog_procedure_status_search_text_index" on "catalog_procedure" ("status", "search_text");`);

    this.addSql(`create table "catalog_offering" ("id" uuid not null, "procedure_id" uuid not null, "agency_id" uuid not null, "agency_path" varchar(1000) not null, "receiving_unit_ids" jsonb not null, "channels" jsonb not null, "channel_list" varchar(40) not null, "workflow_definition_id" varchar(100) null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "catalog_offering_pkey" primary key ("id"));`);
    this.addSql(`create index "catalog_offering_agency_id_index" on "catalog_offering" ("agency_id");`);
    this.addSql(`alter table "catalog_offering" add constraint "catalog_offering_procedure_id_agency_id_unique" unique ("procedure_id", "agency_id");`);

    this.addSql(`create table "catalog_procedure_version" ("id" uuid not null, "procedure_id" uuid not null, "number" int not null, "status" text check ("status" in ('DRAFT', 'PUBLISHED', 'RETIRED')) not null, "content" jsonb not null, "effective_from" varchar(10) null, "effective_to" varchar(10) null, "published_at" timestamptz null, "published_by" uuid null, "owner_agency_id" uuid null, "owner_agency_path" varchar(1000) null, "created_by" uuid null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "catalog_procedure_version_pkey" primary key ("id"));`);
    this.addSql(`alter table "catalog_procedure_version" add constraint "catalog_procedure_version_procedure_id_number_unique" unique ("procedure_id", "number");`);

    this.addSql(`alter table "catalog_offering" add constraint "catalog_offering_procedure_id_foreign" foreign key ("procedure_id") references "catalog_procedure" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "catalog_procedure_version" add constraint "catalog_procedure_version_procedure_id_foreign" foreign key ("procedure_id") references "catalog_procedure" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "catalog_offering" drop constraint "catalog_offering_procedure_id_foreign";`);

    this.addSql(`alter table "catalog_procedure_version" drop constraint "catalog_procedure_version_procedure_id_foreign";`);

    this.addSql(`drop table if exists "catalog_procedure" cascade;`);

    this.addSql(`drop table if exists "catalog_offering" cascade;`);

    this.addSql(`drop table if exists "catalog_procedure_version" cascade;`);
  }

}
