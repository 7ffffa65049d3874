import { Connection } from '@motcua/kernel/contract';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';

@ObjectType('Permission', { description: 'A named permission that roles are built from.' })
export class PermissionNode {
  @Field({ description: 'Stable key, e.g. `staff.create`.' })
  key!: string;

  @Field({ description: 'Label in Vietnamese.' })
  label!: string;

  @Field({ description: 'Label in English.' })
  labelEn!: string;

  @Field({ description: 'The module that declares it, e.g. `identity`.' })
  module!: string;
}

@ObjectType('Role', { description: 'A set of permissions. Built-in roles are shared templates; custom roles belong to an agency.' })
export class RoleNode {
  @Field(() => ID)
  id!: string;

  @Field()
  key!: string;

  @Field()
  name!: string;

  @Field(() => String, { nullable: true })
  nameEn!: string | null;

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field()
  builtIn!: boolean;

  @Field(() => ID, { nullable: true, description: 'Owning agency of a custom role; null for built-in roles.' })
  agencyId!: string | null;

  @Field(() => [String], { description: 'Permission keys; `*` means all.' })
  permissions!: string[];

  @Field(() => Int)
  version!: number;
}

@ObjectType()
export class RoleConnection extends Connection(RoleNode, 'Role') {}

@InputType()
export class RoleFilter {
  @Field(() => ID, { nullable: true, description: 'Built-in roles plus the custom roles of this agency.' })
  agencyId?: string;

  @Field({ nullable: true })
  builtIn?: boolean;
}

@InputType()
export class CreateRoleInput {
  @Field(() => ID, { description: 'The agency that owns the role.' })
  agencyId!: string;

  @Field({ description: 'Machine name, unique in the agency: 2–100 of a–z, 0–9, dash, underscore, dot.' })
  key!: string;

  @Field()
  name!: string;

  @Field({ nullable: true })
  nameEn?: string;

  @Field({ nullable: true })
  description?: string;

  @Field(() => [String], { description: 'Keys from `permissions`; you can only give permissions you hold.' })
  permissions!: string[];
}

@InputType()
export class UpdateRoleInput {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  version!: number;

  @Field({ nullable: true })
  name?: string;

  @Field({ nullable: true })
  nameEn?: string;

  @Field({ nullable: true })
  description?: string;

  @Field(() => [String], { nullable: true })
  permissions?: string[];
}

@InputType()
export class IdInput {
  @Field(() => ID)
  id!: string;
}

@ObjectType()
export class RolePayload {
  @Field(() => RoleNode)
  role!: RoleNode;
}

@ObjectType('RoleAssignment', { description: 'A role given to a user in a unit (and optionally its subtree).' })
export class RoleAssignmentNode {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  userId!: string;

  @Field(() => ID)
  roleId!: string;

  @Field(() => ID, { nullable: true, description: 'Null = everywhere (system administrators).' })
  unitId!: string | null;

  @Field()
  includeSubtree!: boolean;

  @Field()
  createdAt!: Date;
}

@ObjectType()
export class RoleAssignmentConnection extends Connection(RoleAssignmentNode, 'RoleAssignment') {}

@InputType()
export class RoleAssignmentFilter {
  @Field(() => ID, { nullable: true })
  userId?: string;

  @Field(() => ID, { nullable: true })
  unitId?: string;
}

@InputType()
export class AssignRoleInput {
  @Field(() => ID)
  userId!: string;

  @Field(() => ID)
  roleId!: string;

  @Field(() => ID, { nullable: true, description: 'Required except for the system administrator role.' })
  unitId?: string;

  @Field({ nullable: true, defaultValue: false, description: 'Also cover every unit below `unitId`.' })
  includeSubtree?: boolean;
}

@ObjectType()
export class RoleAssignmentPayload {
  @Field(() => RoleAssignmentNode)
  assignment!: RoleAssignmentNode;
}
