import { Migration } from '@mikro-orm/migrations';

export class Migration20261126093459 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`dossiers_dossier\` (\`id\` text not null, \`code\` text null, \`foreign_code\` text null, \`state\` text not null, \`national_status\` integer null, \`channel\` integer not null, \`unit_code\` text not null, \`agency_code\` text not null, \`agency_name\` text not null, \`procedure_code\` text not null, \`procedure_name\` text not null, \`sector_code\` text null, \`sector_name\` text null, \`applicant_name\` text not null, \`applicant_kind\` integer not null default 1, \`applicant_id_number\` text null, \`applicant_email\` text null, \`applicant_phone\` text null, \`applicant_address\` text null, \`summary\` text null, \`submitted_at\` datetime null, \`received_at\` datetime null, \`original_due_at\` datetime null, \`due_at\` datetime null, \`finished_at\` datetime null, \`returned_at\` datetime null, \`refused_at\` datetime null, \`return_method\` text null, \`return_recipient\` text null, \`rules_version\` text null, \`portal_synced_at\` datetime null, \`created_at\` datetime not null, \`version\` integer not null default 1, primary key (\`id\`));`);
    this.addSql(`create unique index \`dossiers_dossier_code_unique\` on \`dossiers_dossier\` (\`code\`);`);
    this.addSql(`create index \`dossiers_dossier_unit_code_received_at_index\` on \`dossiers_dossier\` (\`unit_code\`, \`received_at\`);`);

    this.addSql(`create table \`dossiers_code_counter\` (\`unit_code\` text not null, \`day\` text not null, \`last_value\` integer not null, primary key (\`unit_code\`, \`day\`));`);

    this.addSql(`create table \`dossiers_process_log\` (\`id\` text not null, \`dossier_id\` text not null, \`at\` datetime not null, \`actor_name\` text not null, \`actor_title\` text null, \`unit_name\` text null, \`content\` text not null, \`national_status\` integer not null, \`step_started_at\` datetime null, \`step_due_at\` datetime null, \`synced_at\` datetime null, primary key (\`id\`));`);
    this.addSql(`create index \`dossiers_process_log_dossier_id_at_index\` on \`dossiers_process_log\` (\`dossier_id\`, \`at\`);`);
  }

}
