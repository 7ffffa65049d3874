import { Entity, OptionalProps, Enum, Index, ManyToOne, PrimaryKey, Property, type Ref, Unique } from '@mikro-orm/core';

/** What kind of node an org unit is; a province's tree mixes them. */
export enum AgencyKind {
  PROVINCE = 'PROVINCE',
  MINISTRY = 'MINISTRY',
  DEPARTMENT = 'DEPARTMENT',
  SERVICE_CENTER = 'SERVICE_CENTER',
  UNIT = 'UNIT',
  COMMUNE = 'COMMUNE',
}

/**
 * An agency or org unit in the tree (province → department/centre → unit; commune).
 * `path` is the materialised list of ancestor ids, `/root/…/self/`, so a subtree is one
 * `LIKE 'path%'` and permissions scoped to a subtree filter in SQL.
 */
@Entity({ tableName: 'identity_agency' })
export class Agency {
  [OptionalProps]?: 'version';

  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @ManyToOne(() => Agency, { ref: true, nullable: true, deleteRule: 'restrict' })
  @Index()
  parent?: Ref<Agency> | null;

  @Property({ length: 1000 })
  @Index()
  path!: string;

  @Property()
  depth!: number;

  /** Electronic identifier code (QCVN 102:2016), the dossier-code prefix. Opaque. */
  @Property({ length: 50 })
  @Unique()
  code!: string;

  @Property({ length: 300 })
  name!: string;

  @Property({ length: 100, nullable: true })
  shortName?: string | null;

  /** Folded name and code (see `foldVietnamese`) for diacritic-insensitive search. */
  @Property({ length: 1000 })
  searchText!: string;

  @Enum({ items: () => AgencyKind, nativeEnumName: undefined })
  kind!: AgencyKind;

  @Property({ length: 500, nullable: true })
  address?: string | null;

  @Property({ length: 50, nullable: true })
  phone?: string | null;

  @Property({ length: 200, nullable: true })
  email?: string | null;

  @Property({ default: true })
  active: boolean = true;

  @Property({ type: 'datetime' })
  createdAt!: Date;

  @Property({ type: 'datetime' })
  updatedAt!: Date;

  @Property({ version: true })
  version!: number;
}
