/**
 * The built web application and the API documentation work under the Content-Security-Policy
 * of hardening.ts: pages load in Chromium, sign-in works, and the browser reports no violation.
 * Skipped without Chromium or without a built web application (`npm run build:web`).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiServer } from '#http/api-types';
import { buildServer, WEB_DIST_DIR } from '#http/server';
import type { TestDatabase } from '../support/test-db.ts';
import { openHttpFixture, PASSWORD } from './http-fixture.ts';

const CHROMIUM = '/usr/bin/chromium';
const CAN_RUN = existsSync(CHROMIUM) && existsSync(join(WEB_DIST_DIR, 'index.html'));

describe.skipIf(!CAN_RUN)('the Content-Security-Policy in a browser', () => {
  let database: TestDatabase;
  let app: ApiServer;
  let browser: Browser;
  let baseUrl: string;

  beforeAll(async () => {
    let fixtureApp: ApiServer;
    ({ database, app: fixtureApp } = await openHttpFixture());
    await fixtureApp.close();
    app = await buildServer(database.runtime, { webRoot: WEB_DIST_DIR });
    baseUrl = await app.listen({ port: 0, host: '127.0.0.1' });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu'],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await database?.close();
  });

  /** A page that records every CSP violation the browser reports. */
  async function watchedPage(): Promise<{ page: Page; violations: string[] }> {
    const violations: string[] = [];
    const page = await browser.newPage({ locale: 'fr-FR' });
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    await page.exposeFunction('reportViolation', (text: string) => violations.push(text));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        (window as unknown as { reportViolation(text: string): void }).reportViolation(
          `${event.violatedDirective} ${event.blockedURI}`,
        );
      });
    });
    return { page, violations };
  }

  it('signs in and shows the customers with no violation', async () => {
    const { page, violations } = await watchedPage();
    await page.goto(baseUrl);
    await page.getByLabel('Adresse e-mail').fill('claire@web.test');
    await page.getByRole('textbox', { name: 'Mot de passe' }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByTestId('signed-in-user').waitFor();
    await page.goto(`${baseUrl}/customers`);
    await page.getByText('Client 3', { exact: true }).first().waitFor();
    expect(violations).toEqual([]);
    await page.close();
  });

  it('shows the API documentation with no violation', async () => {
    const { page, violations } = await watchedPage();
    await page.goto(`${baseUrl}/api/docs`);
    await page.locator('.swagger-ui').first().waitFor();
    expect(violations).toEqual([]);
    await page.close();
  });
});
