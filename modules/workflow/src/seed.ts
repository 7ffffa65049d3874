import type { SeedContext } from '@motcua/kernel/contract';
import { seedWorkflow } from './calendars/seed.js';
import { seedDemoProcess } from './definitions/demo-process.js';

/** The workflow seed: the national calendar always; with `demo`, a published process and three running instances. */
export async function seedWorkflowModule(ctx: SeedContext): Promise<void> {
  await seedWorkflow(ctx);
  if (ctx.demo) await seedDemoProcess(ctx);
}
