import { AppError, asSubject, ensureCan, requirePrincipal, type RequestContext } from '@motcua/kernel/contract';
import type { FilterQuery } from '@mikro-orm/core';
import type { Dossier } from '../dossier/dossier.entity.js';
import { DossierState } from '../lifecycle/states.js';

/**
 * Who may act on a dossier, beyond the state machine:
 * - its owner (the citizen who created the draft) on drafts, submissions and withdrawals;
 * - reception officers of its receiving unit (`dossier.receive`) at the desk;
 * - officers through the workflow task they may act on (checked by the engine), and holders of
 *   `dossier.process` / `dossier.supervise` for the processing actions.
 */
export function isOwner(ctx: RequestContext, dossier: Dossier): boolean {
  return !!ctx.principal && !!dossier.applicantUserId && dossier.applicantUserId === ctx.principal.userId;
}

/** The desk's actions: `receive` on the dossier's receiving unit. */
export function assertReception(ctx: RequestContext, dossier: Dossier): void {
  ensureCan(ctx, 'receive', 'Dossier', dossier);
}

/**
 * The competent agency's reception of a boundary-free dossier: `receiveAsCompetent` on its
 * competent unit (FORBIDDEN otherwise, e.g. for the desk where it was lodged).
 *
 * @example assertCompetentReception(ctx, dossier); // the provincial desk's officer passes, the commune desk's does not
 */
export function assertCompetentReception(ctx: RequestContext, dossier: Dossier): void {
  ensureCan(ctx, 'receiveAsCompetent', 'Dossier', dossier);
}

/** The owner, or (when `deskToo`) a reception officer of the receiving unit. */
export function assertOwnerOrDesk(ctx: RequestContext, dossier: Dossier, deskToo: boolean): void {
  requirePrincipal(ctx);
  if (isOwner(ctx, dossier)) return;
  if (deskToo) return assertReception(ctx, dossier);
  throw AppError.forbidden('update', 'Dossier');
}

/** Processing actions (supplement, payment, apology, result): `process` on the dossier. */
export function assertProcessing(ctx: RequestContext, dossier: Dossier): void {
  ensureCan(ctx, 'process', 'Dossier', dossier);
}

/** The agency's signature and stopping: `supervise` on the dossier's agency. */
export function assertSupervision(ctx: RequestContext, dossier: Dossier): void {
  ensureCan(ctx, 'supervise', 'Dossier', dossier);
}

/** Reading: the owner, or any read grant reaching the dossier. */
export function mayRead(ctx: RequestContext, dossier: Dossier): boolean {
  return isOwner(ctx, dossier) || (!!ctx.principal && ctx.ability.can('read', asRow(dossier)));
}

const asRow = (dossier: Dossier) => asSubject('Dossier', { ...dossier }) as never;

/**
 * Boundary-free dossiers lodged at another desk, received there, that the competent agency has
 * not received yet (`dossiers(filter: { awaitingCompetentReceipt: true })`).
 *
 * @example ctx.em.find(Dossier, { $and: [readable, AWAITING_COMPETENT_RECEIPT] })
 */
export const AWAITING_COMPETENT_RECEIPT: FilterQuery<Dossier> = { boundaryFree: true, competentReceivedAt: null, state: DossierState.RECEIVED };
