import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { PageArgs, type RequestContext, requirePrincipal } from '@motcua/kernel/contract';
import { OkPayload } from '../auth/auth.types.js';
import { agencyLoader } from '../agencies/agency.read.js';
import { AgencyNode } from '../agencies/agency.types.js';
import { listAssignments, listRoles, readRole, roleLoader } from './role.read.js';
import { assignRole, createRole, deleteRole, revokeAssignment, updateRole } from './role.service.js';
import {
  AssignRoleInput, CreateRoleInput, IdInput, PermissionNode, RoleAssignmentConnection, RoleAssignmentFilter, RoleAssignmentNode, RoleAssignmentPayload,
  RoleConnection, RoleFilter, RoleNode, RolePayload, UpdateRoleInput,
} from './role.types.js';

/** Roles, the permission catalogue they are built from, and role assignments. */
@Resolver()
export class RoleResolver {
  @Query(() => [PermissionNode], { description: 'Every permission of every module, for role editors.' })
  permissions(@Ctx() ctx: RequestContext): PermissionNode[] {
    requirePrincipal(ctx);
    return ctx.platform.permissions.map((p) => ({ key: p.key, label: p.label.vi, labelEn: p.label.en, module: p.module }));
  }

  @Query(() => RoleConnection, { description: 'Built-in and custom roles.' })
  roles(@Args() page: PageArgs, @Arg('filter', () => RoleFilter, { nullable: true }) filter: RoleFilter | undefined, @Ctx() ctx: RequestContext) {
    requirePrincipal(ctx);
    return listRoles(ctx, page, filter);
  }

  @Query(() => RoleNode, { description: 'One role by id.' })
  async role(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<RoleNode> {
    requirePrincipal(ctx);
    return readRole(ctx, id);
  }

  @Query(() => RoleAssignmentConnection, { description: 'Role assignments in the units where you assign roles, and your own.' })
  roleAssignments(
    @Args() page: PageArgs,
    @Arg('filter', () => RoleAssignmentFilter, { nullable: true }) filter: RoleAssignmentFilter | undefined,
    @Ctx() ctx: RequestContext,
  ) {
    requirePrincipal(ctx);
    return listAssignments(ctx, page, filter);
  }

  @Mutation(() => RolePayload, { description: "Creates a custom role in an agency from permissions you hold." })
  async createRole(@Arg('input') input: CreateRoleInput, @Ctx() ctx: RequestContext): Promise<RolePayload> {
    return { role: await createRole(ctx, input) };
  }

  @Mutation(() => RolePayload, { description: 'Edits a custom role.' })
  async updateRole(@Arg('input') input: UpdateRoleInput, @Ctx() ctx: RequestContext): Promise<RolePayload> {
    return { role: await updateRole(ctx, input) };
  }

  @Mutation(() => OkPayload, { description: 'Deletes a custom role and its assignments.' })
  async deleteRole(@Arg('input') input: IdInput, @Ctx() ctx: RequestContext): Promise<OkPayload> {
    await deleteRole(ctx, input.id);
    return { ok: true };
  }

  @Mutation(() => RoleAssignmentPayload, { description: 'Gives a user a role in a unit (optionally with its subtree).' })
  async assignRole(@Arg('input') input: AssignRoleInput, @Ctx() ctx: RequestContext): Promise<RoleAssignmentPayload> {
    return { assignment: await assignRole(ctx, input) };
  }

  @Mutation(() => OkPayload, { description: 'Takes back a role assignment.' })
  async revokeRoleAssignment(@Arg('input') input: IdInput, @Ctx() ctx: RequestContext): Promise<OkPayload> {
    await revokeAssignment(ctx, input.id);
    return { ok: true };
  }
}

/** Names for an assignment's role and unit, batched per request. */
@Resolver(() => RoleAssignmentNode)
export class RoleAssignmentResolver {
  @FieldResolver(() => RoleNode, { nullable: true, description: 'The role given.' })
  role(@Root() assignment: RoleAssignmentNode, @Ctx() ctx: RequestContext) {
    return roleLoader(ctx).load(assignment.roleId);
  }

  @FieldResolver(() => AgencyNode, { nullable: true, description: 'The unit it applies in; null = everywhere.' })
  unit(@Root() assignment: RoleAssignmentNode, @Ctx() ctx: RequestContext) {
    return assignment.unitId ? agencyLoader(ctx).load(assignment.unitId) : null;
  }
}
