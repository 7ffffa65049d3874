import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { PageArgs, type RequestContext, requirePrincipal } from '@motcua/kernel/contract';
import { agencyLoader } from '../agencies/agency.read.js';
import { AgencyNode } from '../agencies/agency.types.js';
import { listAssignments } from '../roles/role.read.js';
import { RoleAssignmentNode } from '../roles/role.types.js';
import { listStaff, readStaff } from './staff.read.js';
import { createStaff, setStaffStatus, updateStaff } from './staff.service.js';
import { CreateStaffInput, SetStaffStatusInput, StaffConnection, StaffFilter, StaffNode, StaffPayload, StaffSort, UpdateStaffInput } from './staff.types.js';
import { UserStatus } from './user.entity.js';

/** Staff accounts, readable and editable within the caller's scope. */
@Resolver(() => StaffNode)
export class StaffResolver {
  @Query(() => StaffNode, { description: 'One staff member you may see.' })
  staffMember(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<StaffNode> {
    requirePrincipal(ctx);
    return readStaff(ctx, id);
  }

  @Query(() => StaffConnection, { description: 'Staff of the units you may see, filtered and sorted.' })
  staff(
    @Args() page: PageArgs,
    @Arg('filter', () => StaffFilter, { nullable: true }) filter: StaffFilter | undefined,
    @Arg('sort', () => [StaffSort], { nullable: true }) sort: StaffSort[] | undefined,
    @Ctx() ctx: RequestContext,
  ) {
    requirePrincipal(ctx);
    return listStaff(ctx, page, filter, sort);
  }

  @FieldResolver(() => AgencyNode, { nullable: true, description: 'The unit the staff member belongs to.' })
  unit(@Root() staff: StaffNode, @Ctx() ctx: RequestContext) {
    return staff.unitId ? agencyLoader(ctx).load(staff.unitId) : null;
  }

  @FieldResolver(() => [RoleAssignmentNode], { description: 'Roles the staff member holds (those you may see).' })
  async roleAssignments(@Root() staff: StaffNode, @Ctx() ctx: RequestContext) {
    return (await listAssignments(ctx, { limit: 100 }, { userId: staff.id })).nodes;
  }

  @Mutation(() => StaffPayload, { description: 'Creates a staff account in a unit you administer.' })
  async createStaff(@Arg('input') input: CreateStaffInput, @Ctx() ctx: RequestContext): Promise<StaffPayload> {
    return { staff: await createStaff(ctx, input) };
  }

  @Mutation(() => StaffPayload, { description: 'Edits a staff account you administer.' })
  async updateStaff(@Arg('input') input: UpdateStaffInput, @Ctx() ctx: RequestContext): Promise<StaffPayload> {
    return { staff: await updateStaff(ctx, input) };
  }

  @Mutation(() => StaffPayload, { description: 'Disables a staff account; its sessions stop working at once.' })
  async disableStaff(@Arg('input') input: SetStaffStatusInput, @Ctx() ctx: RequestContext): Promise<StaffPayload> {
    return { staff: await setStaffStatus(ctx, input, UserStatus.DISABLED) };
  }

  @Mutation(() => StaffPayload, { description: 'Re-enables a staff account and lifts any sign-in lock.' })
  async enableStaff(@Arg('input') input: SetStaffStatusInput, @Ctx() ctx: RequestContext): Promise<StaffPayload> {
    return { staff: await setStaffStatus(ctx, input, UserStatus.ACTIVE) };
  }
}
