import type { Principal, RequestContext } from '../context/request-context.js';
import { AppError } from '../errors/app-error.js';
import { asSubject } from './ability.js';

/** The caller's principal; UNAUTHENTICATED when the request carries none. */
export function requirePrincipal(ctx: Pick<RequestContext, 'principal'>): Principal {
  if (!ctx.principal) throw new AppError('UNAUTHENTICATED');
  return ctx.principal;
}

/**
 * Refuses unless the ability allows `action` on the subject (a type name, or a row checked
 * against the rules' conditions).
 *
 * @example
 * ensureCan(ctx, 'create', 'Staff', { unitId: unit.id, unit: { path: unit.path } });
 */
export function ensureCan(ctx: Pick<RequestContext, 'principal' | 'ability'>, action: string, subjectType: string, row?: object): void {
  requirePrincipal(ctx);
  const allowed = row ? ctx.ability.can(action, asSubject(subjectType, { ...row })) : ctx.ability.can(action, subjectType);
  if (!allowed) throw AppError.forbidden(action, subjectType);
}
