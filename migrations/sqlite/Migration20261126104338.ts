import { Migration } from '@mikro-orm/migrations';

export class Migration20261126104338 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`dossiers_document\` (\`id\` text not null, \`dossier_id\` text not null, \`component_code\` text not null, \`file_name\` text not null, \`media_type\` text not null, \`byte_length\` integer not null, \`sha256\` text not null, \`digitised\` integer not null default false, \`reused\` integer not null default false, \`from_national_store\` integer not null default false, \`attached_at\` datetime not null, \`attached_by\` text null, primary key (\`id\`));`);
    this.addSql(`create index \`dossiers_document_dossier_id_component_code_index\` on \`dossiers_document\` (\`dossier_id\`, \`component_code\`);`);

    this.addSql(`alter table \`dossiers_dossier\` add column \`agency_id\` text null;`);
    this.addSql(`alter table \`dossiers_dossier\` add column \`agency_path\` text null;`);
    this.addSql(`alter table \`dossiers_dossier\` add column \`unit_path\` text null;`);
    this.addSql(`alter table \`dossiers_dossier\` add column \`unit_id\` text null;`);
    this.addSql(`alter table \`dossiers_dossier\` add column \`procedure_id\` text null;`);
    this.addSql(`alter table \`dossiers_dossier\` add column \`procedure_version_id\` text null;`);
    this.addSql(`alter table \`dossiers_dossier\` add column \`case_code\` text not null default '';`);
    this.addSql(`alter table \`dossiers_dossier\` add column \`applicant_user_id\` text null;`);
    this.addSql(`alter table \`dossiers_dossier\` add column \`form_data\` json null;`);
    this.addSql(`alter table \`dossiers_dossier\` add column \`limit\` json null;`);
    this.addSql(`alter table \`dossiers_dossier\` add column \`supplements\` json null;`);
    this.addSql(`alter table \`dossiers_dossier\` add column \`apologies\` json null;`);
    this.addSql(`alter table \`dossiers_dossier\` add column \`signatures\` json null;`);
    this.addSql(`alter table \`dossiers_dossier\` add column \`forms\` json null;`);
    this.addSql(`alter table \`dossiers_dossier\` add column \`process_instance_id\` text null;`);
    this.addSql(`alter table \`dossiers_dossier\` add column \`handler_id\` text null;`);
    this.addSql(`alter table \`dossiers_dossier\` add column \`officer_id\` text null;`);
    this.addSql(`alter table \`dossiers_dossier\` add column \`timeliness\` text null;`);
    this.addSql(`alter table \`dossiers_dossier\` add column \`result_number\` text null;`);
    this.addSql(`alter table \`dossiers_dossier\` add column \`result_signed_on\` datetime null;`);
    this.addSql(`alter table \`dossiers_dossier\` add column \`result_sha256\` text null;`);
    this.addSql(`alter table \`dossiers_dossier\` add column \`tracking_secret\` text null;`);
    this.addSql(`alter table \`dossiers_dossier\` add column \`search_text\` text not null default '';`);
    this.addSql(`create index \`dossiers_dossier_agency_id_index\` on \`dossiers_dossier\` (\`agency_id\`);`);
    this.addSql(`create index \`dossiers_dossier_unit_id_index\` on \`dossiers_dossier\` (\`unit_id\`);`);
    this.addSql(`create index \`dossiers_dossier_procedure_id_index\` on \`dossiers_dossier\` (\`procedure_id\`);`);
    this.addSql(`create index \`dossiers_dossier_applicant_user_id_index\` on \`dossiers_dossier\` (\`applicant_user_id\`);`);
    this.addSql(`create index \`dossiers_dossier_officer_id_index\` on \`dossiers_dossier\` (\`officer_id\`);`);

  }

}
