import { createRequire } from 'node:module';
import type * as Pkcs11Module from 'pkcs11js';
import { ecdsaRawToDer, sha256 } from '../pki/der.js';
import type { KeySigner } from './key-signer.js';

/** Where the key lives in the HSM and how to log in (the PIN comes from the secret store). */
export interface Pkcs11Options {
  /** Path of the PKCS#11 module, e.g. `/usr/lib/softhsm/libsofthsm2.so`. */
  library: string;
  tokenLabel: string;
  pin: string;
  /** CKA_LABEL of the private key. */
  keyLabel: string;
  algorithm: 'RSA' | 'EC';
  /** The key's certificate and issuing CAs (DER), from configuration. */
  certificate: Uint8Array;
  chain?: Uint8Array[];
}

interface LoadedLibrary {
  pkcs11: Pkcs11Module.PKCS11;
  users: number;
}
/** PKCS#11 modules are process-global: one load and C_Initialize per library, shared by signers. */
const loaded = new Map<string, LoadedLibrary>();

function acquire(module: typeof Pkcs11Module, library: string): Pkcs11Module.PKCS11 {
  let entry = loaded.get(library);
  if (!entry) {
    const pkcs11 = new module.PKCS11();
    pkcs11.load(library);
    pkcs11.C_Initialize();
    entry = { pkcs11, users: 0 };
    loaded.set(library, entry);
  }
  entry.users++;
  return entry.pkcs11;
}

function release(library: string): void {
  const entry = loaded.get(library);
  if (entry && --entry.users === 0) {
    loaded.delete(library);
    entry.pkcs11.C_Finalize();
  }
}

/** Logs in; the login state is per token and application, so another signer may have done it already. */
function login(pkcs11: Pkcs11Module.PKCS11, session: Buffer, userType: number, pin: string): void {
  try {
    pkcs11.C_Login(session, userType, pin);
  } catch (error) {
    if (!String((error as Error).message).includes('CKR_USER_ALREADY_LOGGED_IN')) throw error;
  }
}

/**
 * A key inside an HSM, used over PKCS#11 (pkcs11js): CKM_SHA256_RSA_PKCS for RSA (the token
 * hashes), CKM_ECDSA on SHA-256(tbs) for EC (raw r‖s, converted to DER). The key never leaves
 * the token. One logged-in session per signer; call `close()` at shutdown.
 *
 * @example
 * const seal = Pkcs11Signer.open({ library: '/usr/lib/softhsm/libsofthsm2.so', tokenLabel: 'motcua', pin, keyLabel: 'seal', algorithm: 'EC', certificate });
 * const signed = await signPdf(pdf, seal, { fieldName: 'CoQuan', claimedTime: new Date(), level: 'B_T', timestamper });
 */
export class Pkcs11Signer implements KeySigner {
  private constructor(
    private readonly pkcs11: Pkcs11Module.PKCS11,
    private readonly session: Buffer,
    private readonly key: Buffer,
    private readonly module: typeof Pkcs11Module,
    private readonly options: Pkcs11Options,
  ) {}

  get algorithm(): 'RSA' | 'EC' {
    return this.options.algorithm;
  }

  /** Loads the module, finds the token by label, logs in and finds the key by label. */
  static open(options: Pkcs11Options): Pkcs11Signer {
    const module = createRequire(import.meta.url)('pkcs11js') as typeof Pkcs11Module;
    const pkcs11 = acquire(module, options.library);
    try {
      const slot = pkcs11.C_GetSlotList(true).find((s) => pkcs11.C_GetTokenInfo(s).label.trim() === options.tokenLabel);
      if (!slot) throw new Error(`no PKCS#11 token labelled ${options.tokenLabel}`);
      const session = pkcs11.C_OpenSession(slot, module.CKF_SERIAL_SESSION | module.CKF_RW_SESSION);
      login(pkcs11, session, module.CKU_USER, options.pin);
      pkcs11.C_FindObjectsInit(session, [{ type: module.CKA_CLASS, value: module.CKO_PRIVATE_KEY }, { type: module.CKA_LABEL, value: options.keyLabel }]);
      const key = pkcs11.C_FindObjects(session);
      pkcs11.C_FindObjectsFinal(session);
      if (!key) throw new Error(`no private key labelled ${options.keyLabel} on token ${options.tokenLabel}`);
      return new Pkcs11Signer(pkcs11, session, key, module, options);
    } catch (error) {
      release(options.library);
      throw error;
    }
  }

  async certificate(): Promise<Uint8Array> {
    return this.options.certificate;
  }

  async chain(): Promise<Uint8Array[]> {
    return this.options.chain ?? [];
  }

  async sign(tbs: Uint8Array): Promise<Uint8Array> {
    const ec = this.options.algorithm === 'EC';
    this.pkcs11.C_SignInit(this.session, { mechanism: ec ? this.module.CKM_ECDSA : this.module.CKM_SHA256_RSA_PKCS }, this.key);
    const value = new Uint8Array(this.pkcs11.C_Sign(this.session, Buffer.from(ec ? sha256(tbs) : tbs), Buffer.alloc(1024)));
    return ec ? ecdsaRawToDer(value) : value;
  }

  /** Closes the session (which logs out the last one) and unloads the module when no signer uses it. */
  close(): void {
    this.pkcs11.C_CloseSession(this.session);
    release(this.options.library);
  }
}
