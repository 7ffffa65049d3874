import { defineModule, type ModuleDefinition } from '@motcua/kernel/contract';
import { DossierCodeCounter } from './code/code-counter.entity.js';
import { Dossier, DossierDocument, ProcessLogLine } from './dossier/dossier.entity.js';
import { smtpConfigFromEnv } from './notify/email.js';
import { notificationHandler, type NotificationOptions } from './notify/notification-handler.js';
import { type PortalConfig, portalConfigFromEnv } from './portal/client.js';
import { portalSyncJob } from './portal/sync-job.js';
import { DossierResolver } from './api/dossier.resolver.js';
import { dossierPermissions } from './api/permissions.js';
import { finishDossiersDemo, seedDossiersDemo } from './seed/demo-seed.js';
import { publicSite, publicTrackingBase } from './public-links.js';

/** The tables, the code allocator and the transition recorder: this module's own services, exported for its integration tests (other modules never touch them). */
export { Dossier, DossierDocument, ProcessLogLine };
export { recordTransition, type TransitionRecord } from './dossier/record-transition.js';
export { allocateDossierCode } from './code/allocate.js';
export { queuePortalSync, PORTAL_SYNC_JOB, type PortalSyncPayload } from './portal/sync-job.js';

export interface DossiersModuleOptions {
  /** The national portal to sync with; null turns sync off. */
  portal: PortalConfig | null;
  notifications: NotificationOptions;
}

/**
 * The dossiers module with explicit settings (tests point the portal and SMTP at local servers).
 *
 * @example
 * createTestApp({ modules: [kernel, identity, createDossiersModule({ portal: { baseUrl, paths: DEFAULT_PORTAL_PATHS, timeoutMs: 2000 }, notifications }) ] })
 */
export function createDossiersModule(options: DossiersModuleOptions): ModuleDefinition {
  return defineModule({
    name: 'dossiers',
    entities: [Dossier, DossierDocument, ProcessLogLine, DossierCodeCounter],
    resolvers: [DossierResolver],
    permissions: dossierPermissions,
    jobs: [portalSyncJob(options.portal)],
    eventHandlers: [notificationHandler(options.notifications)],
    seed: seedDossiersDemo,
    // After the signature module's onStart (module order): the demo results need its keys.
    onStart: finishDossiersDemo,
  });
}

/** The public tracking page of a dossier (see {@link publicTrackingBase}) with `?ma=<code>`. */
export function trackingUrlFromEnv(env: Record<string, string | undefined>): (code: string) => string {
  const base = publicTrackingBase(env);
  return (code) => `${base}?ma=${encodeURIComponent(code)}`;
}

/** The public rating page of a rating token: `PUBLIC_SITE_URL` (default `http://localhost:4000`) + `/admin/danh-gia/<token>`. */
export function ratingUrlFromEnv(env: Record<string, string | undefined>): (token: string) => string {
  const site = publicSite(env);
  return (token) => `${site}/admin/danh-gia/${encodeURIComponent(token)}`;
}

/**
 * Dossiers: the one-stop lifecycle, dossier codes, forms, national-portal sync and notifications,
 * configured from the environment (NATIONAL_PORTAL_URL, SMTP_HOST, PUBLIC_TRACKING_URL, PUBLIC_SITE_URL; all optional).
 */
export default createDossiersModule({
  portal: portalConfigFromEnv(process.env),
  notifications: { smtp: smtpConfigFromEnv(process.env), trackingUrl: trackingUrlFromEnv(process.env), ratingUrl: ratingUrlFromEnv(process.env) },
});
export { useDocumentScanner, type DocumentScanner } from './api/documents.js';
export { dossierBlobs } from './store/blobs.js';
