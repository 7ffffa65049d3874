import type { EntityManager } from '@mikro-orm/knex';
import { enqueueJob, type JobDefinition } from '@motcua/kernel/contract';
import { Dossier, ProcessLogLine } from '../dossier/dossier.entity.js';
import type { DossierState } from '../lifecycle/states.js';
import { PortalClient, type PortalConfig } from './client.js';
import { dossierPayload, processLogPayload } from './payload.js';

export const PORTAL_SYNC_JOB = 'dossiers.portalSync';

/** What one delivery carries: the dossier (always sent whole, as it is now) and optionally one new log line. */
export interface PortalSyncPayload {
  dossierId: string;
  logLineId?: string;
}

/**
 * Queues a delivery to the national portal in the caller's transaction (call it on every status
 * change and process-log line): it exists only if the change commits, and the kernel's job
 * runner retries it with back-off.
 *
 * @example await queuePortalSync(ctx.em, { dossierId: dossier.id, logLineId: line.id }, ctx.clock.now());
 */
export async function queuePortalSync(em: EntityManager, payload: PortalSyncPayload, now: Date): Promise<void> {
  await enqueueJob(em, PORTAL_SYNC_JOB, payload, now);
}

/**
 * The delivery job: sends the dossier as it is now (create, or update when the portal already
 * has it) and then the log line, and marks both synced. Without a portal configured, or for a
 * dossier that has no code yet (never received), it sends nothing and leaves the flags unset.
 */
export function portalSyncJob(config: PortalConfig | null): JobDefinition<PortalSyncPayload> {
  const client = config ? new PortalClient(config) : null;
  return {
    name: PORTAL_SYNC_JOB,
    maxAttempts: 20,
    async handle({ dossierId, logLineId }, { em, log, clock }) {
      const dossier = await em.findOneOrFail(Dossier, dossierId);
      if (!client || !dossier.code) {
        log.debug({ dossierId, configured: Boolean(client) }, 'national portal sync skipped');
        return;
      }
      const outcome = await client.upsertDossier(dossierPayload({ ...dossier, code: dossier.code, state: dossier.state as DossierState }));
      const now = clock.now();
      if (logLineId) {
        const line = await em.findOneOrFail(ProcessLogLine, logLineId);
        await client.addProcessLog(processLogPayload({ ...line, dossierCode: dossier.code }));
        await em.nativeUpdate(ProcessLogLine, { id: line.id }, { syncedAt: now });
      }
      // Raw SQL: nativeUpdate and the query builder would bump the version officers edit against.
      await em.execute('update dossiers_dossier set portal_synced_at = ? where id = ?', [em.getPlatform().processDateProperty(now), dossier.id]);
      log.info({ dossierId, code: dossier.code, outcome }, 'dossier sent to the national portal');
    },
  };
}
