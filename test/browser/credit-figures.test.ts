/**
 * One figure per question across panels (walk of 30/06/2026): the customer file's limit gauge reads
 * the exposure against the limit in force, as its « Disponible » does (C00032 said « 99 % » on its
 * balance beside « Disponible −20 233,24 € »); the dashboard names the customers a portfolio's DSO
 * drift lists as its largest balance increases, not as « (5 clients) » drifting.
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
import { pageApi } from './page-api.ts';

let fixture: BrowserFixture;
const spaced = (text: string | null) => (text ?? '').replace(/[\u00a0\u202f]/g, ' ');

describe.skipIf(!HAS_CHROMIUM)('credit figures that agree between panels', () => {
  beforeAll(async () => {
    fixture = await openBrowserFixture();
  }, 900_000);
  afterAll(async () => {
    await fixture?.close();
  });

  it('gauges the limit on the exposure the risk panel shows', async () => {
    const page = await fixture.signIn(USERS.credit_manager, '/customers/C00032');
    const risk = await pageApi(fixture.baseUrl, page).get<{
      exposure: { totalMinor: number };
      limit: { limitMinor: number };
      availableMinor: number;
    }>('/api/credit/customers/C00032/risk');
    expect(risk.availableMinor).toBeLessThan(0);
    const usage = Math.round((risk.exposure.totalMinor / risk.limit.limitMinor) * 100);
    expect(usage).toBeGreaterThan(100);
    const card = page.getByTestId('limit-usage');
    const gauge = card.getByRole('img');
    await gauge.waitFor();
    const words = spaced(await gauge.getAttribute('aria-label'));
    expect(words).toMatch(
      new RegExp(`^Exposition [\\d ]+,\\d\\d € / limite en vigueur [\\d ]+,\\d\\d € : ${usage} %$`),
    );
    expect(spaced(await card.textContent())).toContain(
      'Exposition / limite en vigueur, comme « Disponible »',
    );
    await card.screenshot({ path: join(ARTIFACTS, 'customer-limit-usage.png'), animations: 'disabled' });
    await page.context().close();
  });

  it('words the DSO drift’s customers as the largest balance increases', async () => {
    const page = await fixture.signIn(USERS.credit_manager, '/');
    const card = page.getByTestId('dashboard-anomalies');
    await card.getByText(/Dérive du DSO/).waitFor({ timeout: 120_000 });
    const line = spaced(await card.getByRole('listitem').filter({ hasText: 'Dérive du DSO' }).textContent());
    expect(line).toMatch(/\(les \d+ plus fortes hausses d’encours\)$/);
    expect(line).not.toMatch(/\(\d+ clients\)$/);
    await page.context().close();
  });
});
