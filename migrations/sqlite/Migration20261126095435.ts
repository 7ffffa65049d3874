import { Migration } from '@mikro-orm/migrations';

export class Migration20261126095435 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`catalog_procedure\` (\`id\` text not null, \`code\` text not null, \`status\` text check (\`status\` in ('DRAFT', 'PUBLISHED', 'RETIRED')) not null, \`listed_version_id\` text not null, \`name\` text not null, \`search_name\` text not null, \`search_text\` text not null, \`sector_code\` text not null, \`online_mode\` text not null, \`channels\` text not null, \`levels\` text not null, \`latest_number\` integer not null, \`owner_agency_id\` text null, \`owner_agency_path\` text null, \`created_at\` datetime not null, \`updated_at\` datetime not null, primary key (\`id\`));`);
    this.addSql(`create unique index \`catalog_procedure_code_unique\` on \`catalog_procedure\` (\`code\`);`);
    this.addSql(`create index \`catalog_procedure_sector_code_index\` on \`catalog_procedure\` (\`sector_code\`);`);
    this.addSql(`create index \`catalog_procedure_status_search_text_index\` on \`catalog_procedure\` (\`status\`, \`search_text\`);`);

    this.addSql(`create table \`catalog_offering\` (\`id\` text not null, \`procedure_id\` text not null, \`agency_id\` text not null, \`agency_path\` text not null, \`receiving_unit_ids\` json not null, \`channels\` json not null, \`channel_list\` text not null, \`workflow_definition_id\` text null, \`created_at\` datetime not null, \`updated_at\` datetime not null, constraint \`catalog_offering_procedure_id_foreign\` foreign key(\`procedure_id\`) references \`catalog_procedure\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`catalog_offering_procedure_id_index\` on \`catalog_offering\` (\`procedure_id\`);`);
    this.addSql(`create index \`catalog_offering_agency_id_index\` on \`catalog_offering\` (\`agency_id\`);`);
    this.addSql(`create unique index \`catalog_offering_procedure_id_agency_id_unique\` on \`catalog_offering\` (\`procedure_id\`, \`agency_id\`);`);

    this.addSql(`create table \`catalog_procedure_version\` (\`id\` text not null, \`procedure_id\` text not null, \`number\` integer not null, \`status\` text check (\`status\` in ('DRAFT', 'PUBLISHED', 'RETIRED')) not null, \`content\` json not null, \`effective_from\` text null, \`effective_to\` text null, \`published_at\` datetime null, \`published_by\` text null, \`owner_agency_id\` text null, \`owner_agency_path\` text null, \`created_by\` text null, \`created_at\` datetime not null, \`updated_at\` datetime not null, constraint \`catalog_procedure_version_procedure_id_foreign\` foreign key(\`procedure_id\`) references \`catalog_procedure\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`catalog_procedure_version_procedure_id_index\` on \`catalog_procedure_version\` (\`procedure_id\`);`);
    this.addSql(`create unique index \`catalog_procedure_version_procedure_id_number_unique\` on \`catalog_procedure_version\` (\`procedure_id\`, \`number\`);`);
  }

}
