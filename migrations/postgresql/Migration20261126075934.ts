import { Migration } from '@mikro-orm/migrations';

export class Migration20261126075934 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "signature_document_version" ("id" uuid not null, "document_id" uuid not null, "previous_version_id" uuid null, "sha256" varchar(64) not null, "byte_length" int not null, "kind" varchar(20) not null, "created_at" timestamptz not null, "created_by" uuid null, constraint "signature_document_version_pkey" primary key ("id"));`);
    this.addSql(`create index "signature_document_version_document_id_index" on "signature_document_version" ("document_id");`);
    this.addSql(`alter table "signature_document_version" add constraint "signature_document_version_sha256_unique" unique ("sha256");`);

    this.addSql(`create table "signature_record" ("id" uuid not null, "idempotency_key" varchar(80) not null, "input_version_id" uuid not null, "output_version_id" uuid null, "role" varchar(20) not null, "status" varchar(20) not null, "level" varchar(10) not null, "key_id" varchar(100) null, "signer_subject" varchar(500) null, "signer_sha256" varchar(64) null, "prepared" jsonb null, "claimed_time" timestamptz not null, "timestamp_time" timestamptz null, "failure_reason" varchar(500) null, "created_at" timestamptz not null, "created_by" uuid null, constraint "signature_record_pkey" primary key ("id"));`);
    this.addSql(`alter table "signature_record" add constraint "signature_record_idempotency_key_unique" unique ("idempotency_key");`);
    this.addSql(`create index "signature_record_input_version_id_index" on "signature_record" ("input_version_id");`);

    this.addSql(`create table "signature_trust_list" ("id" uuid not null, "number" int not null, "hash" varchar(64) not null, "anchors" jsonb not null, "crls" jsonb not null, "change" varchar(300) not null, "created_at" timestamptz not null, "created_by" uuid null, constraint "signature_trust_list_pkey" primary key ("id"));`);
    this.addSql(`alter table "signature_trust_list" add constraint "signature_trust_list_number_unique" unique ("number");`);

    this.addSql(`create table "signature_verification" ("id" uuid not null, "document_sha256" varchar(64) not null, "verified_at" timestamptz not null, "overall" varchar(20) not null, "trust_list_version" varchar(80) not null, "report" jsonb not null, constraint "signature_verification_pkey" primary key ("id"));`);
    this.addSql(`create index "signature_verification_document_sha256_index" on "signature_verification" ("document_sha256");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "signature_document_version" cascade;`);

    this.addSql(`drop table if exists "signature_record" cascade;`);

    this.addSql(`drop table if exists "signature_trust_list" cascade;`);

    this.addSql(`drop table if exists "signature_verification" cascade;`);
  }

}
