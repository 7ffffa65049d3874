import type { IncomingMessage } from 'node:http';

/** The body was larger than allowed. */
export class BodyTooLargeError extends Error {}

/**
 * Reads a request body up to `maxBytes`, refusing early on a larger Content-Length and
 * stopping as soon as the streamed bytes pass the cap.
 */
export async function readBody(req: IncomingMessage, maxBytes: number): Promise<string> {
  return Buffer.from(await readBodyBytes(req, maxBytes)).toString('utf8');
}

/** `readBody` as bytes (binary uploads). */
export async function readBodyBytes(req: IncomingMessage, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > maxBytes) throw new BodyTooLargeError();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) throw new BodyTooLargeError();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
