import { Migration } from '@mikro-orm/migrations';

export class Migration20261126110311 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create index "dossiers_dossier_handler_id_index" on "dossiers_dossier" ("handler_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "dossiers_dossier_handler_id_index";`);
  }

}
