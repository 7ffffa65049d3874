import { Migration } from '@mikro-orm/migrations';

export class Migration20261126095714 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table \`evaluation_fact\` add column \`timeliness\` text null;`);
  }

}
