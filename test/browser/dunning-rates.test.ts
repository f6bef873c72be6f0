/**
 * The semester rates page says what the table lacks up to the current half-year (30 June 2026, the
 * fixture's date): the shipped table jumps from the 1st half of 2014 to the 1st half of 2023, and
 * has no legal interest rate for 2023. The hole is a row of its own, worded in half-years (never
 * « 2014H2 »), that an admin fills from its « Saisir » button; the 2023 legal rates read
 * « manquant », not « — ». Skipped when /usr/bin/chromium is absent.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ARTIFACTS,
  type BrowserFixture,
  HAS_CHROMIUM,
  openBrowserFixture,
  USERS,
} from './browser-fixture.ts';

const HOLE = 'Taux BCE manquants du 2nd semestre 2014 au 2nd semestre 2022 (17 semestres)';
let fixture: BrowserFixture;

describe.skipIf(!HAS_CHROMIUM)('the gaps of the rates table', () => {
  beforeAll(async () => {
    fixture = await openBrowserFixture();
  }, 900_000);
  afterAll(async () => {
    await fixture?.close();
  });

  it('flags the missing half-years and the missing legal rates, and offers to enter them', async () => {
    const page = await fixture.signIn(USERS.admin, '/dunning/rates');
    const table = page.getByTestId('dunning-rates');
    await table.waitFor();
    const alert = page.getByTestId('rate-gaps');
    await alert.waitFor();
    const told = (await alert.textContent()) ?? '';
    expect(told).toContain(HOLE);
    expect(told).toContain(
      'Taux d’intérêt légal manquant du 1er semestre 2023 au 2nd semestre 2023 (2 semestres)',
    );
    expect(told).not.toMatch(/\d{4}H[12]/);

    // The hole sits between the 1st half of 2023 and the 1st half of 2014, as a row of its own.
    const rows = (await table.getByRole('row').allTextContents()).map((text) => text.trim());
    const at = (start: string) => rows.findIndex((text) => text.startsWith(start));
    expect(at('1er semestre 2023')).toBeLessThan(at(HOLE));
    expect(at(HOLE)).toBeLessThan(at('1er semestre 2014'));
    for (const half of ['1er semestre 2023', '2nd semestre 2023']) expect(rows[at(half)]).toMatch(/manquant/);
    await page.screenshot({ path: join(ARTIFACTS, 'dunning-rates-gaps.png'), fullPage: true });

    await table
      .getByRole('row', { name: new RegExp(HOLE.replace(/[()]/g, '\\$&')) })
      .getByRole('button', { name: 'Saisir' })
      .click();
    expect(await page.getByTestId('rate-form').getByLabel('Semestre').inputValue()).toBe('2014H2');
    await page.context().close();
  });
});
