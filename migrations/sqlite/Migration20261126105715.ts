import { Migration } from '@mikro-orm/migrations';

export class Migration20261126105715 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`evaluation_petition\` (\`id\` text not null, \`code\` text not null, \`secret_hash\` text not null, \`subject\` text not null, \`unit_id\` text not null, \`unit_path\` text not null, \`dossier_id\` text null, \`dossier_code\` text null, \`officer_id\` text null, \`regulation\` text null, \`content\` text not null, \`filer_id\` text null, \`contact_name\` text null, \`contact_email\` text null, \`contact_phone\` text null, \`status\` text not null, \`limits_version\` integer not null, \`reject_reason\` text null, \`answer\` text null, \`timeliness\` text null, \`protracted\` integer not null default false, \`handled_day\` text null, \`dismissed_reason\` text null, \`handled_by\` text null, \`filed_at\` datetime not null, \`due_at\` datetime not null, \`decided_at\` datetime null, \`answered_at\` datetime null, \`closed_at\` datetime null, primary key (\`id\`));`);
    this.addSql(`create index \`evaluation_petition_unit_id_handled_day_index\` on \`evaluation_petition\` (\`unit_id\`, \`handled_day\`);`);
    this.addSql(`create index \`evaluation_petition_unit_id_status_index\` on \`evaluation_petition\` (\`unit_id\`, \`status\`);`);
    this.addSql(`create unique index \`evaluation_petition_code_unique\` on \`evaluation_petition\` (\`code\`);`);
  }

}
