import { Migration } from '@mikro-orm/migrations';

export class Migration20261126075934 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`signature_document_version\` (\`id\` text not null, \`document_id\` text not null, \`previous_version_id\` text null, \`sha256\` text not null, \`byte_length\` integer not null, \`kind\` text not null, \`created_at\` datetime not null, \`created_by\` text null, primary key (\`id\`));`);
    this.addSql(`create index \`signature_document_version_document_id_index\` on \`signature_document_version\` (\`document_id\`);`);
    this.addSql(`create unique index \`signature_document_version_sha256_unique\` on \`signature_document_version\` (\`sha256\`);`);

    this.addSql(`create table \`signature_record\` (\`id\` text not null, \`idempotency_key\` text not null, \`input_version_id\` text not null, \`output_version_id\` text null, \`role\` text not null, \`status\` text not null, \`level\` text not null, \`key_id\` text null, \`signer_subject\` text null, \`signer_sha256\` text null, \`prepared\` json null, \`claimed_time\` datetime not null, \`timestamp_time\` datetime null, \`failure_reason\` text null, \`created_at\` datetime not null, \`created_by\` text null, primary key (\`id\`));`);
    this.addSql(`create unique index \`signature_record_idempotency_key_unique\` on \`signature_record\` (\`idempotency_key\`);`);
    this.addSql(`create index \`signature_record_input_version_id_index\` on \`signature_record\` (\`input_version_id\`);`);

    this.addSql(`create table \`signature_trust_list\` (\`id\` text not null, \`number\` integer not null, \`hash\` text not null, \`anchors\` json not null, \`crls\` json not null, \`change\` text not null, \`created_at\` datetime not null, \`created_by\` text null, primary key (\`id\`));`);
    this.addSql(`create unique index \`signature_trust_list_number_unique\` on \`signature_trust_list\` (\`number\`);`);

    this.addSql(`create table \`signature_verification\` (\`id\` text not null, \`document_sha256\` text not null, \`verified_at\` datetime not null, \`overall\` text not null, \`trust_list_version\` text not null, \`report\` json not null, primary key (\`id\`));`);
    this.addSql(`create index \`signature_verification_document_sha256_index\` on \`signature_verification\` (\`document_sha256\`);`);
  }

}
