/**
 * The built single-page application on the API's port: its files, and index.html for any other
 * page path, so that a reload on /customers/K01 opens the application there.
 *
 * @fastify/static registers one route per file found at start-up (`wildcard: false`: a wildcard
 * route would take the unknown paths the not-found handler answers with index.html). A rebuild of
 * web/dist while the server runs brings assets with new hashed names that have no route: a request
 * under /assets/ is then served from disk when the file is there, and answers 404 otherwise —
 * never index.html, which a browser would refuse as a module script (a blank page).
 */
import { existsSync, realpathSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';
import fastifyStatic from '@fastify/static';
import { DomainError } from '#app/errors';
import type { ApiServer } from './api-types.ts';

/** Where Vite puts the hashed files of a build, as a URL path and a folder of the root. */
const ASSETS_URL = '/assets/';
const ASSETS_DIR = 'assets';

export async function registerWebApplication(app: ApiServer, root: string | null): Promise<void> {
  const webRoot = root !== null && existsSync(join(root, 'index.html')) ? root : null;
  if (webRoot !== null) {
    const assetsDir = join(webRoot, ASSETS_DIR);
    await app.register(fastifyStatic, {
      root: webRoot,
      wildcard: false,
      setHeaders(reply, path) {
        // Vite names assets by content hash; index.html must always be revalidated.
        reply.header(
          'cache-control',
          path.startsWith(`${assetsDir}${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    });
  }
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    const isRead = request.method === 'GET' || request.method === 'HEAD';
    if (webRoot !== null && isRead && path.startsWith(ASSETS_URL)) {
      const asset = assetOnDisk(webRoot, path);
      if (asset !== null) return reply.sendFile(asset);
      throw new DomainError('not_found', { key: 'errors.http.noAsset', params: { path } });
    }
    const isPage = request.method === 'GET' && !path.startsWith('/api/');
    if (webRoot !== null && isPage) return reply.header('cache-control', 'no-cache').sendFile('index.html');
    throw new DomainError('not_found', {
      key: 'errors.http.noRoute',
      params: { method: request.method, path },
    });
  });
}

/**
 * The file a path under /assets/ names (as a path from the root), or null: the path must decode,
 * hold no empty, dot or hidden segment nor a backslash, and lead (links followed) to a plain file
 * inside the root's assets folder.
 */
export function assetOnDisk(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  const steps = decoded.split('/').slice(1);
  if (decoded.includes('\\') || decoded.includes('\0')) return null;
  if (steps.some((step) => step === '' || step.startsWith('.'))) return null;
  try {
    const assetsDir = realpathSync(join(root, ASSETS_DIR));
    const file = realpathSync(join(root, ...steps));
    if (!file.startsWith(`${assetsDir}${sep}`) || !statSync(file).isFile()) return null;
  } catch {
    return null;
  }
  return `/${steps.join('/')}`;
}
