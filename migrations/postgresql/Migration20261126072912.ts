import { Migration } from '@mikro-orm/migrations';

export class Migration20261126072912 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "workflow_calendar" ("id" uuid not null, "code" varchar(50) not null, "name" varchar(300) not null, "agency_id" uuid null, "base_id" uuid null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null, constraint "workflow_calendar_pkey" primary key ("id"));`);
    this.addSql(`alter table "workflow_calendar" add constraint "workflow_calendar_code_unique" unique ("code");`);
    this.addSql(`create index "workflow_calendar_agency_id_index" on "workflow_calendar" ("agency_id");`);
    this.addSql(`create index "workflow_calendar_base_id_index" on "workflow_calendar" ("base_id");`);

    this.addSql(`create table "workflow_calendar_version" ("id" uuid not null, "calendar_id" uuid not null, "number" int not null, "rules" jsonb not null, "base_version" int null, "change" varchar(1000) not null, "actor_id" uuid null, "created_at" timestamptz not null, constraint "workflow_calendar_version_pkey" primary key ("id"));`);
    this.addSql(`alter table "workflow_calendar_version" add constraint "workflow_calendar_version_calendar_id_number_unique" unique ("calendar_id", "number");`);

    this.addSql(`alter table "workflow_calendar" add constraint "workflow_calendar_base_id_foreign" foreign key ("base_id") references "workflow_calendar" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "workflow_calendar_version" add constraint "workflow_calendar_version_calendar_id_foreign" foreign key ("calendar_id") references "workflow_calendar" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "workflow_calendar" drop constraint "workflow_calendar_base_id_foreign";`);

    this.addSql(`alter table "workflow_calendar_version" drop constraint "workflow_calendar_version_calendar_id_foreign";`);

    this.addSql(`drop table if exists "workflow_calendar" cascade;`);

    this.addSql(`drop table if exists "workflow_calendar_version" cascade;`);
  }

}
