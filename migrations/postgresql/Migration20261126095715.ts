import { Migration } from '@mikro-orm/migrations';

export class Migration20261126095715 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "evaluation_fact" add column "timeliness" varchar(10) null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "evaluation_fact" drop column "timeliness";`);
  }

}
