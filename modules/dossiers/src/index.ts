import { defineModule, type ModuleDefinition } from '@motcua/kernel/contract';
import { DossierCodeCounter } from './code/code-counter.entity.js';
import { Dossier, ProcessLogLine } from './dossier/dossier.entity.js';
import { type PortalConfig, portalConfigFromEnv } from './portal/client.js';
import { portalSyncJob } from './portal/sync-job.js';

/** The tables, for integration tests (other modules never touch them). */
export { Dossier, ProcessLogLine };

export interface DossiersModuleOptions {
  /** The national portal to sync with; null turns sync off. */
  portal: PortalConfig | null;
}

/**
 * The dossiers module with explicit settings (tests point the portal at a contract server).
 *
 * @example createTestApp({ modules: [kernel, identity, createDossiersModule({ portal: { baseUrl, paths: DEFAULT_PORTAL_PATHS, timeoutMs: 2000 } })] })
 */
export function createDossiersModule(options: DossiersModuleOptions): ModuleDefinition {
  return defineModule({
    name: 'dossiers',
    entities: [Dossier, ProcessLogLine, DossierCodeCounter],
    resolvers: [],
    jobs: [portalSyncJob(options.portal)],
  });
}

/** Dossiers: the one-stop lifecycle, dossier codes, forms, national-portal sync and notifications. Portal from NATIONAL_PORTAL_URL. */
export default createDossiersModule({ portal: portalConfigFromEnv(process.env) });
