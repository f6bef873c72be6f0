/**
 * The cash page's statement import button on a phone (390 × 844): its label is the short one and
 * fits the button, where the full label (with the formats) was cut off; a desktop keeps the full
 * label. The dashboard charts' phone layout is checked in test/integration/dashboard-phone-charts.
 * Screenshots go to test-artifacts/. Skipped when /usr/bin/chromium is absent.
 */
import { join } from 'node:path';
import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ARTIFACTS,
  type BrowserFixture,
  HAS_CHROMIUM,
  openBrowserFixture,
  USERS,
} from './browser-fixture.ts';

const PHONE = { width: 390, height: 844 };
const FULL_LABEL = 'Importer un relevé (camt.053/054, CFONB 120, OFX)';
const SHORT_LABEL = 'Importer un relevé';

let fixture: BrowserFixture;

/** How many pixels of the button's label are hidden past its edge (0 when it shows whole). */
const labelCut = (button: Locator) =>
  button.evaluate((element) => {
    const label = element.querySelector('.mantine-Button-label');
    return label ? label.scrollWidth - label.clientWidth : Number.POSITIVE_INFINITY;
  });

describe.skipIf(!HAS_CHROMIUM)('the cash page on a phone', () => {
  beforeAll(async () => {
    fixture = await openBrowserFixture();
  }, 900_000);
  afterAll(async () => {
    await fixture?.close();
  });

  it('shows the statement import button whole, with the short label, and the full one on a desktop', async () => {
    const page = await fixture.signIn(USERS.credit_manager, '/cash', (opened) =>
      opened.setViewportSize(PHONE),
    );
    const short = page.getByRole('button', { name: SHORT_LABEL, exact: true });
    await short.waitFor();
    expect(await labelCut(short)).toBeLessThanOrEqual(0);
    expect((await short.boundingBox())?.width ?? PHONE.width).toBeLessThan(PHONE.width - 24);
    expect(await page.getByRole('button', { name: FULL_LABEL }).count()).toBe(0);
    await page.screenshot({ path: join(ARTIFACTS, 'phone-cash.png') });

    await page.setViewportSize({ width: 1440, height: 1000 });
    const full = page.getByRole('button', { name: FULL_LABEL, exact: true });
    await full.waitFor();
    expect(await labelCut(full)).toBeLessThanOrEqual(0);
    await page.context().close();
  });
});
