import type { EntityManager } from '@mikro-orm/knex';
import { enqueueJob, isPostgres, type JobDefinition } from '@motcua/kernel/contract';
import { Dossier, ProcessLogLine } from '../dossier/dossier.entity.js';
import type { DossierState } from '../lifecycle/states.js';
import { PortalClient, type PortalConfig } from './client.js';
import { dossierPayload, processLogPayload } from './payload.js';

export const PORTAL_SYNC_JOB = 'dossiers.portalSync';

/** One delivery: the dossier as it is when the job runs, and every log line not yet accepted. */
export interface PortalSyncPayload {
  dossierId: string;
}

/**
 * Queues a delivery to the national portal in the caller's transaction (call it on every status
 * change and process-log line): it exists only if the change commits, and the kernel's job
 * runner retries it with back-off.
 *
 * @example await queuePortalSync(ctx.em, dossier.id, ctx.clock.now());
 */
export async function queuePortalSync(em: EntityManager, dossierId: string, now: Date): Promise<void> {
  await enqueueJob(em, PORTAL_SYNC_JOB, { dossierId } satisfies PortalSyncPayload, now);
}

/**
 * The delivery job: sends the dossier as it is now (create, or update when the portal already
 * has it), then every unsynced log line in time order, and marks them synced. Jobs may run in
 * any order (the kernel does not promise one), so a job never sends "its" change but the current
 * state; on PostgreSQL an advisory lock keeps two replicas from sending one dossier's lines
 * twice. Without a portal configured, or for a dossier without a code (never received), it
 * sends nothing and leaves the flags unset.
 */
export function portalSyncJob(config: PortalConfig | null): JobDefinition<PortalSyncPayload> {
  const client = config ? new PortalClient(config) : null;
  return {
    name: PORTAL_SYNC_JOB,
    maxAttempts: 20,
    async handle({ dossierId }, { em, log, clock }) {
      if (isPostgres(em)) await em.execute('select pg_advisory_xact_lock(hashtext(?))', [`${PORTAL_SYNC_JOB}:${dossierId}`]);
      const dossier = await em.findOneOrFail(Dossier, dossierId);
      if (!client || !dossier.code) {
        log.debug({ dossierId, configured: Boolean(client) }, 'national portal sync skipped');
        return;
      }
      const outcome = await client.upsertDossier(dossierPayload({ ...dossier, code: dossier.code, state: dossier.state as DossierState }));
      const lines = await em.find(ProcessLogLine, { dossierId, syncedAt: null }, { orderBy: { at: 'asc', id: 'asc' } });
      for (const line of lines) await client.addProcessLog(processLogPayload({ ...line, dossierCode: dossier.code }));
      const now = clock.now();
      if (lines.length > 0) await em.nativeUpdate(ProcessLogLine, { id: { $in: lines.map((line) => line.id) } }, { syncedAt: now });
      // Raw SQL: nativeUpdate and the query builder would bump the version officers edit against.
      await em.execute('update dossiers_dossier set portal_synced_at = ? where id = ?', [em.getPlatform().processDateProperty(now), dossier.id]);
      log.info({ dossierId, code: dossier.code, outcome, lines: lines.length }, 'dossier sent to the national portal');
    },
  };
}
