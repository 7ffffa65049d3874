import { Entity, ManyToOne, PrimaryKey, Property, type Ref, Unique } from '@mikro-orm/core';
import { Agency } from '../agencies/agency.entity.js';
import { User } from '../staff/user.entity.js';
import { Role } from './role.entity.js';

/**
 * Gives a user a role in one org unit, optionally with the unit's whole subtree.
 * A null unit means everywhere (only for the system administrator role).
 */
@Entity({ tableName: 'identity_role_assignment' })
@Unique({ properties: ['user', 'role', 'unit'] })
export class RoleAssignment {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @ManyToOne(() => User, { ref: true, deleteRule: 'cascade' })
  user!: Ref<User>;

  @ManyToOne(() => Role, { ref: true, deleteRule: 'cascade' })
  role!: Ref<Role>;

  @ManyToOne(() => Agency, { ref: true, nullable: true, deleteRule: 'cascade' })
  unit?: Ref<Agency> | null;

  @Property({ default: false })
  includeSubtree: boolean = false;

  @Property({ type: 'uuid', nullable: true })
  grantedBy?: string | null;

  @Property({ type: 'datetime' })
  createdAt!: Date;
}
