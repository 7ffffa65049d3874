import { Migration } from '@mikro-orm/migrations';

export class Migration20261126123538 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "dossiers_dossier" add column "competent_unit_id" uuid null, add column "competent_unit_path" varchar(1000) null, add column "boundary_free" boolean not null default false, add column "competent_received_at" timestamptz null;`);
    this.addSql(`create index "dossiers_dossier_competent_unit_id_index" on "dossiers_dossier" ("competent_unit_id");`);
    // Dossiers so far were all lodged at the competent agency's own receiving unit.
    this.addSql(`update "dossiers_dossier" set "competent_unit_id" = "unit_id", "competent_unit_path" = "unit_path";`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "dossiers_dossier_competent_unit_id_index";`);
    this.addSql(`alter table "dossiers_dossier" drop column "competent_unit_id", drop column "competent_unit_path", drop column "boundary_free", drop column "competent_received_at";`);
  }

}
