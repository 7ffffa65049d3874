import { Migration } from '@mikro-orm/migrations';

export class Migration20261126105715 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "evaluation_petition" ("id" uuid not null, "code" varchar(20) not null, "secret_hash" varchar(64) not null, "subject" varchar(12) not null, "unit_id" uuid not null, "unit_path" varchar(1000) not null, "dossier_id" uuid null, "dossier_code" varchar(50) null, "officer_id" varchar(36) null, "regulation" varchar(500) null, "content" varchar(4000) not null, "filer_id" uuid null, "contact_name" varchar(200) null, "contact_email" varchar(200) null, "contact_phone" varchar(30) null, "status" varchar(10) not null, "limits_version" int not null, "reject_reason" varchar(4000) null, "answer" varchar(8000) null, "timeliness" varchar(10) null, "protracted" boolean not null default false, "handled_day" varchar(10) null, "dismissed_reason" varchar(2000) null, "handled_by" uuid null, "filed_at" timestamptz not null, "due_at" timestamptz not null, "decided_at" timestamptz null, "answered_at" timestamptz null, "closed_at" timestamptz null, constraint "evaluation_petition_pkey" primary key ("id"));`);
    this.addSql(`create index "evaluation_petition_unit_id_handled_day_index" on "evaluation_petition" ("unit_id", "handled_day");`);
    this.addSql(`create index "evaluation_petition_unit_id_status_index" on "evaluation_petition" ("unit_id", "status");`);
    this.addSql(`alter table "evaluation_petition" add constraint "evaluation_petition_code_unique" unique ("code");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "evaluation_petition" cascade;`);
  }

}
