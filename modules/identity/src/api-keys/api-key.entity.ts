import { Entity, ManyToOne, PrimaryKey, Property, type Ref, Unique } from '@mikro-orm/core';
import { Agency } from '../agencies/agency.entity.js';
import { User } from '../staff/user.entity.js';

/**
 * A key for a system-to-system integration. Only a sha256 of the secret is kept; the
 * secret is shown once at creation. Its permissions apply within its unit (and subtree),
 * and never exceed what its owner could grant.
 */
@Entity({ tableName: 'identity_api_key' })
export class ApiKey {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ length: 200 })
  name!: string;

  /** Public prefix of the key (`mc_` + 8 chars), used to look it up. */
  @Property({ length: 20 })
  @Unique()
  prefix!: string;

  @Property({ length: 64 })
  secretHash!: string;

  @ManyToOne(() => User, { ref: true, deleteRule: 'cascade' })
  owner!: Ref<User>;

  @ManyToOne(() => Agency, { ref: true, deleteRule: 'cascade' })
  unit!: Ref<Agency>;

  @Property({ default: false })
  includeSubtree: boolean = false;

  @Property({ type: 'json' })
  permissions!: string[];

  @Property({ type: 'datetime', nullable: true })
  expiresAt?: Date | null;

  @Property({ type: 'datetime', nullable: true })
  revokedAt?: Date | null;

  @Property({ type: 'datetime', nullable: true })
  lastUsedAt?: Date | null;

  @Property({ type: 'datetime' })
  createdAt!: Date;
}
