import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, resolve, sep } from 'node:path';
import { createGzip } from 'node:zlib';
import { REPO_ROOT } from '../config.js';
import type { RouteHandler } from './server.js';
import { sendJson } from './responses.js';

/** Text assets worth compressing (the admin's JS is ~1.1 MB raw, ~360 kB gzipped). */
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.svg', '.json']);

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml',
  '.png': 'image/png', '.ico': 'image/x-icon', '.json': 'application/json', '.woff2': 'font/woff2',
};

/**
 * Serves the built admin app (`admin/dist`) at `/admin`, with an SPA fallback to
 * `index.html`. Before the admin is built, `/admin` says how to build it.
 */
export function adminRoutes(dist = resolve(REPO_ROOT, 'admin/dist')): Record<string, RouteHandler> {
  const serve: RouteHandler = async (req, res, url) => {
    const index = resolve(dist, 'index.html');
    if (!existsSync(index)) return sendJson(res, 503, { message: 'The admin app is not built yet: run `pnpm build`.' });
    const relative = decodeURIComponent(url.pathname.slice('/admin'.length)) || '/';
    const file = resolve(dist, `.${relative}`);
    const inside = file.startsWith(dist + sep);
    const target = inside && existsSync(file) && statSync(file).isFile() ? file : index;
    const immutable = target !== index && relative.startsWith('/assets/');
    const gzip = COMPRESSIBLE.has(extname(target)) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    res.writeHead(200, {
      'content-type': TYPES[extname(target)] ?? 'application/octet-stream',
      'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      vary: 'accept-encoding',
      ...(gzip ? { 'content-encoding': 'gzip' } : {}),
    });
    const stream = createReadStream(target);
    (gzip ? stream.pipe(createGzip()) : stream).pipe(res);
  };
  return { '/admin': serve };
}
