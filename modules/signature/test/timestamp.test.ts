import { spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { FixedClock } from '@motcua/kernel/contract';
import { HttpTsa, LocalTsa, readTstInfo, TsaClient } from '../src/cms/timestamp.js';
import { sha256Hex } from '../src/pki/der.js';
import type { TestPki } from '../src/testing/test-pki.js';
import { hasTool, tempDir, testPki } from './support.js';

let pki: TestPki;
let url: string;
let close: () => void;
const at = new Date('2026-11-26T01:30:00Z');
const pem = (der: Uint8Array) => `-----BEGIN CERTIFICATE-----\n${Buffer.from(der).toString('base64').match(/.{1,64}/g)!.join('\n')}\n-----END CERTIFICATE-----\n`;

beforeAll(async () => {
  pki = await testPki();
  const tsa = new LocalTsa(pki.tsa.signer(), new FixedClock(at));
  const server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    if (request.headers['content-type'] !== 'application/timestamp-query') return response.writeHead(415).end();
    response.writeHead(200, { 'content-type': 'application/timestamp-reply' }).end(Buffer.from(await tsa.respond(new Uint8Array(Buffer.concat(chunks)))));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as { port: number }).port}/tsa`;
  close = () => server.close();
});
afterAll(() => close?.());

describe('RFC 3161 over HTTP (the production path, here against the in-process TSA)', () => {
  test('stamps data: genTime from the TSA clock, imprint of the data', async () => {
    const data = new TextEncoder().encode('signature value');
    const token = await new TsaClient(new HttpTsa(url)).stamp(data);
    const info = readTstInfo(token);
    expect(info.genTime.toISOString()).toBe(at.toISOString());
    expect(Buffer.from(info.messageImprint.hashedMessage.valueBlock.valueHexView).toString('hex')).toBe(sha256Hex(data));
  });

  test.skipIf(!hasTool('openssl'))('openssl ts -verify accepts the token with the test root', async () => {
    const data = new TextEncoder().encode('another signature value');
    const token = await new TsaClient(new HttpTsa(url)).stamp(data);
    const dir = tempDir();
    writeFileSync(join(dir, 'token.der'), token);
    writeFileSync(join(dir, 'root.pem'), pem(pki.root.certificate));
    writeFileSync(join(dir, 'chain.pem'), pem(pki.issuing.RSA.certificate));
    const result = spawnSync('openssl', ['ts', '-verify', '-token_in', '-in', join(dir, 'token.der'), '-digest', sha256Hex(data), '-CAfile', join(dir, 'root.pem'), '-untrusted', join(dir, 'chain.pem')], { encoding: 'utf8' });
    expect(`${result.stdout}${result.stderr}`).toMatch(/Verification: OK/);
  });

  test('an unreachable or failing TSA is an error, not a silent B-B', async () => {
    await expect(new TsaClient(new HttpTsa(url.replace('/tsa', '/nope').replace(/:\d+\//, ':1/'))).stamp(new Uint8Array([1]))).rejects.toThrow();
  });
});
