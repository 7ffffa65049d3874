import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { PageArgs, type RequestContext } from '@motcua/kernel/contract';
import { agencyLoader, agencyOrFail, childrenLoader, listAgencies } from './agency.read.js';
import { createAgency, updateAgency } from './agency.service.js';
import {
  AgencyConnection, AgencyFilter, AgencyNode, AgencyPayload, AgencySort, CreateAgencyInput, UpdateAgencyInput,
} from './agency.types.js';

/** The organisation tree: a public directory to read, scoped to administrators to change. */
@Resolver(() => AgencyNode)
export class AgencyResolver {
  @Query(() => AgencyNode, { description: 'One agency or unit by id.' })
  agency(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<AgencyNode> {
    return agencyOrFail(ctx, id);
  }

  @Query(() => AgencyConnection, {
    description: 'Agencies and units, filtered and sorted. Example: `agencies(filter: { search: "tu phap" }, limit: 20) { nodes { name } totalCount }`.',
  })
  agencies(
    @Args() page: PageArgs,
    @Arg('filter', () => AgencyFilter, { nullable: true }) filter: AgencyFilter | undefined,
    @Arg('sort', () => [AgencySort], { nullable: true }) sort: AgencySort[] | undefined,
    @Ctx() ctx: RequestContext,
  ) {
    return listAgencies(ctx, page, filter, sort);
  }

  @Query(() => [AgencyNode], { description: 'The roots of the organisation tree; walk down with `children`.' })
  async agencyTree(@Ctx() ctx: RequestContext): Promise<AgencyNode[]> {
    return (await listAgencies(ctx, { limit: 100 }, { rootsOnly: true })).nodes;
  }

  @FieldResolver(() => AgencyNode, { nullable: true, description: 'The parent unit.' })
  parent(@Root() agency: AgencyNode, @Ctx() ctx: RequestContext): Promise<AgencyNode | null> | null {
    return agency.parentId ? agencyLoader(ctx).load(agency.parentId) : null;
  }

  @FieldResolver(() => [ID], { description: 'Ids of the units above this one, from the root down (for scope checks in clients).' })
  ancestorIds(@Root() agency: AgencyNode): string[] {
    return agency.path.split('/').filter(Boolean).slice(0, -1);
  }

  @FieldResolver(() => [AgencyNode], { description: 'Direct children, by name.' })
  children(@Root() agency: AgencyNode, @Ctx() ctx: RequestContext): Promise<AgencyNode[]> {
    return childrenLoader(ctx).load(agency.id);
  }

  @Mutation(() => AgencyPayload, { description: 'Creates an agency or unit under a parent you administer.' })
  async createAgency(@Arg('input') input: CreateAgencyInput, @Ctx() ctx: RequestContext): Promise<AgencyPayload> {
    return { agency: await createAgency(ctx, input) };
  }

  @Mutation(() => AgencyPayload, { description: 'Edits an agency or unit you administer (optimistic locking on `version`).' })
  async updateAgency(@Arg('input') input: UpdateAgencyInput, @Ctx() ctx: RequestContext): Promise<AgencyPayload> {
    return { agency: await updateAgency(ctx, input) };
  }
}
