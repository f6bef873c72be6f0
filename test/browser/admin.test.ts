/**
 * Administration in Chromium: the admin creates a user, changes its role, disables it, creates an
 * API token (secret shown once) and revokes it; the audit log lists those writes; a salesperson
 * sees none of these pages. Screenshots at laptop size go to test-artifacts/.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ARTIFACTS,
  type BrowserFixture,
  HAS_CHROMIUM,
  NAV_START,
  openBrowserFixture,
  USERS,
} from './browser-fixture.ts';

let fixture: BrowserFixture;
const nav = (page: Page, name: string) => page.getByRole('navigation').getByRole('link', { name });

describe.skipIf(!HAS_CHROMIUM)('administration in Chromium', () => {
  beforeAll(async () => {
    fixture = await openBrowserFixture();
    // The fork's first browser file opens what they share (test database, server, Chromium), and builds
    // the web app if stale: minutes on a loaded machine, a limit, not a timing.
  }, 900_000);
  afterAll(async () => {
    await fixture?.close();
  });

  it('creates a user, changes its role and disables it', async () => {
    const page = await fixture.signIn(USERS.admin, NAV_START);
    await page.setViewportSize({ width: 1366, height: 768 });
    await nav(page, 'Utilisateurs').click();
    await page.getByTestId('users-table').waitFor();
    await page.getByLabel('Adresse e-mail').fill('nina.roux@cb2c.example');
    await page.getByRole('textbox', { name: /^Nom/ }).fill('Nina Roux');
    await page.getByRole('textbox', { name: 'Mot de passe' }).fill('un-mot-de-passe-long');
    await page.getByRole('button', { name: 'Créer l’utilisateur' }).click();
    const row = page.getByTestId('user-nina.roux@cb2c.example');
    await row.waitFor();
    expect(await row.textContent()).toContain('Actif');
    await row.getByRole('combobox').first().click();
    await page.getByRole('option', { name: 'Direction' }).click();
    await expect.poll(() => page.getByTestId('users-message').textContent()).toContain('mis à jour');
    await row.getByRole('button', { name: /Désactiver/ }).click();
    await expect.poll(() => row.textContent()).toContain('Désactivé');
    await page.screenshot({ path: join(ARTIFACTS, 'admin-users.png'), fullPage: true });
    const accounts = await (await page.request.get(`${fixture.baseUrl}/api/users`)).json();
    expect(accounts).toContainEqual(
      expect.objectContaining({ email: 'nina.roux@cb2c.example', role: 'director', disabled: true }),
    );
    await page.context().close();
  });

  it('creates an API token, shows its secret once, and revokes it', async () => {
    const page = await fixture.signIn(USERS.admin, NAV_START);
    await page.setViewportSize({ width: 1366, height: 768 });
    await nav(page, 'Jetons d’API').click();
    await page.getByTestId('tokens-table').waitFor();
    await page.getByLabel('Nom du jeton').fill('ERP nightly');
    await page.getByRole('button', { name: 'Créer le jeton' }).click();
    const secret = await page.getByTestId('token-value').textContent();
    expect(secret).toMatch(/^enc_/);
    const me = await page.request.get(`${fixture.baseUrl}/api/auth/me`, {
      headers: { authorization: `Bearer ${secret}` },
    });
    expect(me.status()).toBe(200);
    await page.screenshot({ path: join(ARTIFACTS, 'admin-tokens.png'), fullPage: true });
    await page.getByRole('button', { name: 'Révoquer le jeton ERP nightly' }).click();
    await expect.poll(() => page.getByTestId('tokens-table').textContent()).toMatch(/ERP nightly.*Révoqué/);
    await page.context().close();
  });

  it('edits the company identity printed on documents', async () => {
    const page = await fixture.signIn(USERS.admin, NAV_START);
    await page.setViewportSize({ width: 1366, height: 768 });
    await nav(page, 'Société').click();
    await page.getByTestId('company-identity-form').waitFor();
    await page.getByLabel('Ville').fill('Villeurbanne');
    await page.getByTestId('company-identity-form').getByRole('button', { name: 'Enregistrer' }).click();
    await expect.poll(() => page.getByTestId('company-message').textContent()).toContain('enregistrée');
    await page.screenshot({ path: join(ARTIFACTS, 'admin-company.png'), fullPage: true });
    const identity = await (await page.request.get(`${fixture.baseUrl}/api/company/identity`)).json();
    expect(identity.city).toBe('Villeurbanne');
    await page.context().close();
  });

  it('lists the audit log with filters', async () => {
    const page = await fixture.signIn(USERS.credit_manager, NAV_START);
    await page.setViewportSize({ width: 1366, height: 768 });
    await nav(page, 'Journal d’audit').click();
    await page.getByTestId('audit-table').locator('tbody tr').first().waitFor();
    expect(await page.getByTestId('audit-table').textContent()).toContain('nina.roux@cb2c.example');
    await page.getByTestId('audit-filter-actor').fill('nobody@cb2c.example');
    await page.getByRole('button', { name: 'Filtrer' }).click();
    await expect.poll(() => page.getByTestId('audit-count').textContent()).toBe('aucune entrée');
    await page.getByTestId('audit-filter-actor').fill('');
    await page.getByRole('button', { name: 'Filtrer' }).click();
    await page.getByTestId('audit-table').locator('tbody tr').first().waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'audit-log.png'), fullPage: true });
    expect(await nav(page, 'Utilisateurs').count()).toBe(0);
    await page.context().close();
  });

  it('shows no administration page to a salesperson', async () => {
    const page = await fixture.signIn(USERS.salesperson);
    await page.getByTestId('kpi-outstanding').waitFor();
    for (const name of ['Utilisateurs', 'Jetons d’API', 'Société', 'Journal d’audit'])
      expect(await nav(page, name).count()).toBe(0);
    for (const path of ['/admin/users', '/admin/tokens', '/admin/company', '/audit']) {
      await page.goto(`${fixture.baseUrl}${path}`);
      await page.getByTestId('forbidden').waitFor();
    }
    await page.screenshot({ path: join(ARTIFACTS, 'salesperson-admin-forbidden.png') });
    await page.context().close();
  });
});
