import { Migration } from '@mikro-orm/migrations';

export class Migration20261126070444 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`identity_agency\` (\`id\` text not null, \`parent_id\` text null, \`path\` text not null, \`depth\` integer not null, \`code\` text not null, \`name\` text not null, \`short_name\` text null, \`search_text\` text not null, \`kind\` text check (\`kind\` in ('PROVINCE', 'MINISTRY', 'DEPARTMENT', 'SERVICE_CENTER', 'UNIT', 'COMMUNE')) not null, \`address\` text null, \`phone\` text null, \`email\` text null, \`active\` integer not null default true, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`version\` integer not null default 1, constraint \`identity_agency_parent_id_foreign\` foreign key(\`parent_id\`) references \`identity_agency\`(\`id\`) on delete restrict on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`identity_agency_parent_id_index\` on \`identity_agency\` (\`parent_id\`);`);
    this.addSql(`create index \`identity_agency_path_index\` on \`identity_agency\` (\`path\`);`);
    this.addSql(`create unique index \`identity_agency_code_unique\` on \`identity_agency\` (\`code\`);`);

    this.addSql(`create table \`kernel_audit\` (\`seq\` integer not null, \`at\` bigint not null, \`actor_id\` text null, \`action\` text not null, \`entity_type\` text not null, \`entity_id\` text null, \`data\` json null, \`prev_hash\` text not null, \`hash\` text not null, primary key (\`seq\`));`);
    this.addSql(`create index \`kernel_audit_entity_type_entity_id_index\` on \`kernel_audit\` (\`entity_type\`, \`entity_id\`);`);

    this.addSql(`create table \`kernel_inbox\` (\`handler\` text not null, \`event_id\` text not null, \`handled_at\` bigint not null, primary key (\`handler\`, \`event_id\`));`);

    this.addSql(`create table \`kernel_job\` (\`id\` text not null, \`name\` text not null, \`dedupe_key\` text null, \`payload\` json null, \`status\` text not null default 'PENDING', \`run_at\` bigint not null, \`attempts\` integer not null default 0, \`last_error\` text null, \`lease_owner\` text null, \`lease_until\` bigint null, primary key (\`id\`));`);
    this.addSql(`create unique index \`kernel_job_dedupe_key_unique\` on \`kernel_job\` (\`dedupe_key\`);`);
    this.addSql(`create index \`kernel_job_status_run_at_index\` on \`kernel_job\` (\`status\`, \`run_at\`);`);

    this.addSql(`create table \`kernel_outbox\` (\`id\` text not null, \`type\` text not null, \`payload\` json not null, \`occurred_at\` bigint not null, \`available_at\` bigint not null, \`delivered_at\` bigint null, \`attempts\` integer not null default 0, \`failed_at\` bigint null, \`last_error\` text null, \`lease_owner\` text null, \`lease_until\` bigint null, primary key (\`id\`));`);
    this.addSql(`create index \`kernel_outbox_delivered_at_available_at_index\` on \`kernel_outbox\` (\`delivered_at\`, \`available_at\`);`);

    this.addSql(`create table \`identity_role\` (\`id\` text not null, \`key\` text not null, \`name\` text not null, \`name_en\` text null, \`description\` text null, \`built_in\` integer not null default false, \`agency_id\` text null, \`permissions\` json not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`version\` integer not null default 1, constraint \`identity_role_agency_id_foreign\` foreign key(\`agency_id\`) references \`identity_agency\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`identity_role_agency_id_index\` on \`identity_role\` (\`agency_id\`);`);
    this.addSql(`create unique index \`identity_role_agency_id_key_unique\` on \`identity_role\` (\`agency_id\`, \`key\`);`);

    this.addSql(`create table \`identity_user\` (\`id\` text not null, \`kind\` text check (\`kind\` in ('STAFF', 'CITIZEN')) not null, \`username\` text not null, \`password_hash\` text not null, \`full_name\` text not null, \`search_text\` text not null, \`email\` text null, \`phone\` text null, \`personal_id\` text null, \`unit_id\` text null, \`position\` text null, \`status\` text check (\`status\` in ('ACTIVE', 'DISABLED')) not null default 'ACTIVE', \`failed_login_count\` integer not null default 0, \`locked_until\` datetime null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`version\` integer not null default 1, constraint \`identity_user_unit_id_foreign\` foreign key(\`unit_id\`) references \`identity_agency\`(\`id\`) on delete restrict on update cascade, primary key (\`id\`));`);
    this.addSql(`create unique index \`identity_user_username_unique\` on \`identity_user\` (\`username\`);`);
    this.addSql(`create index \`identity_user_unit_id_index\` on \`identity_user\` (\`unit_id\`);`);
    this.addSql(`create index \`identity_user_kind_unit_id_index\` on \`identity_user\` (\`kind\`, \`unit_id\`);`);

    this.addSql(`create table \`identity_session\` (\`id\` text not null, \`user_id\` text not null, \`refresh_hash\` text not null, \`family_id\` text not null, \`expires_at\` datetime not null, \`revoked_at\` datetime null, \`created_at\` datetime not null, constraint \`identity_session_user_id_foreign\` foreign key(\`user_id\`) references \`identity_user\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`identity_session_user_id_index\` on \`identity_session\` (\`user_id\`);`);
    this.addSql(`create unique index \`identity_session_refresh_hash_unique\` on \`identity_session\` (\`refresh_hash\`);`);
    this.addSql(`create index \`identity_session_family_id_index\` on \`identity_session\` (\`family_id\`);`);

    this.addSql(`create table \`identity_role_assignment\` (\`id\` text not null, \`user_id\` text not null, \`role_id\` text not null, \`unit_id\` text null, \`include_subtree\` integer not null default false, \`granted_by\` text null, \`created_at\` datetime not null, constraint \`identity_role_assignment_user_id_foreign\` foreign key(\`user_id\`) references \`identity_user\`(\`id\`) on delete cascade on update cascade, constraint \`identity_role_assignment_role_id_foreign\` foreign key(\`role_id\`) references \`identity_role\`(\`id\`) on delete cascade on update cascade, constraint \`identity_role_assignment_unit_id_foreign\` foreign key(\`unit_id\`) references \`identity_agency\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`identity_role_assignment_user_id_index\` on \`identity_role_assignment\` (\`user_id\`);`);
    this.addSql(`create index \`identity_role_assignment_role_id_index\` on \`identity_role_assignment\` (\`role_id\`);`);
    this.addSql(`create index \`identity_role_assignment_unit_id_index\` on \`identity_role_assignment\` (\`unit_id\`);`);
    this.addSql(`create unique index \`identity_role_assignment_user_id_role_id_unit_id_unique\` on \`identity_role_assignment\` (\`user_id\`, \`role_id\`, \`unit_id\`);`);

    this.addSql(`create table \`identity_api_key\` (\`id\` text not null, \`name\` text not null, \`prefix\` text not null, \`secret_hash\` text not null, \`owner_id\` text not null, \`unit_id\` text not null, \`include_subtree\` integer not null default false, \`permissions\` json not null, \`expires_at\` datetime null, \`revoked_at\` datetime null, \`last_used_at\` datetime null, \`created_at\` datetime not null, constraint \`identity_api_key_owner_id_foreign\` foreign key(\`owner_id\`) references \`identity_user\`(\`id\`) on delete cascade on update cascade, constraint \`identity_api_key_unit_id_foreign\` foreign key(\`unit_id\`) references \`identity_agency\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`);
    this.addSql(`create unique index \`identity_api_key_prefix_unique\` on \`identity_api_key\` (\`prefix\`);`);
    this.addSql(`create index \`identity_api_key_owner_id_index\` on \`identity_api_key\` (\`owner_id\`);`);
    this.addSql(`create index \`identity_api_key_unit_id_index\` on \`identity_api_key\` (\`unit_id\`);`);
  }

}
