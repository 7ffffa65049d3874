import { Entity, Index, ManyToOne, PrimaryKey, Property, type Ref, Unique } from '@mikro-orm/core';
import { User } from '../staff/user.entity.js';

/**
 * A login session. Refresh tokens rotate: each refresh revokes the presented token and
 * issues a new one in the same family; presenting a revoked token again revokes the whole
 * family (it was stolen).
 */
@Entity({ tableName: 'identity_session' })
export class Session {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @ManyToOne(() => User, { ref: true, deleteRule: 'cascade' })
  @Index()
  user!: Ref<User>;

  /** sha256 of the current refresh token; the token itself is never stored. */
  @Property({ length: 64 })
  @Unique()
  refreshHash!: string;

  @Property({ type: 'uuid' })
  @Index()
  familyId!: string;

  @Property({ type: 'datetime' })
  expiresAt!: Date;

  @Property({ type: 'datetime', nullable: true })
  revokedAt?: Date | null;

  @Property({ type: 'datetime' })
  createdAt!: Date;
}
