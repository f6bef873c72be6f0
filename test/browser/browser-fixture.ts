/**
 * What every browser test needs: the demo company in a test database, the API server serving the
 * built web application, and Chromium from the system (driven by playwright-core). Tests skip
 * themselves when /usr/bin/chromium is absent (.ci/run installs it).
 *
 * Opening that database, analysing it and starting Chromium cost a browser file a quarter of its
 * time, so the test files of a fork share one of each (the fork keeps its modules between files,
 * `isolate: false`): each file gets its own browser contexts, closed with the file. The files
 * write different things (a user, a customer's limit or terms, two invoices, a note, a reminder),
 * and each checks only what it wrote itself or what no other file changes. The shared parts are
 * closed when Vitest stops the fork, before it sends SIGTERM (the browser's temporary profile goes
 * with it).
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { refreshPlannerStatistics } from '#db/infra/maintenance';
import type { ApiServer } from '#http/api-types';
import { buildServer, WEB_DIST_DIR } from '#http/server';
import { buildWebIfStale } from '../../web/build-if-stale.ts';
import { openDemoTestDatabase, type TestDatabase } from '../support/test-db.ts';

export const CHROMIUM = '/usr/bin/chromium';
export const HAS_CHROMIUM = existsSync(CHROMIUM);
export const ARTIFACTS = join(import.meta.dirname, '..', '..', 'test-artifacts');
export const PASSWORD = 'encours-demo';
export const USERS = {
  admin: 'admin@cb2c.example',
  credit_manager: 'claire.moreau@cb2c.example',
  collector: 'julien.petit@cb2c.example',
  salesperson: 'sophie.bernard@cb2c.example',
  director: 'philippe.lambert@cb2c.example',
} as const;

/**
 * Where a test that goes to its page through the navigation signs in: the customer list, one light
 * request, where the dashboard would compute and draw half a dozen reports for nothing.
 */
export const NAV_START = '/customers';

export interface BrowserFixture {
  database: TestDatabase;
  app: ApiServer;
  browser: Browser;
  baseUrl: string;
  /**
   * A fresh browser context (French locale) signed in as `email` through the sign-in form shown at
   * `path` (default: the dashboard), and left on that page. `beforeLoad` runs on the new page before
   * it loads anything (to watch its requests). A test that only looks at another page signs in
   * there: the dashboard's half-dozen reports would otherwise be computed for nothing.
   */
  signInThroughForm(email: string, path?: string, beforeLoad?: BeforeLoad): Promise<Page>;
  /**
   * The same for a test whose subject is not the sign-in: the fork's first sign-in of `email` goes
   * through the form, the later ones start with that session's cookies (the server's 30 sign-ins a
   * minute are shared by the files of the fork) and load `path` signed in.
   */
  signIn(email: string, path?: string, beforeLoad?: BeforeLoad): Promise<Page>;
  /**
   * Closes the browser contexts this file opened (the shared database, server and browser stay), and
   * fails if a page of theirs showed a text missing from the catalogue.
   */
  close(): Promise<void>;
}

type BeforeLoad = (page: Page) => Promise<void> | void;
type Shared = Pick<BrowserFixture, 'database' | 'app' | 'browser' | 'baseUrl'>;

/** This fork's database, server and browser, opened by its first browser file. */
let shared: Promise<Shared> | undefined;
type StorageState = Awaited<ReturnType<BrowserContext['storageState']>>;
/** The session of each person signed in on the shared server (sessions last 12 h of the fixed clock). */
const sessions = new Map<string, StorageState>();

async function openShared(): Promise<Shared> {
  await buildWebIfStale();
  // The demo company as `encours serve` loads it into an empty database, by 'system'.
  const database = await openDemoTestDatabase({ actor: 'system' });
  await refreshPlannerStatistics(database.runtime.handle.db); // as `encours serve` does
  const app = await buildServer(database.runtime, { webRoot: WEB_DIST_DIR });
  const baseUrl = await app.listen({ port: 0, host: '127.0.0.1' });
  mkdirSync(ARTIFACTS, { recursive: true });
  // Playwright gives every launch a fresh, temporary profile (--user-data-dir) of its own.
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  onForkEnd(async () => {
    await browser.close();
    await app.close();
    await database.close();
  });
  return { database, app, browser, baseUrl };
}

/**
 * Runs `close` when Vitest stops this fork: the hook its worker-scoped fixtures use, reached through
 * the worker state it keeps on globalThis (internal, hence the guard: without it, Playwright still
 * kills the browser with the process, leaving its temporary profile behind).
 */
function onForkEnd(close: () => Promise<void>): void {
  const worker = (globalThis as { __vitest_worker__?: { onCleanup?: (listener: () => unknown) => void } })
    .__vitest_worker__;
  worker?.onCleanup?.(close);
}

export async function openBrowserFixture(): Promise<BrowserFixture> {
  shared ??= openShared().catch((error: unknown) => {
    shared = undefined; // the next file tries again rather than failing on this file's error
    sessions.clear();
    throw error;
  });
  const { database, app, browser, baseUrl } = await shared;
  const contexts = new Set<BrowserContext>();
  // What the catalogue could not find (src/text/icu.ts logs it in the browser and shows the key).
  const missingTexts: string[] = [];
  async function newPage(storageState?: StorageState): Promise<Page> {
    const context = await browser.newContext({
      viewport: { width: 1400, height: 1000 },
      locale: 'fr-FR',
      // As a person who asks for less motion: charts drawn at once, no transitions (the app honours
      // it), rather than a second of redrawn frames per chart before its 'finished' state.
      reducedMotion: 'reduce',
      ...(storageState ? { storageState } : {}),
    });
    contexts.add(context);
    context.once('close', () => contexts.delete(context));
    context.on('console', (message) => {
      if (message.type() === 'error' && message.text().startsWith('text catalogue: no'))
        missingTexts.push(message.text());
    });
    return context.newPage();
  }
  async function signInThroughForm(email: string, path = '/', beforeLoad?: BeforeLoad): Promise<Page> {
    const page = await newPage();
    await beforeLoad?.(page);
    // Every path shows the sign-in form to a visitor, and the page asked for once signed in.
    await page.goto(`${baseUrl}${path}`);
    await page.getByLabel('Adresse e-mail').fill(email);
    await page.getByRole('textbox', { name: 'Mot de passe' }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByTestId('signed-in-user').waitFor();
    // Taken before the test changes anything kept in the browser (the language).
    if (!sessions.has(email)) sessions.set(email, await page.context().storageState());
    return page;
  }
  async function signIn(email: string, path = '/', beforeLoad?: BeforeLoad): Promise<Page> {
    const session = sessions.get(email);
    if (!session) return signInThroughForm(email, path, beforeLoad);
    const page = await newPage(session);
    await beforeLoad?.(page);
    await page.goto(`${baseUrl}${path}`);
    await page.getByTestId('signed-in-user').waitFor();
    return page;
  }
  async function close(): Promise<void> {
    await Promise.all([...contexts].map((context) => context.close()));
    // A page showing a key instead of its words fails the file that showed it.
    if (missingTexts.length > 0) throw new Error(`pages showed missing texts:\n${missingTexts.join('\n')}`);
  }
  return { database, app, browser, baseUrl, signInThroughForm, signIn, close };
}

/** Waits until every chart on the page has finished drawing (the EChart component marks it). */
export async function chartsDrawn(page: Page): Promise<void> {
  await page.waitForFunction(() =>
    Array.from(document.querySelectorAll<HTMLElement>('[data-testid="chart"]')).every(
      (chart) => chart.dataset['rendered'] === 'true',
    ),
  );
}
