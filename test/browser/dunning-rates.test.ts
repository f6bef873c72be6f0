/**
 * The semester rates page says what the table lacks up to the current half-year (30 June 2026, the
 * fixture's date). The shipped table has no hole from 2014 to 2026 (migrations 0008 and 0071), so
 * this file makes one in the shared database and puts the rows back when it ends: four half-years
 * gone (2019–2020) and the 2023 legal rates emptied. The alert says so once; the hole is a row of
 * its own in the table, named in half-years (never « 2019H1 ») with its ECB rate « manquant », that
 * an admin fills from its « Saisir » button; the 2023 legal rates read « manquant », not « — ».
 * Skipped when /usr/bin/chromium is absent.
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

const HOLE = 'Taux BCE manquants du 1er semestre 2019 au 2nd semestre 2020 (4 semestres)';
const HOLE_ROW = '1er semestre 2019 – 2nd semestre 2020 (4 semestres)';
const TAKEN = `semester between '2019H1' and '2020H2' or semester in ('2023H1', '2023H2')`;
const COLUMNS = 'semester, ecb_rate_bps, legal_interest_rate_bps, source, updated_at, updated_by';
let fixture: BrowserFixture;
/** The rows this file changes, as they were, to put back for the files after it. */
let saved: unknown[][] = [];

const pool = () => fixture.database.runtime.handle.pool;

async function makeHole(): Promise<void> {
  const before = await pool().query({
    text: `select ${COLUMNS} from late_payment_rates where ${TAKEN}`,
    rowMode: 'array',
  });
  saved = before.rows;
  await pool().query(`delete from late_payment_rates where semester between '2019H1' and '2020H2'`);
  await pool().query(
    `update late_payment_rates set legal_interest_rate_bps = null, source = split_part(source, ';', 1)
     where semester like '2023H_'`,
  );
}

async function putBack(): Promise<void> {
  for (const row of saved)
    await pool().query(
      `insert into late_payment_rates (${COLUMNS}) values ($1, $2, $3, $4, $5, $6)
       on conflict (semester) do update set ecb_rate_bps = excluded.ecb_rate_bps,
         legal_interest_rate_bps = excluded.legal_interest_rate_bps, source = excluded.source,
         updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
      row,
    );
}

describe.skipIf(!HAS_CHROMIUM)('the gaps of the rates table', () => {
  beforeAll(async () => {
    fixture = await openBrowserFixture();
    await makeHole();
  }, 900_000);
  afterAll(async () => {
    if (fixture) await putBack();
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

    // Said once, in the alert: the table's row names the half-years and says « manquant ».
    expect((await page.locator('body').textContent())?.split(HOLE).length).toBe(2);
    // The hole sits between the 1st half of 2021 and the 2nd half of 2018, as a row of its own.
    const rows = (await table.getByRole('row').allTextContents()).map((text) => text.trim());
    const at = (start: string) => rows.findIndex((text) => text.startsWith(start));
    expect(at('1er semestre 2021')).toBeLessThan(at(HOLE_ROW));
    expect(at(HOLE_ROW)).toBeLessThan(at('2nd semestre 2018'));
    expect(rows[at(HOLE_ROW)]).toMatch(/manquant/);
    for (const half of ['1er semestre 2023', '2nd semestre 2023']) expect(rows[at(half)]).toMatch(/manquant/);
    expect(rows[at('2nd semestre 2022')]).not.toMatch(/manquant/);
    await page.screenshot({ path: join(ARTIFACTS, 'dunning-rates-gaps.png'), fullPage: true });

    await table
      .getByRole('row', { name: new RegExp(HOLE_ROW.replace(/[()]/g, '\\$&')) })
      .getByRole('button', { name: 'Saisir' })
      .click();
    expect(await page.getByTestId('rate-form').getByLabel('Semestre').inputValue()).toBe('2019H1');
    await page.context().close();
  });
});
