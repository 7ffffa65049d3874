import { Migration } from '@mikro-orm/migrations';

export class Migration20261126093425 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`signature_audit_anchor\` (\`id\` text not null, \`seq\` integer not null, \`head_hash\` text not null, \`token\` text not null, \`gen_time\` datetime not null, \`tsa\` text not null, \`created_at\` datetime not null, primary key (\`id\`));`);
    this.addSql(`create unique index \`signature_audit_anchor_seq_unique\` on \`signature_audit_anchor\` (\`seq\`);`);

    this.addSql(`alter table \`signature_record\` add column \`remote_transaction_id\` text null;`);
    this.addSql(`alter table \`signature_record\` add column \`expires_at\` datetime null;`);
  }

}
