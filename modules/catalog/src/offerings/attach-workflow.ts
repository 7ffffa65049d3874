import type { EntityManager } from '@mikro-orm/knex';
import { Offering } from './offering.entity.js';

/**
 * Gives an agency's offerings that have no workflow definition yet the given one (demo seeds:
 * the demo process for the demo agency's offerings); offerings already configured are kept.
 * Returns how many offerings changed.
 *
 * @example
 * await attachWorkflowToUnsetOfferings(em, { agencyId, workflowDefinitionId: processId, now }); // 12
 */
export async function attachWorkflowToUnsetOfferings(em: EntityManager, input: { agencyId: string; workflowDefinitionId: string; now: Date }): Promise<number> {
  return em.nativeUpdate(Offering, { agencyId: input.agencyId, workflowDefinitionId: null }, { workflowDefinitionId: input.workflowDefinitionId, updatedAt: input.now });
}
