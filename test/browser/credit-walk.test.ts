/**
 * What a walk of the demo's credit pages found wrong, read in French as a person reads it: the
 * held-orders queue and the limit requests disable their decisions for a role the delegation
 * matrix does not name, and say which role may; the risk table writes a limit of zero as « 0 € », compact like its other amounts, not as « — »;
 * the « Procédure » badge and the « Chargé de recouvrement » role are shown whole, not cut.
 * A page whose files an update removed says so instead of staying blank. Photographed to test-artifacts/. Skipped when /usr/bin/chromium is absent.
 */
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ARTIFACTS,
  type BrowserFixture,
  HAS_CHROMIUM,
  openBrowserFixture,
  USERS,
} from './browser-fixture.ts';

let fixture: BrowserFixture;
const spaced = (text: string | null) => (text ?? '').replace(/[\u00a0\u202f]/g, ' ');
/** The over-limit customer of the demo, whose orders wait for the director. */
const OVER_LIMIT = 'Brunet Distribution (C00009)';
/** Its order its salesperson checked and asks a limit for (its two others are held too). */
const HELD_ORDER = 'CMD2026-002270';

/** Whether an element shows all of its text: nothing hidden past its edge (an ellipsis or a clip). */
const wholeText = (locator: Locator) =>
  locator.evaluate((element) => element.scrollWidth <= element.clientWidth);

describe.skipIf(!HAS_CHROMIUM)('the credit pages the walk found wrong', () => {
  beforeAll(async () => {
    fixture = await openBrowserFixture();
  }, 900_000);
  afterAll(async () => {
    await fixture?.close();
  });

  it('disables the decisions of a held order for a role below the one it needs, and says which', async () => {
    const admin = await fixture.signIn(USERS.admin, '/credit/orders');
    const row = admin.getByRole('row').filter({ hasText: OVER_LIMIT }).filter({ hasText: HELD_ORDER });
    await row.waitFor();
    expect(await row.getByRole('button', { name: 'Libérer' }).isDisabled()).toBe(true);
    expect(await row.getByRole('button', { name: 'Refuser' }).isDisabled()).toBe(true);
    expect(await row.getByTestId('decision-refused').textContent()).toBe(
      'Réservé au rôle Direction ou à un rôle supérieur',
    );
    expect(spaced(await row.textContent())).toContain('L’exposition de 44 433,49 € (encours et commandes');
    // The class E customer's three orders the ERP sent wait in the queue too.
    expect(await admin.getByRole('row').filter({ hasText: 'Guérin Négoce (C00162)' }).count()).toBe(3);
    await admin.screenshot({ path: join(ARTIFACTS, 'credit-held-orders-admin.png') });

    const director = await fixture.signIn(USERS.director, '/credit/orders');
    const directorRow = director
      .getByRole('row')
      .filter({ hasText: OVER_LIMIT })
      .filter({ hasText: HELD_ORDER });
    await directorRow.waitFor();
    expect(await directorRow.getByRole('button', { name: 'Libérer' }).isEnabled()).toBe(true);
    expect(await directorRow.getByTestId('decision-refused').count()).toBe(0);
  });

  it('disables the decisions of a limit request for a role below the one it needs, and says which', async () => {
    // The demo's request, made by the salesperson of the over-limit customer for its held order.
    const demoRequest = (page: Page) =>
      page
        .getByRole('row')
        .filter({ hasText: OVER_LIMIT })
        .filter({ hasText: 'Les volumes ont plus que doublé' });
    const admin = await fixture.signIn(USERS.admin, '/credit/limit-requests');
    const row = demoRequest(admin);
    await row.waitFor();
    expect(await row.getByRole('button', { name: 'Approuver' }).isDisabled()).toBe(true);
    expect(await row.getByRole('button', { name: 'Refuser' }).isDisabled()).toBe(true);
    expect(await row.getByRole('textbox', { name: 'Commentaire' }).isDisabled()).toBe(true);
    expect(await row.getByTestId('decision-refused').textContent()).toBe(
      'Réservé au rôle Direction ou à un rôle supérieur',
    );
    await admin.screenshot({ path: join(ARTIFACTS, 'credit-limit-requests-admin.png') });

    const director = await fixture.signIn(USERS.director, '/credit/limit-requests');
    const directorRow = demoRequest(director);
    await directorRow.waitFor();
    expect(await directorRow.getByRole('button', { name: 'Approuver' }).isEnabled()).toBe(true);
    expect(await directorRow.getByTestId('decision-refused').count()).toBe(0);
    await director.screenshot({ path: join(ARTIFACTS, 'credit-limit-requests-director.png') });
  });

  it('writes a limit of zero as 0 € and the proceedings badge whole on the risk table', async () => {
    const page = await fixture.signIn(USERS.credit_manager, '/risk');
    const row = page.getByTestId('risk-table').getByRole('row').filter({ hasText: 'C00105' });
    await row.waitFor();
    // The columns: customer, balance, overdue, four age buckets, limit…
    const limit = row.getByRole('cell').nth(7);
    // Compact like the table's other amounts (« 100 k € »): « 0,00 € » stood out among them.
    expect(spaced(await limit.textContent())).toBe('0 €');
    // The badge's label, which Mantine cuts with an ellipsis when its column is too narrow.
    const badge = row.getByText('Procédure', { exact: true });
    expect(await wholeText(badge)).toBe(true);
    expect(await row.getByTitle('Procédure collective en cours').count()).toBe(1);
    await row.screenshot({ path: join(ARTIFACTS, 'credit-risk-row-zero-limit.png') });
  });

  it('shows the collector’s role whole in the users page', async () => {
    const page = await fixture.signIn(USERS.admin, '/admin/users');
    const role = page.getByRole('combobox', { name: 'Rôle — Julien Petit', exact: true });
    await role.waitFor();
    expect(await role.inputValue()).toBe('Chargé de recouvrement');
    expect(await wholeText(role)).toBe(true);
    const newRole = page.getByRole('combobox', { name: 'Rôle', exact: true });
    expect(await newRole.inputValue()).toBe('Chargé de recouvrement');
    expect(await wholeText(newRole)).toBe(true);
    await page.screenshot({ path: join(ARTIFACTS, 'admin-users-roles.png') });
  });

  it('says the app was updated, rather than a blank page, when a page’s files are gone', async () => {
    const page = await fixture.signIn(USERS.admin, '/customers');
    await page.getByRole('table').first().waitFor();
    // As after an update: the pages not loaded yet ask for files the server no longer has.
    await page.route('**/assets/**', (route) => route.fulfill({ status: 404, body: '' }));
    await page.evaluate(() => {
      window.history.pushState({}, '', '/dunning/rates');
      window.dispatchEvent(new PopStateEvent('popstate'));
    });
    const failed = page.getByTestId('page-failed');
    await failed.waitFor();
    expect(spaced(await failed.textContent())).toContain(
      'Encours a été mis à jour depuis l’ouverture de cet onglet : rechargez la page pour continuer.',
    );
    expect(await failed.getByRole('button', { name: 'Recharger la page' }).count()).toBe(1);
    await page.screenshot({ path: join(ARTIFACTS, 'page-updated.png') });
  });
});
