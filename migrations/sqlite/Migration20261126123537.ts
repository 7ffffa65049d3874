import { Migration } from '@mikro-orm/migrations';

export class Migration20261126123537 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table \`dossiers_dossier\` add column \`competent_unit_id\` text null;`);
    this.addSql(`alter table \`dossiers_dossier\` add column \`competent_unit_path\` text null;`);
    this.addSql(`alter table \`dossiers_dossier\` add column \`boundary_free\` integer not null default false;`);
    this.addSql(`alter table \`dossiers_dossier\` add column \`competent_received_at\` datetime null;`);
    this.addSql(`create index \`dossiers_dossier_competent_unit_id_index\` on \`dossiers_dossier\` (\`competent_unit_id\`);`);
    // Dossiers so far were all lodged at the competent agency's own receiving unit.
    this.addSql(`update \`dossiers_dossier\` set \`competent_unit_id\` = \`unit_id\`, \`competent_unit_path\` = \`unit_path\`;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index \`dossiers_dossier_competent_unit_id_index\`;`);
    this.addSql(`alter table \`dossiers_dossier\` drop column \`competent_unit_id\`;`);
    this.addSql(`alter table \`dossiers_dossier\` drop column \`competent_unit_path\`;`);
    this.addSql(`alter table \`dossiers_dossier\` drop column \`boundary_free\`;`);
    this.addSql(`alter table \`dossiers_dossier\` drop column \`competent_received_at\`;`);
  }

}
