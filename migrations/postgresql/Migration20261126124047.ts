import { Migration } from '@mikro-orm/migrations';

/** The per-person dossier lists (handling officer, last actor, citizen) are served from composite indexes. */
export class Migration20261126124047 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`drop index "dossiers_dossier_applicant_user_id_index";`);
    this.addSql(`drop index "dossiers_dossier_handler_id_index";`);
    this.addSql(`drop index "dossiers_dossier_officer_id_index";`);

    this.addSql(`create index "dossiers_dossier_applicant_list_index" on "dossiers_dossier" ("applicant_user_id", "national_status", "due_at", "created_at", "id");`);
    this.addSql(`create index "dossiers_dossier_officer_list_index" on "dossiers_dossier" ("officer_id", "national_status", "due_at", "created_at", "id");`);
    this.addSql(`create index "dossiers_dossier_handler_list_index" on "dossiers_dossier" ("handler_id", "national_status", "due_at", "created_at", "id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "dossiers_dossier_applicant_list_index";`);
    this.addSql(`drop index "dossiers_dossier_officer_list_index";`);
    this.addSql(`drop index "dossiers_dossier_handler_list_index";`);

    this.addSql(`create index "dossiers_dossier_applicant_user_id_index" on "dossiers_dossier" ("applicant_user_id");`);
    this.addSql(`create index "dossiers_dossier_handler_id_index" on "dossiers_dossier" ("handler_id");`);
    this.addSql(`create index "dossiers_dossier_officer_id_index" on "dossiers_dossier" ("officer_id");`);
  }

}
