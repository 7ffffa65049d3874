import { Migration } from '@mikro-orm/migrations';

export class Migration20261126094848 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`evaluation_dispute\` (\`id\` text not null, \`fact_id\` text not null, \`dossier_id\` text not null, \`fact_kind\` text not null, \`agency_id\` text not null, \`unit_id\` text not null, \`unit_path\` text not null, \`officer_id\` text not null, \`reason\` text not null, \`proposal\` text not null, \`target_unit_id\` text null, \`target_officer_id\` text null, \`status\` text not null, \`decided_by\` text null, \`decision_reason\` text null, \`created_at\` datetime not null, \`decided_at\` datetime null, primary key (\`id\`));`);
    this.addSql(`create index \`evaluation_dispute_fact_id_index\` on \`evaluation_dispute\` (\`fact_id\`);`);
    this.addSql(`create index \`evaluation_dispute_unit_id_status_index\` on \`evaluation_dispute\` (\`unit_id\`, \`status\`);`);

    this.addSql(`create table \`evaluation_dossier\` (\`dossier_id\` text not null, \`code\` text null, \`agency_id\` text not null, \`unit_id\` text not null, \`procedure_id\` text not null, \`applicant_id\` text null, primary key (\`dossier_id\`));`);
    this.addSql(`create index \`evaluation_dossier_code_index\` on \`evaluation_dossier\` (\`code\`);`);

    this.addSql(`create table \`evaluation_rating\` (\`id\` text not null, \`dossier_id\` text not null, \`rater_type\` text not null, \`channel\` text not null, \`answers\` json not null, \`satisfaction\` integer not null, \`comment\` text null, \`officer_ids\` json not null, \`recorded_by\` text null, \`created_at\` datetime not null, primary key (\`id\`));`);
    this.addSql(`create unique index \`evaluation_rating_dossier_id_rater_type_unique\` on \`evaluation_rating\` (\`dossier_id\`, \`rater_type\`);`);

    this.addSql(`alter table \`evaluation_fact\` add column \`excluded_by\` text null;`);
  }

}
