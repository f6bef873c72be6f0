/**
 * The web application on a phone (390 × 844): the navigation hides behind a burger that opens and
 * closes it and that following a link closes; the header fits the screen; the dashboard and the
 * customer list are no wider than the screen, a wide table scrolling inside its own box.
 * Screenshots go to test-artifacts/. Skipped when /usr/bin/chromium is absent (.ci/run installs it).
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ARTIFACTS,
  type BrowserFixture,
  chartsDrawn,
  HAS_CHROMIUM,
  NAV_START,
  openBrowserFixture,
  USERS,
} from './browser-fixture.ts';

const PHONE = { width: 390, height: 844 };

let fixture: BrowserFixture;

const onPhone = (path: string) =>
  fixture.signIn(USERS.credit_manager, path, (page) => page.setViewportSize(PHONE));

/** How far the page reaches past the screen's right edge, in CSS pixels (0 when it fits). */
const pageOverflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

/** The right edge of the furthest element of the fixed header (its overflow widens no page). */
const headerRight = (page: Page) =>
  page
    .locator('header')
    .evaluate((header) =>
      Math.max(...Array.from(header.querySelectorAll('*'), (e) => e.getBoundingClientRect().right)),
    );

describe.skipIf(!HAS_CHROMIUM)('web application on a phone', () => {
  beforeAll(async () => {
    // The fork's first browser file opens what they share and builds the web app if stale.
    fixture = await openBrowserFixture();
  }, 900_000);
  afterAll(async () => {
    await fixture?.close();
  });

  it('opens and closes the navigation with the burger, and closes it after following a link', async () => {
    const page = await onPhone(NAV_START);
    await page.getByTestId('customer-table').locator('tbody tr').first().waitFor();
    const burger = page.getByRole('button', { name: 'Menu de navigation' });
    const agendaLink = page.getByRole('link', { name: 'Agenda de relance' });
    // Closed: the menu lies off the screen, to the left.
    expect(await burger.getAttribute('aria-expanded')).toBe('false');
    await expect.poll(async () => (await agendaLink.boundingBox())?.x ?? 0).toBeLessThan(0);
    expect(await headerRight(page)).toBeLessThanOrEqual(PHONE.width);

    await burger.click();
    expect(await burger.getAttribute('aria-expanded')).toBe('true');
    await expect.poll(async () => (await agendaLink.boundingBox())?.x ?? -1).toBeGreaterThanOrEqual(0);
    await page.screenshot({ path: join(ARTIFACTS, 'phone-navigation.png') });
    await burger.click();
    expect(await burger.getAttribute('aria-expanded')).toBe('false');
    await expect.poll(async () => (await agendaLink.boundingBox())?.x ?? 0).toBeLessThan(0);

    await burger.click();
    await agendaLink.click();
    await page.getByTestId('dunning-agenda').waitFor();
    expect(new URL(page.url()).pathname).toBe('/dunning/agenda');
    await expect.poll(() => burger.getAttribute('aria-expanded')).toBe('false');
    await expect.poll(async () => (await agendaLink.boundingBox())?.x ?? 0).toBeLessThan(0);
    expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
    await page.context().close();
  });

  it('fits the dashboard to the screen', async () => {
    const page = await onPhone('/');
    await page.getByTestId('kpi-outstanding').waitFor();
    await expect.poll(() => page.getByTestId('chart').count()).toBeGreaterThanOrEqual(3);
    await chartsDrawn(page);
    expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
    expect(await headerRight(page)).toBeLessThanOrEqual(PHONE.width);
    await page.screenshot({ path: join(ARTIFACTS, 'phone-dashboard.png'), fullPage: true });
    await page.context().close();
  });

  it('scrolls the customer table inside its box, not the page', async () => {
    const page = await onPhone('/customers');
    const table = page.getByTestId('customer-table');
    await table.locator('tbody tr').first().waitFor();
    expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
    // The table is wider than the screen: its own box scrolls sideways.
    const box = await table.evaluate((element) => {
      const scroller = element.closest('[data-horizontal-scroll]');
      return scroller ? { scrollWidth: scroller.scrollWidth, clientWidth: scroller.clientWidth } : null;
    });
    expect(box).not.toBeNull();
    expect(box?.scrollWidth).toBeGreaterThan(box?.clientWidth ?? 0);
    await page.screenshot({ path: join(ARTIFACTS, 'phone-customers.png') });
    await page.context().close();
  });
});
