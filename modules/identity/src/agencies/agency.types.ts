import { Connection, SortDirection } from '@motcua/kernel/contract';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { AgencyKind } from './agency.entity.js';

registerEnumType(AgencyKind, {
  name: 'AgencyKind',
  description: 'What kind of node an org unit is.',
  valuesConfig: {
    PROVINCE: { description: 'Tỉnh / thành phố (UBND cấp tỉnh)' },
    MINISTRY: { description: 'Bộ, cơ quan ngang bộ' },
    DEPARTMENT: { description: 'Sở, ban, ngành' },
    SERVICE_CENTER: { description: 'Trung tâm Phục vụ hành chính công' },
    UNIT: { description: 'Phòng, ban, đơn vị trực thuộc' },
    COMMUNE: { description: 'Xã, phường, đặc khu (UBND cấp xã)' },
  },
});

@ObjectType('Agency', { description: 'An agency or org unit (cơ quan, đơn vị) in the organisation tree.' })
export class AgencyNode {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'Electronic identifier code (mã định danh, QCVN 102:2016); the dossier-code prefix.' })
  code!: string;

  @Field({ description: 'Full name, e.g. "Sở Tư pháp tỉnh Thanh Hóa".' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Short name for menus and slips.' })
  shortName!: string | null;

  @Field(() => AgencyKind)
  kind!: AgencyKind;

  @Field(() => ID, { nullable: true, description: 'Id of the parent unit; null for a root.' })
  parentId!: string | null;

  @Field(() => Int, { description: 'Depth in the tree; roots are 0.' })
  depth!: number;

  @Field(() => String, { nullable: true })
  address!: string | null;

  @Field(() => String, { nullable: true })
  phone!: string | null;

  @Field(() => String, { nullable: true })
  email!: string | null;

  @Field({ description: 'Inactive units keep their history but receive nothing new.' })
  active!: boolean;

  @Field()
  createdAt!: Date;

  @Field()
  updatedAt!: Date;

  @Field(() => Int, { description: 'Optimistic-lock version; send it back when updating.' })
  version!: number;

  /** Materialised path, for scope checks; not exposed. */
  path!: string;
}

@ObjectType()
export class AgencyConnection extends Connection(AgencyNode, 'Agency') {}

@InputType({ description: 'Filters for the agencies list; all given conditions must hold.' })
export class AgencyFilter {
  @Field({ nullable: true, description: 'Words of the name or code, insensitive to case and Vietnamese diacritics.' })
  search?: string;

  @Field(() => [ID], { nullable: true, description: 'Only these agencies (at most 100 ids).' })
  ids?: string[];

  @Field(() => [AgencyKind], { nullable: true })
  kinds?: AgencyKind[];

  @Field(() => ID, { nullable: true, description: 'Only direct children of this unit.' })
  parentId?: string;

  @Field(() => ID, { nullable: true, description: 'Only this unit and everything below it.' })
  withinId?: string;

  @Field({ nullable: true, description: 'Only roots (units without a parent).' })
  rootsOnly?: boolean;

  @Field({ nullable: true })
  active?: boolean;
}

export enum AgencySortField {
  NAME = 'name',
  CODE = 'code',
  CREATED_AT = 'createdAt',
}
registerEnumType(AgencySortField, { name: 'AgencySortField' });

@InputType()
export class AgencySort {
  @Field(() => AgencySortField)
  field!: AgencySortField;

  @Field(() => SortDirection, { defaultValue: SortDirection.ASC })
  direction!: SortDirection;
}

@InputType({ description: 'A new agency or unit.' })
export class CreateAgencyInput {
  @Field(() => ID, { nullable: true, description: 'Parent unit; omit to create a root (system administrators only).' })
  parentId?: string;

  @Field()
  code!: string;

  @Field()
  name!: string;

  @Field({ nullable: true })
  shortName?: string;

  @Field(() => AgencyKind)
  kind!: AgencyKind;

  @Field({ nullable: true })
  address?: string;

  @Field({ nullable: true })
  phone?: string;

  @Field({ nullable: true })
  email?: string;
}

@InputType({ description: 'Changes to an agency; omitted fields stay as they are.' })
export class UpdateAgencyInput {
  @Field(() => ID)
  id!: string;

  @Field(() => Int, { description: 'The version you edited; a newer one in the database is a STALE_VERSION error.' })
  version!: number;

  @Field({ nullable: true })
  code?: string;

  @Field({ nullable: true })
  name?: string;

  @Field({ nullable: true })
  shortName?: string;

  @Field(() => AgencyKind, { nullable: true })
  kind?: AgencyKind;

  @Field({ nullable: true })
  address?: string;

  @Field({ nullable: true })
  phone?: string;

  @Field({ nullable: true })
  email?: string;

  @Field({ nullable: true })
  active?: boolean;
}

@ObjectType()
export class AgencyPayload {
  @Field(() => AgencyNode)
  agency!: AgencyNode;
}
