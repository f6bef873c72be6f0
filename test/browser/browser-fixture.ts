/**
 * What every browser test needs: the demo company in a test database, the API server serving the
 * built web application, and Chromium from the system (driven by playwright-core). Tests skip
 * themselves when /usr/bin/chromium is absent (.ci/run installs it).
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
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
  signIn(email: string, path?: string, beforeLoad?: (page: Page) => Promise<void> | void): Promise<Page>;
  close(): Promise<void>;
}

export async function openBrowserFixture(): Promise<BrowserFixture> {
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
  async function signIn(
    email: string,
    path = '/',
    beforeLoad?: (page: Page) => Promise<void> | void,
  ): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: 'fr-FR' });
    const page = await context.newPage();
    await beforeLoad?.(page);
    // Every path shows the sign-in form to a visitor, and the page asked for once signed in.
    await page.goto(`${baseUrl}${path}`);
    await page.getByLabel('Adresse e-mail').fill(email);
    await page.getByLabel('Mot de passe').fill(PASSWORD);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByTestId('signed-in-user').waitFor();
    return page;
  }
  async function close(): Promise<void> {
    await browser.close();
    await app.close();
    await database.close();
  }
  return { database, app, browser, baseUrl, signIn, close };
}

/** Waits until every chart on the page has finished drawing (the EChart component marks it). */
export async function chartsDrawn(page: Page): Promise<void> {
  await page.waitForFunction(() =>
    Array.from(document.querySelectorAll<HTMLElement>('[data-testid="chart"]')).every(
      (chart) => chart.dataset['rendered'] === 'true',
    ),
  );
}
