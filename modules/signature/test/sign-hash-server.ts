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
 * A local server speaking the sign-hash protocol documented on RemoteHashSigner, holding test
 * keys by credential id. It records each request so tests can check what left the server.
 */
export async function startSignHashServer(credentials: Record<string, TestIdentity & { kind: 'RSA' | 'EC' }>, apiToken: string) {
  const requests: Array<{ path: string; body: any }> = [];
  const server: Server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = chunks.length ? JSON.parse(Buffer.concat(chunks).toString()) : undefined;
    requests.push({ path: request.url!, body });
    const reply = (status: number, json: object) => response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(json));
    if (request.headers.authorization !== `Bearer ${apiToken}`) return reply(401, { error: 'bad token' });
    const [, , id, action] = request.url!.split('/');
    const identity = credentials[decodeURIComponent(id ?? '')];
    if (!identity) return reply(404, { error: 'no such credential' });
    if (!action) return reply(200, { algorithm: identity.kind, certificate: Buffer.from(identity.certificate).toString('base64'), chain: identity.chain.map((c) => Buffer.from(c).toString('base64')) });
    if (body?.hashAlgorithm !== 'SHA-256') return reply(400, { error: 'SHA-256 only' });
    const { signature, format } = await signHash(identity, Buffer.from(body.hash, 'base64'));
    return reply(200, { signature: signature.toString('base64'), format });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return { baseUrl: `http://127.0.0.1:${port}`, requests, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
