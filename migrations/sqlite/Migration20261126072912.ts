import { Migration } from '@mikro-orm/migrations';

export class Migration20261126072912 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`workflow_calendar\` (\`id\` text not null, \`code\` text not null, \`name\` text not null, \`agency_id\` text null, \`base_id\` text null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`version\` integer not null, constraint \`workflow_calendar_base_id_foreign\` foreign key(\`base_id\`) references \`workflow_calendar\`(\`id\`) on delete restrict on update cascade, primary key (\`id\`));`);
    this.addSql(`create unique index \`workflow_calendar_code_unique\` on \`workflow_calendar\` (\`code\`);`);
    this.addSql(`create index \`workflow_calendar_agency_id_index\` on \`workflow_calendar\` (\`agency_id\`);`);
    this.addSql(`create index \`workflow_calendar_base_id_index\` on \`workflow_calendar\` (\`base_id\`);`);

    this.addSql(`create table \`workflow_calendar_version\` (\`id\` text not null, \`calendar_id\` text not null, \`number\` integer not null, \`rules\` json not null, \`base_version\` integer null, \`change\` text not null, \`actor_id\` text null, \`created_at\` datetime not null, constraint \`workflow_calendar_version_calendar_id_foreign\` foreign key(\`calendar_id\`) references \`workflow_calendar\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`workflow_calendar_version_calendar_id_index\` on \`workflow_calendar_version\` (\`calendar_id\`);`);
    this.addSql(`create unique index \`workflow_calendar_version_calendar_id_number_unique\` on \`workflow_calendar_version\` (\`calendar_id\`, \`number\`);`);
  }

}
