import { Entity, OptionalProps, Enum, Index, ManyToOne, PrimaryKey, Property, type Ref, Unique } from '@mikro-orm/core';
import { Agency } from '../agencies/agency.entity.js';

export enum UserKind {
  STAFF = 'STAFF',
  CITIZEN = 'CITIZEN',
}

export enum UserStatus {
  ACTIVE = 'ACTIVE',
  DISABLED = 'DISABLED',
}

/** A staff or citizen account. Sensitive fields (personal ID, phone) are masked by CASL rules. */
@Entity({ tableName: 'identity_user' })
@Index({ properties: ['kind', 'unit'] })
export class User {
  [OptionalProps]?: 'version';

  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Enum({ items: () => UserKind })
  kind!: UserKind;

  @Property({ length: 100 })
  @Unique()
  username!: string;

  @Property({ length: 200, hidden: true })
  passwordHash!: string;

  @Property({ length: 200 })
  fullName!: string;

  /** Folded name and code (see `foldVietnamese`) for diacritic-insensitive search. */
  @Property({ length: 1000 })
  searchText!: string;

  @Property({ length: 200, nullable: true })
  email?: string | null;

  @Property({ length: 30, nullable: true })
  phone?: string | null;

  /** Citizen identity number (CCCD, 12 digits) or other personal ID. */
  @Property({ length: 30, nullable: true })
  personalId?: string | null;

  /** The org unit a staff member belongs to; null for citizens. */
  @ManyToOne(() => Agency, { ref: true, nullable: true, deleteRule: 'restrict' })
  @Index()
  unit?: Ref<Agency> | null;

  /** Job title (chức vụ), e.g. "Chuyên viên", "Trưởng phòng". */
  @Property({ length: 200, nullable: true })
  position?: string | null;

  @Enum({ items: () => UserStatus })
  status: UserStatus = UserStatus.ACTIVE;

  @Property({ default: 0 })
  failedLoginCount: number = 0;

  @Property({ type: 'datetime', nullable: true })
  lockedUntil?: Date | null;

  @Property({ type: 'datetime' })
  createdAt!: Date;

  @Property({ type: 'datetime' })
  updatedAt!: Date;

  @Property({ version: true })
  version!: number;
}
