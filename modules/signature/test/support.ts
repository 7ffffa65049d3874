import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FixedClock } from '@motcua/kernel/contract';
import { LocalTsa, TsaClient } from '../src/cms/timestamp.js';
import { findSignatures } from '../src/verify/pdf-signatures.js';
import { byteRangeContent } from '../src/pdf/placeholder.js';
import { createTestPki, type TestPki } from '../src/testing/test-pki.js';

/** Debian packages providing each external tool (CI installs them). */
const PACKAGES: Record<string, string> = { pdfsig: 'poppler-utils', certutil: 'libnss3-tools', openssl: 'openssl', 'softhsm2-util': 'softhsm2' };

/**
 * Whether an external tool is installed. Missing in CI: throws (the test file fails with the
 * package to install). Missing elsewhere: warns and returns false so the tests skip.
 */
export function hasTool(name: string): boolean {
  if (spawnSync('sh', ['-c', `command -v ${name}`]).status === 0) return true;
  const message = `${name} is not installed (apt-get install -y ${PACKAGES[name] ?? name})`;
  if (process.env.CI) throw new Error(`${message}: CI requires it`);
  console.warn(`skipping tests that need ${message}`);
  return false;
}

/**
 * Whether the optional native PKCS#11 binding (pkcs11js) was built at install time: it needs a
 * C++ toolchain and Node's headers (`npm_config_nodedir`), which CI has. Same CI rule as tools.
 */
export function hasPkcs11Binding(): boolean {
  try {
    createRequire(import.meta.url)('pkcs11js');
    return true;
  } catch {
    const message = 'the pkcs11js native binding is not built (install with a C++ toolchain and npm_config_nodedir=/usr)';
    if (process.env.CI) throw new Error(`${message}: CI requires it`);
    console.warn(`skipping tests that need ${message}`);
    return false;
  }
}

let shared: Promise<TestPki> | undefined;
/** One test PKI per test file (key generation costs about a second). */
export function testPki(): Promise<TestPki> {
  shared ??= createTestPki();
  return shared;
}

/** An RFC 3161 client talking to an in-process TSA signed by the test PKI's TSA certificate. */
export function testTimestamper(pki: TestPki, at = new Date()) {
  return new TsaClient(new LocalTsa(pki.tsa.signer(), new FixedClock(at)));
}

/** A fresh temporary directory. */
export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'motcua-sig-'));
}

/**
 * Runs pdfsig with an NSS database that trusts `rootDer` and returns its output.
 *
 * @example expect(pdfsig(pdf, root)).toMatch(/Signature is Valid/)
 */
export function pdfsig(pdf: Uint8Array, rootDer: Uint8Array): string {
  const dir = tempDir();
  writeFileSync(join(dir, 'root.der'), rootDer);
  writeFileSync(join(dir, 'doc.pdf'), pdf);
  execFileSync('certutil', ['-N', '-d', `sql:${dir}`, '--empty-password']);
  execFileSync('certutil', ['-A', '-d', `sql:${dir}`, '-n', 'root', '-t', 'CT,C,C', '-i', join(dir, 'root.der')]);
  const result = spawnSync('pdfsig', ['-nssdir', `sql:${dir}`, join(dir, 'doc.pdf')], { encoding: 'utf8' });
  return `${result.stdout}${result.stderr}`;
}

/**
 * Extracts each signature's CMS and signed bytes and runs `openssl cms -verify` on them with
 * `rootDer` as the only trust anchor. Returns one exit status per signature (0 = verified).
 */
export function opensslVerifyAll(pdf: Uint8Array, rootDer: Uint8Array): number[] {
  const dir = tempDir();
  const rootPem = `-----BEGIN CERTIFICATE-----\n${Buffer.from(rootDer).toString('base64').match(/.{1,64}/g)!.join('\n')}\n-----END CERTIFICATE-----\n`;
  writeFileSync(join(dir, 'root.pem'), rootPem);
  return findSignatures(pdf).map((signature, i) => {
    writeFileSync(join(dir, `cms${i}.der`), signature.cms);
    writeFileSync(join(dir, `data${i}.bin`), byteRangeContent(pdf, signature.byteRange));
    const args = ['cms', '-verify', '-binary', '-inform', 'DER', '-in', join(dir, `cms${i}.der`), '-content', join(dir, `data${i}.bin`), '-CAfile', join(dir, 'root.pem'), '-purpose', 'any', '-out', '/dev/null'];
    return spawnSync('openssl', args).status ?? -1;
  });
}
