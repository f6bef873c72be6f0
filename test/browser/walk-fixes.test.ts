/**
 * What two walk-throughs of the web app found wrong, read again in French on the demo company:
 * the disputes page counts the disputes of the imported history that ended with their invoice and
 * searches one customer's; the agenda's promise form says how to write an amount and takes dates
 * day first; the policy page names its steps and templates and fits a 1440-pixel screen; the audit
 * log is filtered by the words it shows; the tokens page says when each token expires and refuses a
 * name already in use; the financing rate is set on the forecast page; the payment-behaviour chart
 * explains its colours; an error reads « Une erreur est survenue : … ».
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

interface DisputeLine {
  source: 'record' | 'imported';
  customerCode: string;
  customerName: string;
  documentRef: string;
  status: string;
  resolution: string | null;
}

describe.skipIf(!HAS_CHROMIUM)('the pages the walk-throughs found wrong', () => {
  beforeAll(async () => {
    fixture = await openBrowserFixture();
  }, 900_000);
  afterAll(async () => {
    await fixture?.close();
  });

  it('counts the imported disputes settled since as resolved, and searches one customer’s', async () => {
    const page = await fixture.signIn(USERS.credit_manager, '/dunning/disputes');
    const api = pageApi(fixture.baseUrl, page);
    const resolved = (
      await api.get<{ items: DisputeLine[] }>('/api/dunning/disputes?status=resolved&limit=500')
    ).items.filter((d) => d.source === 'imported');
    expect(resolved.length).toBeGreaterThan(0);
    const summary = page.getByTestId('dispute-summary');
    await summary.waitFor();
    const figures = spaced(await summary.textContent());
    expect(figures).not.toContain('Aucun litige résolu');
    expect(figures).toMatch(/\d+ litiges résolus, délai médian [\d,]+ j/);

    // One customer's disputes: every line is theirs, the settled one among them.
    const [ended] = resolved;
    if (!ended) throw new Error('no resolved imported dispute');
    await page.getByRole('combobox', { name: 'Client' }).fill(ended.customerName);
    await page.getByRole('option', { name: `${ended.customerName} (${ended.customerCode})` }).click();
    const table = page.getByTestId('dunning-disputes');
    const row = table.getByRole('row').filter({ hasText: ended.documentRef });
    await row.waitFor();
    await expect
      .poll(async () =>
        (await table.locator('tbody > tr').allTextContents()).every((line) =>
          line.includes(ended.customerName),
        ),
      )
      .toBe(true);
    expect(await row.textContent()).toContain('Résolu');
    // The case form's date is typed day first.
    expect(await page.getByRole('textbox', { name: 'Réponse attendue le' }).getAttribute('placeholder')).toBe(
      'jj/mm/aaaa',
    );
    await page.screenshot({ path: join(ARTIFACTS, 'walk-disputes.png'), fullPage: true });
    await page.context().close();
  });

  it('tells how to write the amount of a promise, and takes its date day first', async () => {
    const page = await fixture.signIn(USERS.collector, '/dunning/agenda');
    const row = page
      .getByTestId('dunning-agenda')
      .getByRole('row')
      .filter({ has: page.getByRole('button', { name: 'Promesse de paiement' }) })
      .first();
    await row.getByRole('button', { name: 'Promesse de paiement' }).click();
    const when = row.getByRole('textbox', { name: 'Date promise' });
    expect(await when.getAttribute('placeholder')).toBe('jj/mm/aaaa');
    await when.fill('31/07/2026');
    await row.getByRole('button', { name: 'Enregistrer' }).click();
    const problem = row.getByRole('alert');
    await problem.waitFor();
    expect(spaced(await problem.textContent())).toBe('Saisissez un montant positif, par exemple 1 250,00');
    // A minus sign is not taken: an amount promised is positive.
    const amount = row.getByRole('textbox', { name: 'Montant' });
    await amount.pressSequentially('-50');
    expect(await amount.inputValue()).not.toContain('-');
    await row.getByRole('button', { name: 'Annuler' }).click();
    await page.context().close();
  });

  it('names the policy’s steps and templates, within a 1440-pixel screen', async () => {
    const page = await fixture.signIn(USERS.credit_manager, '/dunning/policies');
    await page.setViewportSize({ width: 1440, height: 900 });
    const steps = page.getByTestId('dunning-policy-steps');
    await steps.waitFor();
    // The templates' names come with their list, short enough to be read whole in the field
    // (« Mise en demeure · 45 jours après l’é… » was cut), the full name on hover.
    const template = steps.getByRole('combobox', { name: 'Modèle' }).first();
    await expect.poll(async () => (await template.textContent()) ?? '').toContain('Mise en demeure · J+45');
    expect(await template.getAttribute('title')).toBe(
      'Prévenance (avant échéance) · 5 jours avant l’échéance',
    );
    // biome-ignore lint/performance/useDomNodeTextContent: the rendered text a person reads
    const text = await page.locator('main').innerText();
    for (const code of [
      'reminder_1',
      'formal_notice',
      'dunning.courtesy',
      'dunning.reminder',
      'dunning.call',
    ])
      expect(text).not.toContain(code);
    // The inputs' values are no codes either (the template's code is typed only for « Autre modèle »).
    const values = await steps
      .locator('input')
      .evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
    expect(values.filter((value) => /[a-z]_\d|dunning\./.test(value))).toEqual([]);
    // The policy's code, as a cell of its own (« Politique standard » names it).
    expect(text).not.toMatch(/(^|[\t\n])standard([\t\n]|$)/);
    expect(text).toContain('Politique standard');
    expect(text).toContain('Relance 1 (e-mail)');
    // A call step sends nothing and claims nothing: no interest or indemnity box beside « Aucun ».
    const callRows = steps.getByRole('row').filter({ hasText: 'un appel n’envoie rien' });
    expect(await callRows.count()).toBeGreaterThan(0);
    expect(await callRows.getByRole('checkbox').count()).toBe(0);
    expect(await callRows.first().getByTestId('claim-none').count()).toBe(2);
    const main = await page.locator('main').boundingBox();
    const table = await steps.boundingBox();
    if (!main || !table) throw new Error('no layout');
    expect(table.x + table.width).toBeLessThanOrEqual(main.x + main.width + 1);
    await page.screenshot({ path: join(ARTIFACTS, 'walk-policies.png'), fullPage: true });
    await page.context().close();
  });

  it('filters the audit log by the words it shows', async () => {
    const page = await fixture.signIn(USERS.credit_manager, '/audit');
    const api = pageApi(fixture.baseUrl, page);
    const customers = (await api.get<{ total: number }>('/api/audit?entity=customer&limit=1')).total;
    const system = (await api.get<{ total: number }>('/api/audit?actor=system&limit=1')).total;
    expect(customers).toBeGreaterThan(0);
    const count = page.getByTestId('audit-count');
    await count.waitFor();
    const shown = async () => Number(spaced(await count.textContent()).replace(/\D/g, ''));

    await page.getByTestId('audit-filter-entity').fill('Client');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Filtrer' }).click();
    await expect.poll(shown).toBe(customers);

    await page.getByTestId('audit-filter-entity').fill('');
    await page.getByTestId('audit-filter-actor').fill('Encours (automatique)');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Filtrer' }).click();
    await expect.poll(shown).toBe(system);
    expect(await page.getByRole('textbox', { name: 'Du' }).getAttribute('placeholder')).toBe('jj/mm/aaaa');
    expect(await page.getByRole('textbox', { name: 'Au' }).getAttribute('placeholder')).toBe('jj/mm/aaaa');
    await page.context().close();
  });

  it('says when each token expires, warns of those ending soon and refuses a name in use', async () => {
    const page = await fixture.signIn(USERS.admin, '/admin/tokens');
    const api = pageApi(fixture.baseUrl, page);
    const cookies = await page.context().cookies();
    const csrf = cookies.find((cookie) => cookie.name === 'encours_csrf')?.value ?? '';
    const created = await page.request.post(`${fixture.baseUrl}/api/tokens`, {
      data: { name: 'Connecteur ERP', expiresInDays: 5 },
      headers: { 'x-csrf-token': csrf },
    });
    expect(created.status()).toBe(201);
    await page.reload();
    const table = page.getByTestId('tokens-table');
    await table.waitFor();
    expect(await table.locator('thead').textContent()).toContain('Expire le');
    const row = table.getByRole('row').filter({ hasText: 'Connecteur ERP' });
    expect(await row.textContent()).toContain('Expire dans 5 jours');
    const warning = page.getByTestId('token-expiry-warning');
    expect(spaced(await warning.textContent())).toMatch(
      /\d+ jetons? (expire|expirent) dans moins de 14 jours/,
    );

    await page.getByRole('textbox', { name: 'Nom du jeton' }).fill('Connecteur ERP');
    await page.getByRole('button', { name: 'Créer le jeton' }).click();
    const refused = page.getByRole('alert').filter({ hasText: 'a déjà un jeton' });
    await refused.waitFor();
    expect(spaced(await refused.textContent())).toBe(
      `${USERS.admin} a déjà un jeton d’API actif nommé « Connecteur ERP » : choisissez un autre nom, ou révoquez l’ancien jeton`,
    );
    expect(
      (await api.get<{ name: string }[]>('/api/tokens')).filter((t) => t.name === 'Connecteur ERP'),
    ).toHaveLength(1);
    await page.context().close();
  });

  it('sets the financing rate on the forecast page', async () => {
    const page = await fixture.signIn(USERS.credit_manager, '/forecast');
    const card = page.getByTestId('financing-rate');
    const current = card.getByTestId('financing-rate-current');
    await current.waitFor();
    const before = spaced(await current.textContent());
    await card.getByRole('textbox', { name: 'Nouveau taux annuel' }).fill('4,5');
    await card.getByRole('button', { name: 'Enregistrer le taux' }).click();
    await card.getByRole('status').waitFor();
    expect(spaced(await card.getByRole('status').textContent())).toBe(
      'Taux de financement enregistré : 4,5 % par an.',
    );
    await expect
      .poll(async () => spaced(await current.textContent()))
      .toMatch(/^4,5 % par an — fixé par Claire Moreau le /);
    expect(before).not.toBe(spaced(await current.textContent()));
    // Put back the default's figure, so the other files' figures stay those of 5 %.
    const cookies = await page.context().cookies();
    const csrf = cookies.find((cookie) => cookie.name === 'encours_csrf')?.value ?? '';
    const reset = await page.request.put(`${fixture.baseUrl}/api/company/financing-rate`, {
      data: { rateBps: 500 },
      headers: { 'x-csrf-token': csrf },
    });
    expect(reset.status()).toBe(200);
    await page.context().close();
  });

  it('explains the colours of the payment-behaviour bars, and words an error with its colon spaced', async () => {
    const page = await fixture.signIn(USERS.credit_manager, '/customers/C00001');
    const key = page.getByTestId('payment-behaviour-key');
    await key.waitFor();
    const text = spaced(await key.textContent());
    for (const words of [
      'retard moyen après échéance',
      'à l’heure ou en avance',
      'jusqu’à 30 jours de retard',
      'plus de 30 jours de retard',
    ])
      expect(text).toContain(words);
    await page.goto(`${fixture.baseUrl}/outbox/999999`);
    const error = page.getByTestId('load-error');
    await error.waitFor();
    expect(await error.textContent()).toMatch(/^Une erreur est survenue\u00a0: \S/);
    await page.context().close();
  });
});
