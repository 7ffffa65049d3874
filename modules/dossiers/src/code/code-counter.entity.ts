import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * The last dossier sequence number a receiving unit used on one calendar day (Asia/Ho_Chi_Minh).
 * One row per (unit, day): the counter "resets" daily because each day starts a new row.
 */
@Entity({ tableName: 'dossiers_code_counter' })
export class DossierCodeCounter {
  @PrimaryKey({ length: 100 })
  unitCode!: string;

  /** `YYYY-MM-DD` in Asia/Ho_Chi_Minh. */
  @PrimaryKey({ length: 10 })
  day!: string;

  @Property()
  lastValue!: number;
}
