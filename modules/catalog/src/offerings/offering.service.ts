/** Agency offerings: set (create or replace) and remove, scoped by `catalog.offering`. */
import { agencyUnitOrFail } from '@motcua/identity/contract';
import { AppError, appendAudit, ensureCan, isUuid, requirePrincipal, type RequestContext, uuid7 } from '@motcua/kernel/contract';
import type { TimeLimit } from '@motcua/workflow/contract';
import type { ProcedureContent } from '../procedures/content.js';
import { Procedure, ProcedureVersion, VersionStatus } from '../procedures/procedure.entity.js';
import { PROCEDURE_ENTITY } from '../procedures/procedure.service.js';
import { pipeList } from '../procedures/procedure.store.js';
import { limitWithin } from './limits.js';
import { type OfferedChannel, Offering } from './offering.entity.js';
import type { SetProcedureOfferingInput } from './offering.types.js';

export const OFFERING_ENTITY = { vi: 'cấu hình thủ tục của cơ quan', en: 'Procedure offering' };

function describe(limit: TimeLimit): string {
  return `${limit.value} ${limit.unit}`;
}

/** The content offerings are checked against: the newest published version, else the newest version. */
async function referenceContent(ctx: RequestContext, procedure: Procedure): Promise<ProcedureContent> {
  const versions = await ctx.em.find(ProcedureVersion, { procedure }, { orderBy: { number: 'desc' } });
  return (versions.find((v) => v.status === VersionStatus.PUBLISHED) ?? versions[0]).content;
}

/** Checks offered channels against the statutory ones: each exists, once, and any local limit is within it. */
export function checkOfferedChannels(channels: readonly OfferedChannel[], content: ProcedureContent): void {
  if (!channels.length) throw AppError.badInput('channels', { vi: 'cần ít nhất một kênh', en: 'at least one channel is needed' });
  channels.forEach((offered, i) => {
    const field = `channels[${i}]`;
    if (channels.findIndex((c) => c.channel === offered.channel) !== i) throw AppError.badInput(field, { vi: `kênh ${offered.channel} bị trùng`, en: `channel ${offered.channel} appears twice` });
    const statutory = content.channels.find((c) => c.channel === offered.channel);
    if (!statutory) throw AppError.badInput(field, { vi: `thủ tục không có kênh ${offered.channel}`, en: `the procedure has no ${offered.channel} channel` });
    if (offered.localLimit && !limitWithin(offered.localLimit, statutory.limit)) {
      throw AppError.badInput(`${field}.localLimit`, {
        vi: `thời hạn riêng ${describe(offered.localLimit)} dài hơn thời hạn theo quy định ${describe(statutory.limit)}`,
        en: `the local limit ${describe(offered.localLimit)} exceeds the statutory limit ${describe(statutory.limit)}`,
      });
    }
  });
}

/**
 * Receiving units must exist: usually the agency's own units, or the desk of the public
 * administration service centre (another agency) that receives on the agency's behalf.
 */
async function checkReceivingUnits(ctx: RequestContext, unitIds: readonly string[]): Promise<string[]> {
  const unique = [...new Set(unitIds)];
  if (!unique.length) throw AppError.badInput('receivingUnitIds', { vi: 'cần ít nhất một đơn vị tiếp nhận', en: 'at least one receiving unit is needed' });
  for (const unitId of unique) await agencyUnitOrFail(ctx.em, unitId);
  return unique;
}

/** Creates or replaces an agency's offering of a procedure. */
export async function setOffering(ctx: RequestContext, input: SetProcedureOfferingInput): Promise<Offering> {
  const actorId = requirePrincipal(ctx).userId;
  const agency = await agencyUnitOrFail(ctx.em, input.agencyId);
  ensureCan(ctx, 'manage', 'Offering', { agencyId: agency.id, agencyPath: agency.path });
  const procedure = isUuid(input.procedureId) ? await ctx.em.findOne(Procedure, { id: input.procedureId }) : null;
  if (!procedure) throw AppError.notFound(PROCEDURE_ENTITY, input.procedureId);
  const channels: OfferedChannel[] = input.channels.map((c) => ({ channel: c.channel, localLimit: c.localLimit ? { value: c.localLimit.value, unit: c.localLimit.unit } : null }));
  checkOfferedChannels(channels, await referenceContent(ctx, procedure));
  const receivingUnitIds = await checkReceivingUnits(ctx, input.receivingUnitIds);
  const now = ctx.clock.now();
  const fields = {
    receivingUnitIds, channels, channelList: pipeList(channels.map((c) => c.channel)), workflowDefinitionId: input.workflowDefinitionId?.trim() || null, updatedAt: now,
  };
  let offering = await ctx.em.findOne(Offering, { procedure, agencyId: agency.id });
  if (offering) Object.assign(offering, fields);
  else offering = ctx.em.create(Offering, { id: uuid7(now.getTime()), procedure, agencyId: agency.id, agencyPath: agency.path, createdAt: now, ...fields });
  await ctx.em.flush();
  await appendAudit(ctx.em, { actorId, action: 'catalog.offering.set', entityType: 'Offering', entityId: offering.id, data: input }, now);
  return offering;
}

/** Removes an agency's offering. */
export async function removeOffering(ctx: RequestContext, offeringId: string): Promise<string> {
  const actorId = requirePrincipal(ctx).userId;
  const offering = isUuid(offeringId) ? await ctx.em.findOne(Offering, { id: offeringId }) : null;
  if (!offering) throw AppError.notFound(OFFERING_ENTITY, offeringId);
  ensureCan(ctx, 'manage', 'Offering', { agencyId: offering.agencyId, agencyPath: offering.agencyPath });
  ctx.em.remove(offering);
  await appendAudit(ctx.em, { actorId, action: 'catalog.offering.remove', entityType: 'Offering', entityId: offeringId, data: {} }, ctx.clock.now());
  return offeringId;
}
