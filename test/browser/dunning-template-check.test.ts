/**
 * The templates page says what is wrong with a draft as the server words it: a misspelt variable is
 * a warning beside the live preview (the preview prints it as nothing), and saving the draft is
 * refused with each problem on its line. Nothing is saved: the shared demo database is left as it
 * was. Skipped when /usr/bin/chromium is absent.
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

let fixture: BrowserFixture;
const SLOW = { timeout: 120_000 };
const MISSPELT = 'Variable inconnue customer.nmae (ligne 2), vouliez-vous dire customer.name\u00a0?';

describe.skipIf(!HAS_CHROMIUM)('a template with a misspelt variable', () => {
  beforeAll(async () => {
    fixture = await openBrowserFixture();
  }, 900_000);
  afterAll(async () => {
    await fixture?.close();
  });

  it('warns beside the preview and refuses the save, naming the variable and its line', async () => {
    const page = await fixture.signIn(USERS.credit_manager, '/dunning/templates');
    const templates = page.getByTestId('dunning-templates');
    await templates.waitFor(SLOW);
    await templates
      .getByRole('row', { name: /Relance.*E-mail.*Français/ })
      .first()
      .click();
    const editor = page.getByRole('textbox').first();
    await expect.poll(() => editor.inputValue(), SLOW).toMatch(/^## subject\n/);
    const shipped = await editor.inputValue();
    await editor.fill(shipped.replace(/^## subject\n[^\n]*/, '## subject\nRelance {{ customer.nmae }}'));

    const warnings = page.getByTestId('dunning-template-warnings');
    await expect.poll(() => warnings.textContent(), SLOW).toContain(MISSPELT);
    expect(await warnings.textContent()).toContain('À corriger avant le prochain enregistrement');

    await page.getByRole('button', { name: 'Enregistrer une nouvelle version' }).click();
    const refusal = page.getByRole('alert').filter({ hasText: 'Le modèle n’est pas enregistré' });
    await refusal.waitFor(SLOW);
    // biome-ignore lint/performance/useDomNodeTextContent: the lines as shown (one problem a line)
    expect(await refusal.innerText()).toBe(`Le modèle n’est pas enregistré\u00a0:\n${MISSPELT}`);
    await page.screenshot({ path: join(ARTIFACTS, 'dunning-template-check.png'), fullPage: true });
    await page.context().close();
  });
});
