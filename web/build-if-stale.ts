/**
 * Builds the web application when web/dist is missing or older than its sources, so that
 * `npm start` (prestart) and the browser tests always serve the current interface without an
 * extra step. Runs under Node directly; it imports nothing from src/.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const WEB_DIR = import.meta.dirname;
const DIST_INDEX = join(WEB_DIR, 'dist', 'index.html');

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

export function webBuildIsStale(): boolean {
  if (!existsSync(DIST_INDEX)) return true;
  // The web app also bundles the text catalogue, the core it reads and constants of the API's
  // schemas (src/text, src/core, src/http: e.g. the outbox statuses).
  const sources = [
    'src',
    'index.html',
    'vite.config.ts',
    'catalogue-plugin.ts',
    '../src/text',
    '../src/core',
    '../src/http',
  ].map((name) => newestMtime(join(WEB_DIR, name)));
  return Math.max(...sources) > statSync(DIST_INDEX).mtimeMs;
}

export async function buildWebIfStale(log: (line: string) => void = () => {}): Promise<boolean> {
  if (!webBuildIsStale()) return false;
  log('Building the web application (web/dist)…');
  const { build } = await import('vite');
  // Vite keeps a NODE_ENV already set: under vitest ('test') it would bundle React's development
  // build (StrictMode then mounts everything twice, doubling every request of the browser tests).
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile: join(WEB_DIR, 'vite.config.ts'), logLevel: 'warn' });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  return true;
}

if (import.meta.main) {
  await buildWebIfStale((line) => process.stderr.write(`${line}\n`));
}
