/**
 * Figures as a French reader writes and reads them, in Chromium: the simulator's inputs show
 * « 4,5 % » and « 55 000 € » and take a typed « 3,75 »; a schedule's next run is told in its own
 * time zone, not the browser's; the audit log names fields and authors, never their codes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserFixture, HAS_CHROMIUM, openBrowserFixture, USERS } from './browser-fixture.ts';

let fixture: BrowserFixture;
// Intl separates thousands and the percent or euro sign with no-break spaces.
const spaced = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe.skipIf(!HAS_CHROMIUM)('figures as read, in Chromium', () => {
  beforeAll(async () => {
    fixture = await openBrowserFixture();
    // Building the web app and loading the demo take minutes on a loaded machine: a limit, not a timing.
  }, 900_000);
  afterAll(async () => {
    await fixture?.close();
  });

  it('shows and reads the simulator inputs with a decimal comma and grouped thousands', async () => {
    const page = await fixture.signIn(USERS.credit_manager, '/outsourcing');
    const rate = page.getByLabel('Coût de financement de l’entreprise');
    await rate.waitFor();
    expect(spaced(await rate.inputValue())).toMatch(/^\d+(,\d+)? %$/);
    expect(spaced(await page.getByLabel('Coût annuel chargé d’un poste').inputValue())).toMatch(
      /^\d{1,3}( \d{3})* €$/,
    );
    await rate.fill('3,75');
    const sent = page.waitForRequest((request) => request.url().endsWith('/api/outsourcing/simulation'));
    await page.getByRole('button', { name: 'Recalculer' }).click();
    expect((await sent).postDataJSON().assumptions.financingRateBp).toBe(375);
    await page.context().close();
  });

  it('tells the next run of a schedule in the schedule’s time zone', async () => {
    const page = await fixture.signIn(USERS.credit_manager, '/jobs');
    // Tokyo keeps no summer time: 06:00 there is 21:00 UTC, whatever the browser's own zone.
    await page.getByLabel('Expression cron').fill('0 6 * * 1');
    await page.getByLabel('Fuseau horaire').fill('Asia/Tokyo');
    await page.getByRole('button', { name: 'Ajouter la planification' }).click();
    const row = page.getByTestId('schedules-table').getByRole('row').filter({ hasText: 'Asia/Tokyo' });
    await row.waitFor();
    expect(await row.textContent()).toMatch(/\d{2}\/\d{2}\/\d{4} 06:00 \(Asia\/Tokyo\)/);
    // Left as found: the other browser files of this fork share the database.
    await row.getByRole('button', { name: 'Supprimer' }).click();
    await row.waitFor({ state: 'detached' });
    await page.context().close();
  });

  it('names the fields and the authors of the audit log', async () => {
    const page = await fixture.signIn(USERS.credit_manager, '/audit');
    const table = page.getByTestId('audit-table');
    await table.waitFor();
    const text = (await table.textContent()) ?? '';
    expect(text).not.toMatch(/\b(collector|amountMinor|timeZone|cron|payload|id) ?:/);
    const authors = await table.locator('tbody tr td:nth-child(2)').allTextContents();
    expect(authors.length).toBeGreaterThan(0);
    expect(authors.filter((author) => ['cli', 'demo', 'system'].includes(author.trim()))).toEqual([]);
    await page.context().close();
  });
});
