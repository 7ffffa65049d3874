import { z } from 'zod';

/** The two server-side signing roles and their environment-variable prefixes. */
export const ROLE_PREFIX = { OFFICER_PERSONAL: 'SIGNING_OFFICER', AGENCY_SEAL: 'SIGNING_SEAL' } as const;
export type SigningRole = keyof typeof ROLE_PREFIX;

const optionalText = z.string().trim().min(1).optional();
const flag = z.enum(['auto', 'true', 'false']).default('auto');

/** Where one role's key lives, from `SIGNING_<ROLE>_*`; at most one custody per role. */
export type KeySource =
  | { custody: 'PKCS12_FILE'; file: string; password: string }
  | { custody: 'PKCS11_HSM'; library: string; token: string; pin: string; keyLabel: string; certificateFile: string }
  | { custody: 'REMOTE_SIGN_HASH'; baseUrl: string; credentialId: string; apiToken: string };

export interface RoleSettings {
  source: KeySource;
  /** User ids allowed to operate the key, or `*` (anyone holding `signature.sign`). */
  operators: string[];
}

/** The signature module's validated settings. */
export interface SigningSettings {
  roles: Partial<Record<SigningRole, RoleSettings>>;
  tsaUrl?: string;
  /** Generate and use a development PKI and in-process TSA when no key is configured. */
  developmentPki: 'auto' | 'true' | 'false';
}

function roleSchema(prefix: string) {
  return z.object({
    [`${prefix}_P12_FILE`]: optionalText,
    [`${prefix}_P12_PASSWORD`]: z.string().optional(),
    [`${prefix}_PKCS11_LIBRARY`]: optionalText,
    [`${prefix}_PKCS11_TOKEN`]: optionalText,
    [`${prefix}_PKCS11_PIN`]: z.string().optional(),
    [`${prefix}_PKCS11_KEY_LABEL`]: optionalText,
    [`${prefix}_PKCS11_CERTIFICATE`]: optionalText,
    [`${prefix}_REMOTE_URL`]: z.url({ protocol: /^https?$/ }).optional(),
    [`${prefix}_REMOTE_CREDENTIAL`]: optionalText,
    [`${prefix}_REMOTE_TOKEN`]: z.string().optional(),
    [`${prefix}_OPERATORS`]: z.string().default('*'),
  });
}

const EnvSchema = z.object({
  SIGNING_TSA_URL: z.url({ protocol: /^https?$/ }).optional(),
  SIGNING_DEV_PKI: flag,
  ...roleSchema(ROLE_PREFIX.OFFICER_PERSONAL).shape,
  ...roleSchema(ROLE_PREFIX.AGENCY_SEAL).shape,
});

/** Thrown for invalid signing configuration; names every offending variable, never a value. */
export class SigningConfigurationError extends Error {}

function required(env: Record<string, string | undefined>, names: string[]): string[] {
  const missing = names.filter((name) => !env[name]);
  if (missing.length) throw new SigningConfigurationError(`Invalid signing configuration: ${missing.join(', ')} required`);
  return names.map((name) => env[name]!);
}

function sourceOf(env: Record<string, string | undefined>, prefix: string, production: boolean): KeySource | undefined {
  const kinds = (['P12_FILE', 'PKCS11_LIBRARY', 'REMOTE_URL'] as const).filter((kind) => env[`${prefix}_${kind}`]);
  if (kinds.length > 1) throw new SigningConfigurationError(`Invalid signing configuration: ${kinds.map((k) => `${prefix}_${k}`).join(' and ')} are exclusive (one key per role)`);
  const n = (suffix: string) => `${prefix}_${suffix}`;
  switch (kinds[0]) {
    case 'P12_FILE': {
      if (production) throw new SigningConfigurationError(`Invalid signing configuration: ${n('P12_FILE')}: PKCS#12 key files are for development only; use an HSM or a remote signing service in production`);
      const [file] = required(env, [n('P12_FILE')]);
      return { custody: 'PKCS12_FILE', file: file!, password: env[n('P12_PASSWORD')] ?? '' };
    }
    case 'PKCS11_LIBRARY': {
      const [library, token, pin, keyLabel, certificateFile] = required(env, [n('PKCS11_LIBRARY'), n('PKCS11_TOKEN'), n('PKCS11_PIN'), n('PKCS11_KEY_LABEL'), n('PKCS11_CERTIFICATE')]);
      return { custody: 'PKCS11_HSM', library: library!, token: token!, pin: pin!, keyLabel: keyLabel!, certificateFile: certificateFile! };
    }
    case 'REMOTE_URL': {
      const [baseUrl, credentialId, apiToken] = required(env, [n('REMOTE_URL'), n('REMOTE_CREDENTIAL'), n('REMOTE_TOKEN')]);
      return { custody: 'REMOTE_SIGN_HASH', baseUrl: baseUrl!, credentialId: credentialId!, apiToken: apiToken! };
    }
    default:
      return undefined;
  }
}

/**
 * Reads the signature module's settings from environment variables (validated with zod like
 * the server's own configuration). Refuses PKCS#12 files and the development PKI in production.
 * Error messages name variables, never their values (PINs and tokens stay out of the logs).
 *
 * @example
 * const settings = signingSettings({ SIGNING_SEAL_PKCS11_LIBRARY: '/usr/lib/softhsm/libsofthsm2.so', … }, true);
 */
export function signingSettings(env: Readonly<Record<string, string | undefined>>, production: boolean): SigningSettings {
  // An empty variable (common in container definitions) means unset.
  const parsed = EnvSchema.safeParse(Object.fromEntries(Object.entries(env).filter(([, value]) => value !== '')));
  if (!parsed.success) {
    throw new SigningConfigurationError(`Invalid signing configuration: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  const values = parsed.data as Record<string, string | undefined>;
  if (production && values.SIGNING_DEV_PKI === 'true') throw new SigningConfigurationError('Invalid signing configuration: SIGNING_DEV_PKI=true is refused in production');
  const roles: SigningSettings['roles'] = {};
  for (const [role, prefix] of Object.entries(ROLE_PREFIX) as Array<[SigningRole, string]>) {
    const source = sourceOf(values, prefix, production);
    if (source) roles[role] = { source, operators: values[`${prefix}_OPERATORS`]!.split(',').map((o) => o.trim()).filter(Boolean) };
  }
  return { roles, tsaUrl: values.SIGNING_TSA_URL, developmentPki: parsed.data.SIGNING_DEV_PKI };
}
