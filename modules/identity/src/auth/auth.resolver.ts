import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { type RequestContext, requirePrincipal } from '@motcua/kernel/contract';
import { agencyLoader } from '../agencies/agency.read.js';
import { AgencyNode } from '../agencies/agency.types.js';
import { listAssignments } from '../roles/role.read.js';
import { RoleAssignmentNode } from '../roles/role.types.js';
import { userLoader } from '../staff/staff.read.js';
import { UserKind } from '../staff/user.entity.js';
import { changePassword, login, logout, meOf, refresh, registerCitizen } from './auth.service.js';
import { ChangePasswordInput, LoginInput, LoginPayload, LogoutInput, MeNode, OkPayload, RefreshTokenInput, RegisterCitizenInput } from './auth.types.js';

/** Sign-in, sessions and the signed-in user. */
@Resolver(() => MeNode)
export class AuthResolver {
  @Query(() => MeNode, { description: 'The signed-in user. Example: `me { fullName agency { name } grants { permission } }`.' })
  me(@Ctx() ctx: RequestContext): MeNode {
    const principal = requirePrincipal(ctx);
    return meOf(principal, principal.kind === 'CITIZEN' ? UserKind.CITIZEN : UserKind.STAFF);
  }

  @FieldResolver(() => AgencyNode, { nullable: true, description: 'The unit the user belongs to.' })
  agency(@Root() me: MeNode, @Ctx() ctx: RequestContext) {
    return me.agencyId ? agencyLoader(ctx).load(me.agencyId) : null;
  }

  @FieldResolver(() => String, { nullable: true })
  async email(@Root() me: MeNode, @Ctx() ctx: RequestContext): Promise<string | null> {
    return (await userLoader(ctx).load(me.id))?.email ?? null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Job title (chức vụ).' })
  async position(@Root() me: MeNode, @Ctx() ctx: RequestContext): Promise<string | null> {
    return (await userLoader(ctx).load(me.id))?.position ?? null;
  }

  @FieldResolver(() => [RoleAssignmentNode], { description: "The user's role assignments, with role and unit." })
  async roleAssignments(@Root() me: MeNode, @Ctx() ctx: RequestContext): Promise<RoleAssignmentNode[]> {
    return (await listAssignments(ctx, { limit: 100 }, { userId: me.id })).nodes;
  }

  @Mutation(() => LoginPayload, { description: 'Signs in with username and password. Five failures in a row lock the account for 15 minutes.' })
  login(@Arg('input') input: LoginInput, @Ctx() ctx: RequestContext): Promise<LoginPayload> {
    return login(ctx, input);
  }

  @Mutation(() => LoginPayload, { description: 'Exchanges a refresh token for a new access and refresh token (the old one stops working).' })
  refreshToken(@Arg('input') input: RefreshTokenInput, @Ctx() ctx: RequestContext): Promise<LoginPayload> {
    return refresh(ctx, input.refreshToken);
  }

  @Mutation(() => OkPayload, { description: 'Signs out: the session (or every session) is revoked at once.' })
  async logout(@Arg('input', () => LogoutInput, { nullable: true }) input: LogoutInput | undefined, @Ctx() ctx: RequestContext): Promise<OkPayload> {
    await logout(ctx, Boolean(input?.everywhere));
    return { ok: true };
  }

  @Mutation(() => OkPayload, { description: "Changes the caller's password and signs out their other sessions." })
  async changePassword(@Arg('input') input: ChangePasswordInput, @Ctx() ctx: RequestContext): Promise<OkPayload> {
    await changePassword(ctx, input);
    return { ok: true };
  }

  @Mutation(() => LoginPayload, { description: 'Creates a citizen account and signs it in.' })
  registerCitizen(@Arg('input') input: RegisterCitizenInput, @Ctx() ctx: RequestContext): Promise<LoginPayload> {
    return registerCitizen(ctx, input);
  }
}
