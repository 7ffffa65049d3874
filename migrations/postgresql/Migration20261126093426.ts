import { Migration } from '@mikro-orm/migrations';

export class Migration20261126093426 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "signature_audit_anchor" ("id" uuid not null, "seq" int not null, "head_hash" varchar(64) not null, "token" text not null, "gen_time" timestamptz not null, "tsa" varchar(300) not null, "created_at" timestamptz not null, constraint "signature_audit_anchor_pkey" primary key ("id"));`);
    this.addSql(`alter table "signature_audit_anchor" add constraint "signature_audit_anchor_seq_unique" unique ("seq");`);

    this.addSql(`alter table "signature_record" add column "remote_transaction_id" varchar(200) null, add column "expires_at" timestamptz null;`);
    this.addSql(`alter table "signature_record" alter column "status" type varchar(30) using ("status"::varchar(30));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "signature_audit_anchor" cascade;`);

    this.addSql(`alter table "signature_record" drop column "remote_transaction_id", drop column "expires_at";`);

    this.addSql(`alter table "signature_record" alter column "status" type varchar(20) using ("status"::varchar(20));`);
  }

}
