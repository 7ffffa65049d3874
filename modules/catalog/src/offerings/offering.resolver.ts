import { asDate, asJson, asSubject, relationId, type RequestContext } from '@motcua/kernel/contract';
import { ZonedDateTime } from '@motcua/workflow/contract';
import DataLoader from 'dataloader';
import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import type { ProcedureContent } from '../procedures/content.js';
import { localToday } from '../procedures/dates.js';
import { versionInForce, versionsLoader } from '../procedures/procedure.read.js';
import { ProcedureNode } from '../procedures/procedure.types.js';
import { effectiveLimit } from './limits.js';
import { type OfferedChannel, Offering } from './offering.entity.js';
import { removeOffering, setOffering } from './offering.service.js';
import { OfferedChannelNode, OfferingNode, OfferingPayload, SetProcedureOfferingInput } from './offering.types.js';

const ZONE = 'Asia/Ho_Chi_Minh';

function canManage(ctx: RequestContext, row: { agencyId: string; agencyPath: string }): boolean {
  return ctx.ability.can('manage', asSubject('Offering', { agencyId: row.agencyId, agencyPath: row.agencyPath }));
}

function toOfferingNode(row: Record<string, any>, ctx: RequestContext): OfferingNode {
  return {
    id: row.id, procedureId: relationId(row.procedure)!, agencyId: row.agencyId, receivingUnitIds: asJson<string[]>(row.receivingUnitIds),
    workflowDefinitionId: canManage(ctx, { agencyId: row.agencyId, agencyPath: row.agencyPath }) ? (row.workflowDefinitionId ?? null) : null,
    updatedAt: new ZonedDateTime(asDate(row.updatedAt), ZONE), offered: asJson<OfferedChannel[]>(row.channels),
  };
}

/** Offerings of each procedure, batched per request. Public: portals show where to submit. */
function offeringsLoader(ctx: RequestContext): DataLoader<string, Record<string, any>[]> {
  return ctx.loaders.get('catalog.offeringsByProcedure', () =>
    new DataLoader(async (ids: readonly string[]) => {
      const rows = await ctx.em.createQueryBuilder(Offering, 'o').select('o.*').where({ procedure: { $in: [...ids] } })
        .orderBy({ agencyId: 'asc' }).execute<Record<string, any>[]>('all', true);
      return ids.map((id) => rows.filter((row) => relationId(row.procedure) === id));
    }),
  );
}

/** Agency offerings of procedures. */
@Resolver(() => OfferingNode)
export class OfferingResolver {
  @FieldResolver(() => [OfferedChannelNode], { description: 'Offered channels with their local, statutory (version in force today) and effective limits.' })
  async channels(@Root() offering: OfferingNode, @Ctx() ctx: RequestContext): Promise<OfferedChannelNode[]> {
    const version = versionInForce(await versionsLoader(ctx).load(offering.procedureId), localToday(ctx.clock.now()));
    const content = version ? asJson<ProcedureContent>(version.content) : null;
    return offering.offered.map((offered) => {
      const statutory = content?.channels.find((c) => c.channel === offered.channel)?.limit ?? null;
      return { ...offered, statutoryLimit: statutory, effectiveLimit: statutory ? effectiveLimit(statutory, offered.localLimit) : null };
    });
  }

  @Mutation(() => OfferingPayload, {
    description: "Creates or replaces an agency's offering of a procedure (`catalog.offering` over the agency). A local limit longer than the statutory one is refused (BAD_USER_INPUT on `channels[i].localLimit`).",
  })
  async setProcedureOffering(@Arg('input') input: SetProcedureOfferingInput, @Ctx() ctx: RequestContext): Promise<OfferingPayload> {
    const offering = await setOffering(ctx, input);
    return { offering: toOfferingNode(offering as unknown as Record<string, any>, ctx) };
  }

  @Mutation(() => ID, { description: "Removes an agency's offering (`catalog.offering` over the agency); returns its id." })
  removeProcedureOffering(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<string> {
    return removeOffering(ctx, id);
  }
}

/** `Procedure.offerings`. */
@Resolver(() => ProcedureNode)
export class ProcedureOfferingsResolver {
  @FieldResolver(() => [OfferingNode], { description: 'Agencies offering this procedure, optionally only one agency. Public.' })
  async offerings(@Root() procedure: ProcedureNode, @Arg('agencyId', () => ID, { nullable: true }) agencyId: string | undefined, @Ctx() ctx: RequestContext): Promise<OfferingNode[]> {
    const rows = await offeringsLoader(ctx).load(procedure.id);
    return rows.filter((row) => !agencyId || row.agencyId === agencyId).map((row) => toOfferingNode(row, ctx));
  }
}
