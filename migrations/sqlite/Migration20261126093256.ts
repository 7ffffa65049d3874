import { Migration } from '@mikro-orm/migrations';

export class Migration20261126093256 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`evaluation_agency_period\` (\`id\` text not null, \`agency_id\` text not null, \`period\` text not null, \`facts\` json not null, \`actor_id\` text null, \`updated_at\` datetime not null, primary key (\`id\`));`);
    this.addSql(`create unique index \`evaluation_agency_period_agency_id_period_unique\` on \`evaluation_agency_period\` (\`agency_id\`, \`period\`);`);

    this.addSql(`create table \`evaluation_config_version\` (\`id\` text not null, \`kind\` text not null, \`number\` integer not null, \`effective_from\` text not null, \`config\` json not null, \`change\` text not null, \`actor_id\` text null, \`created_at\` datetime not null, primary key (\`id\`));`);
    this.addSql(`create unique index \`evaluation_config_version_kind_number_unique\` on \`evaluation_config_version\` (\`kind\`, \`number\`);`);

    this.addSql(`create table \`evaluation_daily\` (\`id\` text not null, \`agency_id\` text not null, \`unit_id\` text not null, \`unit_path\` text not null, \`officer_id\` text not null, \`procedure_id\` text not null, \`day\` text not null, \`received\` integer not null default 0, \`received_online\` integer not null default 0, \`steps_early\` integer not null default 0, \`steps_on_time\` integer not null default 0, \`steps_late\` integer not null default 0, \`supplement_requests\` integer not null default 0, \`supplements_received\` integer not null default 0, \`apologies\` integer not null default 0, \`done_early\` integer not null default 0, \`done_on_time\` integer not null default 0, \`done_late\` integer not null default 0, \`returned\` integer not null default 0, \`ratings\` integer not null default 0, \`satisfaction_sum\` integer not null default 0, \`ratings_satisfied\` integer not null default 0, \`ratings_dissatisfied\` integer not null default 0, \`complaints\` integer not null default 0, primary key (\`id\`));`);
    this.addSql(`create index \`evaluation_daily_officer_id_day_index\` on \`evaluation_daily\` (\`officer_id\`, \`day\`);`);
    this.addSql(`create index \`evaluation_daily_unit_id_day_index\` on \`evaluation_daily\` (\`unit_id\`, \`day\`);`);
    this.addSql(`create index \`evaluation_daily_agency_id_day_index\` on \`evaluation_daily\` (\`agency_id\`, \`day\`);`);
    this.addSql(`create unique index \`evaluation_daily_agency_id_unit_id_officer_id_procedure_id_day_unique\` on \`evaluation_daily\` (\`agency_id\`, \`unit_id\`, \`officer_id\`, \`procedure_id\`, \`day\`);`);

    this.addSql(`create table \`evaluation_fact\` (\`id\` text not null, \`kind\` text not null, \`dossier_id\` text not null, \`agency_id\` text not null, \`unit_id\` text not null, \`unit_path\` text not null, \`officer_id\` text not null, \`procedure_id\` text not null, \`day\` text not null, \`occurred_at\` bigint not null, \`fact\` json not null, primary key (\`id\`));`);
    this.addSql(`create index \`evaluation_fact_dossier_id_index\` on \`evaluation_fact\` (\`dossier_id\`);`);
    this.addSql(`create index \`evaluation_fact_agency_id_day_index\` on \`evaluation_fact\` (\`agency_id\`, \`day\`);`);

    this.addSql(`create table \`evaluation_index_indicator\` (\`id\` text not null, \`run_id\` text not null, \`code\` text not null, \`numerator\` double null, \`denominator\` double null, \`ratio\` double null, \`threshold\` double null, \`max_score\` double not null, \`score\` double null, \`status\` text not null, \`missing\` json not null, primary key (\`id\`));`);
    this.addSql(`create index \`evaluation_index_indicator_run_id_index\` on \`evaluation_index_indicator\` (\`run_id\`);`);
    this.addSql(`create unique index \`evaluation_index_indicator_run_id_code_unique\` on \`evaluation_index_indicator\` (\`run_id\`, \`code\`);`);

    this.addSql(`create table \`evaluation_index_run\` (\`id\` text not null, \`agency_id\` text not null, \`period\` text not null, \`formula_version\` integer not null, \`total\` double not null, \`max_scored\` double not null, \`score100\` double not null, \`band\` text not null, \`measures\` json not null, \`actor_id\` text null, \`computed_at\` datetime not null, primary key (\`id\`));`);
    this.addSql(`create unique index \`evaluation_index_run_agency_id_period_unique\` on \`evaluation_index_run\` (\`agency_id\`, \`period\`);`);

    this.addSql(`create table \`evaluation_publication\` (\`period\` text not null, \`actor_id\` text null, \`published_at\` datetime not null, primary key (\`period\`));`);

    this.addSql(`create table \`evaluation_review\` (\`id\` text not null, \`subject_kind\` text not null, \`subject_id\` text not null, \`unit_id\` text not null, \`unit_path\` text not null, \`officer_id\` text not null, \`period\` text not null, \`version\` integer not null, \`status\` text not null, \`automatic\` double null, \`citizen\` double null, \`self\` double null, \`superior\` double null, \`combined\` double null, \`advised_grade\` text null, \`weights\` json not null, \`reason\` text null, \`submitted_by\` text not null, \`approved_by\` text null, \`created_at\` datetime not null, \`updated_at\` datetime not null, primary key (\`id\`));`);
    this.addSql(`create index \`evaluation_review_unit_id_period_index\` on \`evaluation_review\` (\`unit_id\`, \`period\`);`);
    this.addSql(`create unique index \`evaluation_review_subject_kind_subject_id_period_version_unique\` on \`evaluation_review\` (\`subject_kind\`, \`subject_id\`, \`period\`, \`version\`);`);
  }

}
