import { attachWorkflowToUnsetOfferings } from '@motcua/catalog/contract';
import { agencyUnitByCode } from '@motcua/identity/contract';
import type { SeedContext, StartContext } from '@motcua/kernel/contract';
import { DEMO_PROCESS, publishedProcessId } from '@motcua/workflow/contract';
import { completeDemoResults, seedDemoDossiers } from './demo-dossiers.js';

/**
 * Demo data: the demo agency's offerings (seeded by the catalog without a workflow) get the
 * workflow module's published demo process, so demo dossiers can be received; then a few demo
 * dossiers in various states. Runs after the catalog and workflow seeds (module order);
 * idempotent: configured offerings are kept.
 */
export async function seedDossiersDemo(context: SeedContext): Promise<void> {
  const { em, clock } = context;
  if (!context.demo) return;
  const agency = await agencyUnitByCode(em, DEMO_PROCESS.agencyCode);
  const processId = agency ? await publishedProcessId(em, { agencyId: agency.id, processCode: DEMO_PROCESS.code }) : null;
  // Absent when an app runs without the workflow module's demo data (module subsets in tests).
  if (!agency || !processId) return;
  await attachWorkflowToUnsetOfferings(em, { agencyId: agency.id, workflowDefinitionId: processId, now: clock.now() });
  await em.flush();
  await seedDemoDossiers(context, agency);
}

/**
 * The module's `onStart` with demo data: signs the demo results the seed approved and returns one
 * (seeds run before the signature module's `onStart` configures the keys; this module starts
 * after it), in one transaction.
 */
export async function finishDossiersDemo(ctx: StartContext): Promise<void> {
  if (!ctx.demo) return;
  await ctx.em.transactional((em) => completeDemoResults({ ...ctx, em }));
}
