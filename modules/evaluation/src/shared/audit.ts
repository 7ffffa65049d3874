import { appendAudit, type RequestContext, requirePrincipal } from '@motcua/kernel/contract';

/** Appends the audit entry of an evaluation change, in the mutation's transaction. */
export async function auditEvaluation(ctx: RequestContext, action: string, entityType: string, entityId: string | null, data: unknown): Promise<void> {
  await appendAudit(ctx.em, { actorId: requirePrincipal(ctx).userId, action: `evaluation.${action}`, entityType, entityId, data }, ctx.clock.now());
}
