import { Connection, SortDirection } from '@motcua/kernel/contract';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { UserKind, UserStatus } from './user.entity.js';

registerEnumType(UserStatus, { name: 'UserStatus', description: 'Whether an account may sign in.' });
registerEnumType(UserKind, { name: 'UserKind', description: 'Staff (cán bộ) or citizen/organisation (công dân, tổ chức).' });

@ObjectType('Staff', {
  description: 'A staff account (cán bộ, công chức). `personalId` and `phone` are masked unless you may read personal data.',
})
export class StaffNode {
  @Field(() => ID)
  id!: string;

  @Field()
  username!: string;

  @Field()
  fullName!: string;

  @Field(() => String, { nullable: true })
  email!: string | null;

  @Field(() => String, { nullable: true, description: 'Masked (e.g. `********89`) without the staff.readPersonalData permission.' })
  phone!: string | null;

  @Field(() => String, { nullable: true, description: 'Personal ID (CCCD); masked like `phone`.' })
  personalId!: string | null;

  @Field(() => String, { nullable: true, description: 'Job title (chức vụ).' })
  position!: string | null;

  @Field(() => ID, { nullable: true })
  unitId!: string | null;

  @Field(() => UserStatus)
  status!: UserStatus;

  @Field(() => Date, { nullable: true, description: 'Set while the account is locked after failed sign-ins.' })
  lockedUntil!: Date | null;

  @Field()
  createdAt!: Date;

  @Field()
  updatedAt!: Date;

  @Field(() => Int)
  version!: number;
}

@ObjectType()
export class StaffConnection extends Connection(StaffNode, 'Staff') {}

@InputType()
export class StaffFilter {
  @Field({ nullable: true, description: 'Words of the name or username, insensitive to case and diacritics.' })
  search?: string;

  @Field(() => ID, { nullable: true, description: 'Only staff of this unit.' })
  unitId?: string;

  @Field(() => ID, { nullable: true, description: 'Only staff of this unit and the units below it.' })
  withinId?: string;

  @Field(() => UserStatus, { nullable: true })
  status?: UserStatus;
}

export enum StaffSortField {
  FULL_NAME = 'fullName',
  USERNAME = 'username',
  CREATED_AT = 'createdAt',
}
registerEnumType(StaffSortField, { name: 'StaffSortField' });

@InputType()
export class StaffSort {
  @Field(() => StaffSortField)
  field!: StaffSortField;

  @Field(() => SortDirection, { defaultValue: SortDirection.ASC })
  direction!: SortDirection;
}

@InputType()
export class CreateStaffInput {
  @Field({ description: 'Sign-in name: 3–50 of a–z, 0–9, dot, dash, underscore.' })
  username!: string;

  @Field({ description: 'Initial password: 8–200 characters with letters and digits.' })
  password!: string;

  @Field()
  fullName!: string;

  @Field(() => ID)
  unitId!: string;

  @Field({ nullable: true })
  email?: string;

  @Field({ nullable: true })
  phone?: string;

  @Field({ nullable: true, description: 'CCCD (12 digits) or old CMND (9 digits).' })
  personalId?: string;

  @Field({ nullable: true })
  position?: string;
}

@InputType({ description: 'Changes to a staff account; omitted fields stay as they are.' })
export class UpdateStaffInput {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  version!: number;

  @Field({ nullable: true })
  fullName?: string;

  @Field(() => ID, { nullable: true, description: 'Move to another unit (you must administer both).' })
  unitId?: string;

  @Field({ nullable: true })
  email?: string;

  @Field({ nullable: true })
  phone?: string;

  @Field({ nullable: true })
  personalId?: string;

  @Field({ nullable: true })
  position?: string;
}

@InputType()
export class SetStaffStatusInput {
  @Field(() => ID)
  id!: string;

  @Field({ nullable: true, description: 'Why; kept in the audit log.' })
  reason?: string;
}

@ObjectType()
export class StaffPayload {
  @Field(() => StaffNode)
  staff!: StaffNode;
}
