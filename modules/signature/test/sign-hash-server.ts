import { createServer, type Server } from 'node:http';
import { constants, privateEncrypt, createPrivateKey } from 'node:crypto';
import { p256 } from '@noble/curves/nist.js';
import type { TestIdentity } from '../src/testing/test-pki.js';

/** DigestInfo prefix of a SHA-256 hash (RFC 8017 §9.2). */
const SHA256_DIGEST_INFO = Buffer.from('3031300d060960864801650304020105000420', 'hex');

/** Signs a prehashed SHA-256 digest the way an HSM behind a remote service does. */
async function signHash(identity: TestIdentity & { kind: 'RSA' | 'EC' }, hash: Buffer): Promise<{ signature: Buffer; format: string }> {
  if (identity.kind === 'RSA') {
    const key = createPrivateKey({ key: Buffer.from(identity.pkcs8), format: 'der', type: 'pkcs8' });
    return { signature: privateEncrypt({ key, padding: constants.RSA_PKCS1_PADDING }, Buffer.concat([SHA256_DIGEST_INFO, hash])), format: 'PKCS1' };
  }
  const jwk = await crypto.subtle.exportKey('jwk', identity.keys.privateKey);
  return { signature: Buffer.from(p256.sign(hash, Buffer.from(jwk.d!, 'base64url'), { prehash: false })), format: 'ECDSA_RAW' };
}

/**
 * How a credential's key holder answers on their phone: confirms after a delay, refuses after a
 * delay, or never answers until the request expires. Absent: the service signs at once.
 */
export type Confirmation = ({ confirmAfterMs: number } | { rejectAfterMs: number } | { expireAfterMs: number }) & { /** The expiry the service announces (default 60 s). */ serviceExpiryMs?: number };

interface Transaction {
  credential: string;
  hash: Buffer;
  startedAt: number;
}

/**
 * A local server speaking the sign-hash protocol documented on RemoteHashSigner, holding test
 * keys by credential id. It records each request so tests can check what left the server.
 * Credentials listed in `confirmations` answer asynchronously (202 + transaction to poll).
 */
export async function startSignHashServer(credentials: Record<string, TestIdentity & { kind: 'RSA' | 'EC' }>, apiToken: string, confirmations: Record<string, Confirmation> = {}) {
  const requests: Array<{ path: string; body: any }> = [];
  const transactions = new Map<string, Transaction>();
  const transactionState = async (id: string): Promise<[number, object]> => {
    const transaction = transactions.get(id);
    if (!transaction) return [404, { error: 'no such transaction' }];
    const how = confirmations[transaction.credential]!;
    const elapsed = Date.now() - transaction.startedAt;
    if ('rejectAfterMs' in how && elapsed >= how.rejectAfterMs) return [200, { status: 'REJECTED', reason: 'Người dùng từ chối trên ứng dụng' }];
    if ('expireAfterMs' in how && elapsed >= how.expireAfterMs) return [200, { status: 'EXPIRED' }];
    if ('confirmAfterMs' in how && elapsed >= how.confirmAfterMs) {
      const { signature, format } = await signHash(credentials[transaction.credential]!, transaction.hash);
      return [200, { status: 'CONFIRMED', signature: signature.toString('base64'), format }];
    }
    return [200, { status: 'PENDING', expiresAt: new Date(transaction.startedAt + (how.serviceExpiryMs ?? 60_000)).toISOString() }];
  };
  const server: Server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = chunks.length ? JSON.parse(Buffer.concat(chunks).toString()) : undefined;
    requests.push({ path: request.url!, body });
    const reply = (status: number, json: object) => response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(json));
    if (request.headers.authorization !== `Bearer ${apiToken}`) return reply(401, { error: 'bad token' });
    const [, , id, action, transactionId] = request.url!.split('/');
    const credential = decodeURIComponent(id ?? '');
    const identity = credentials[credential];
    if (!identity) return reply(404, { error: 'no such credential' });
    if (!action) return reply(200, { algorithm: identity.kind, certificate: Buffer.from(identity.certificate).toString('base64'), chain: identity.chain.map((c) => Buffer.from(c).toString('base64')) });
    if (action === 'transactions') return reply(...(await transactionState(decodeURIComponent(transactionId ?? ''))));
    if (body?.hashAlgorithm !== 'SHA-256') return reply(400, { error: 'SHA-256 only' });
    if (confirmations[credential]) {
      const transaction = `tx-${transactions.size + 1}-${credential}`;
      transactions.set(transaction, { credential, hash: Buffer.from(body.hash, 'base64'), startedAt: Date.now() });
      return reply(202, { status: 'PENDING', transactionId: transaction, expiresAt: new Date(Date.now() + (confirmations[credential].serviceExpiryMs ?? 60_000)).toISOString() });
    }
    const { signature, format } = await signHash(identity, Buffer.from(body.hash, 'base64'));
    return reply(200, { signature: signature.toString('base64'), format });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return { baseUrl: `http://127.0.0.1:${port}`, requests, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
