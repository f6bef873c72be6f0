/**
 * The web application's files (web-application.ts): a build made while the server runs brings
 * assets that had no route at start-up; they are served from disk with the assets' caching, a
 * missing asset answers 404 (never index.html, which a browser refuses as a module script), and
 * the pages still get index.html.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiServer } from '#http/api-types';
import { buildServer } from '#http/server';
import { assetOnDisk } from '#http/web-application';
import { openTestDatabase, type TestDatabase } from '../support/test-db.ts';

let database: TestDatabase;
let app: ApiServer;
let folder: string;
let root: string;

const INDEX = '<!doctype html><script type="module" src="/assets/index-old.js"></script>';
const IMMUTABLE = 'public, max-age=31536000, immutable';

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'encours-web-'));
  root = join(folder, 'dist');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), INDEX);
  writeFileSync(join(root, 'assets', 'index-old.js'), 'export const built = 1;\n');
  database = await openTestDatabase();
  app = await buildServer(database.runtime, { webRoot: root });
});
afterAll(async () => {
  await app?.close();
  await database?.close();
  if (folder) rmSync(folder, { recursive: true, force: true });
});

describe('the web application', () => {
  it('serves the files found at start-up and index.html for the pages', async () => {
    const asset = await app.inject('/assets/index-old.js');
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['content-type']).toContain('javascript');
    expect(asset.headers['cache-control']).toBe(IMMUTABLE);
    const page = await app.inject('/customers/K01');
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(page.body).toBe(INDEX);
  });

  it('serves an asset written after start-up, as an asset', async () => {
    writeFileSync(join(root, 'assets', 'index-new.js'), 'export const rebuilt = 2;\n');
    writeFileSync(join(root, 'assets', 'index-new.css'), 'body { margin: 0; }\n');
    const script = await app.inject('/assets/index-new.js');
    expect(script.statusCode).toBe(200);
    expect(script.headers['content-type']).toContain('javascript');
    expect(script.headers['cache-control']).toBe(IMMUTABLE);
    expect(script.body).toBe('export const rebuilt = 2;\n');
    const style = await app.inject('/assets/index-new.css?v=1');
    expect(style.statusCode).toBe(200);
    expect(style.headers['content-type']).toContain('text/css');
    const head = await app.inject({ method: 'HEAD', url: '/assets/index-new.js' });
    expect(head.statusCode).toBe(200);
    expect(head.body).toBe('');
  });

  it('answers 404 for an asset that is not there, never index.html', async () => {
    const missing = await app.inject('/assets/x.js');
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toContain('application/problem+json');
    expect(missing.json()).toMatchObject({
      code: 'not_found',
      title: 'Introuvable',
      detail: 'Fichier introuvable\u00a0: /assets/x.js',
    });
    const english = await app.inject({ url: '/assets/x.js', headers: { 'accept-language': 'en' } });
    expect(english.json()).toMatchObject({ title: 'Not found', detail: 'No such file: /assets/x.js' });
    expect((await app.inject('/assets/')).statusCode).toBe(404);
    expect((await app.inject('/assets/sub/')).statusCode).toBe(404);
  });

  it('serves nothing outside the assets folder through /assets/', async () => {
    writeFileSync(join(root, 'secret.txt'), 'not an asset\n');
    writeFileSync(join(root, 'assets', '.hidden.js'), 'HIDDEN CONTENT\n');
    symlinkSync(join(root, 'secret.txt'), join(root, 'assets', 'link.js'));
    for (const url of [
      '/assets/%2E%2E%2Fsecret.txt',
      '/assets/..%5csecret.txt',
      '/assets/.hidden.js',
      '/assets/link.js',
      '/assets/%E0%A4%A',
    ]) {
      const response = await app.inject(url);
      expect(response.statusCode, url).toBeGreaterThanOrEqual(400);
      expect(response.body, url).not.toContain('not an asset');
      expect(response.body, url).not.toContain('HIDDEN CONTENT');
      expect(response.body, url).not.toContain('<!doctype html>');
    }
    // What the router hands over as it came (a request's path is not normalised on the wire).
    expect(assetOnDisk(root, '/assets/../secret.txt')).toBeNull();
    expect(assetOnDisk(root, '/assets/%2e%2e/secret.txt')).toBeNull();
    expect(assetOnDisk(root, '/assets//index-old.js')).toBeNull();
    expect(assetOnDisk(root, '/assets/link.js')).toBeNull();
    expect(assetOnDisk(root, '/assets/index-old.js')).toBe('/assets/index-old.js');
  });
});
