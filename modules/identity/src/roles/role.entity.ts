import { Entity, OptionalProps, ManyToOne, PrimaryKey, Property, type Ref, Unique } from '@mikro-orm/core';
import { Agency } from '../agencies/agency.entity.js';

/**
 * A named set of permissions. Built-in roles are templates shared by all agencies
 * (`agency` null, `builtIn` true, immutable); custom roles belong to one agency.
 */
@Entity({ tableName: 'identity_role' })
@Unique({ properties: ['agency', 'key'] })
export class Role {
  [OptionalProps]?: 'version';

  @PrimaryKey({ type: 'uuid' })
  id!: string;

  /** Stable machine name, e.g. `RECEPTION_OFFICER` or an agency's `hs-kiem-tra`. */
  @Property({ length: 100 })
  key!: string;

  @Property({ length: 200 })
  name!: string;

  @Property({ length: 200, nullable: true })
  nameEn?: string | null;

  @Property({ type: 'text', nullable: true })
  description?: string | null;

  @Property({ default: false })
  builtIn: boolean = false;

  @ManyToOne(() => Agency, { ref: true, nullable: true, deleteRule: 'cascade' })
  agency?: Ref<Agency> | null;

  /** Permission keys; `*` means every permission. */
  @Property({ type: 'json' })
  permissions!: string[];

  @Property({ type: 'datetime' })
  createdAt!: Date;

  @Property({ type: 'datetime' })
  updatedAt!: Date;

  @Property({ version: true })
  version!: number;
}
