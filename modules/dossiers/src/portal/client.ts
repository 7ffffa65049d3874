import type { HoSoDongBoDVC, QuaTrinhXuLyDongBoDVC } from './payload.js';

/** Where and how to reach the national portal's dossier endpoints. */
export interface PortalConfig {
  baseUrl: string;
  /** Bearer token (the portal's B1 token step is the deployment's business). */
  token?: string;
  /** Endpoint paths: create a dossier (B4), update it, add a process-log line (B5). */
  paths: { create: string; update: string; processLog: string };
  timeoutMs: number;
}

export const DEFAULT_PORTAL_PATHS: PortalConfig['paths'] = { create: '/api/hoso/dongbo', update: '/api/hoso/capnhat', processLog: '/api/hoso/tiendo' };

/**
 * The portal settings from the environment: `NATIONAL_PORTAL_URL` (unset = sync off),
 * `NATIONAL_PORTAL_TOKEN`, `NATIONAL_PORTAL_TIMEOUT_MS`.
 *
 * @example portalConfigFromEnv({ NATIONAL_PORTAL_URL: 'https://dvc.example/' })
 */
export function portalConfigFromEnv(env: Record<string, string | undefined>): PortalConfig | null {
  if (!env.NATIONAL_PORTAL_URL) return null;
  return {
    baseUrl: env.NATIONAL_PORTAL_URL.replace(/\/+$/, ''),
    token: env.NATIONAL_PORTAL_TOKEN,
    paths: DEFAULT_PORTAL_PATHS,
    timeoutMs: positiveInteger('NATIONAL_PORTAL_TIMEOUT_MS', env.NATIONAL_PORTAL_TIMEOUT_MS ?? '15000'),
  };
}

/** Reads a positive integer setting; a bad value stops start-up with the variable's name. */
export function positiveInteger(name: string, value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number <= 0) throw new Error(`${name} must be a positive integer, got "${value}"`);
  return number;
}

/** The portal refused or could not be reached; the delivery job retries it. */
export class PortalError extends Error {
  override name = 'PortalError';
}

/** The portal's answer: `error_code` "0" is success. */
interface PortalAnswer {
  error_code?: string | number;
  message?: string;
}

const ALREADY_EXISTS = /đã tồn tại|already exists/i;

/**
 * Talks to the national portal's dossier endpoints.
 *
 * @example
 * const portal = new PortalClient(config);
 * await portal.upsertDossier(dossierPayload(dossier)); // create, or update when it already exists
 * await portal.addProcessLog(processLogPayload(line));
 */
export class PortalClient {
  constructor(private readonly config: PortalConfig) {}

  /** Creates the dossier; when the portal answers "already exists", updates it instead. Returns which it did. */
  async upsertDossier(payload: HoSoDongBoDVC): Promise<'created' | 'updated'> {
    const created = await this.post(this.config.paths.create, { data: [payload] });
    if (isSuccess(created)) return 'created';
    if (!ALREADY_EXISTS.test(created.message ?? '')) throw new PortalError(`portal refused dossier ${payload.MaHoSo}: ${created.error_code} ${created.message ?? ''}`);
    const updated = await this.post(this.config.paths.update, { data: [payload] });
    if (!isSuccess(updated)) throw new PortalError(`portal refused the update of ${payload.MaHoSo}: ${updated.error_code} ${updated.message ?? ''}`);
    return 'updated';
  }

  async addProcessLog(line: QuaTrinhXuLyDongBoDVC): Promise<void> {
    const answer = await this.post(this.config.paths.processLog, { data: [line] });
    if (!isSuccess(answer)) throw new PortalError(`portal refused a process-log line of ${line.MaHoSo}: ${answer.error_code} ${answer.message ?? ''}`);
  }

  private async post(path: string, body: unknown): Promise<PortalAnswer> {
    const response = await fetch(`${this.config.baseUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(this.config.token ? { authorization: `Bearer ${this.config.token}` } : {}) },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(this.config.timeoutMs),
    });
    if (!response.ok) throw new PortalError(`portal answered HTTP ${response.status} on ${path}`);
    return (await response.json()) as PortalAnswer;
  }
}

function isSuccess(answer: PortalAnswer): boolean {
  return String(answer.error_code) === '0';
}
