/**
 * A run awaiting approval on the run page, in French: the credit manager switches the review
 * before sending on and off (before a preview, the send button names what it will do), sees the
 * pending proposal first (its date, counts and amount as money, never minor units, its author by
 * name) with the review table and its grand total to choose customers, and rejects it with a reason.
 * Nothing is sent: the shared demo database stays as the other files of the fork expect it.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rejectRunProposal } from '#app/dunning/proposal-decisions';
import { getRunProposal, listRunProposals, proposeDunningRun } from '#app/dunning/run-proposals';
import { getDunningSettings } from '#app/dunning/settings';
import { COLLECTOR_NAME } from '#demo/demo-users';
import { formatDate, formatMoney } from '#text/format';
import { type BrowserFixture, HAS_CHROMIUM, openBrowserFixture, USERS } from './browser-fixture.ts';
import { RAW_CODES, rawCodesIn } from './page-text.ts';

const SLOW = { timeout: 120_000 };

let fixture: BrowserFixture;
let page: Page;
const ctx = () => fixture.database.context('CB2C');

describe.skipIf(!HAS_CHROMIUM)('a run awaiting approval, in French', () => {
  beforeAll(async () => {
    fixture = await openBrowserFixture();
  }, 900_000);
  afterAll(async () => {
    // A proposal left pending by a failure would come first on the run page of the next files.
    for (const left of await listRunProposals(ctx(), { status: 'pending' }))
      await rejectRunProposal(ctx(), { proposalId: left.proposalId });
    await fixture?.close();
  });

  it('switches the review before sending, shows the pending proposal first and rejects it', async () => {
    // Proposed by a colleague (as a run started from the page is): the panel names them.
    const { proposal } = await proposeDunningRun({ ...ctx(), actor: USERS.collector });
    if (!proposal) throw new Error('the demo company has reminders due on its reference date');
    page = await fixture.signIn(USERS.credit_manager, '/dunning/run');
    page.setDefaultTimeout(SLOW.timeout);

    const setting = page.getByRole('switch', { name: 'Valider les relances avant envoi' });
    await setting.waitFor();
    expect(await setting.isChecked()).toBe(false);
    // Nothing previewed yet: the button says what it will do (not « nothing to send ») and waits.
    const sendButton = page.getByTestId('dunning-send-selected');
    expect(await sendButton.textContent()).toBe('Envoyer la sélection');
    expect(await sendButton.isDisabled()).toBe(true);
    await setting.click();
    await expect.poll(async () => (await getDunningSettings(ctx())).reviewBeforeSending, SLOW).toBe(true);
    // While the company reviews, the page proposes the selection for approval: it never sends it.
    await expect.poll(() => sendButton.textContent(), SLOW).toBe('Proposer la sélection à la validation');
    await setting.click();
    await expect.poll(async () => (await getDunningSettings(ctx())).reviewBeforeSending, SLOW).toBe(false);
    await expect.poll(() => sendButton.textContent(), SLOW).toBe('Envoyer la sélection');

    const panel = page.getByTestId('dunning-proposal');
    await panel.getByTestId('dunning-run').waitFor();
    const summary = (await panel.getByTestId('dunning-proposal-summary').textContent()) ?? '';
    const total = proposal.totals[0];
    expect(summary).toContain(`Campagne du ${formatDate('fr', proposal.asOf)}`);
    expect(summary).toContain(`${formatMoney('fr', total?.totalDueMinor ?? 0, 'EUR')} à recouvrer.`);
    expect(summary).not.toContain(String(total?.totalDueMinor));
    // Its author by name, from the directory of colleagues; the e-mail only behind it.
    const author = panel.getByTestId('dunning-proposal-author');
    await expect.poll(() => author.textContent(), SLOW).toContain(`par ${COLLECTOR_NAME}.`);
    expect((await author.textContent()) ?? '').not.toContain(USERS.collector);
    expect(await author.getAttribute('title')).toBe(USERS.collector);
    // The review's grand total: every customer chosen, the amount the summary gives.
    const grandTotal = panel.getByTestId('dunning-run-grand-total');
    expect((await grandTotal.getByTestId('dunning-run-total-customers').textContent()) ?? '').toBe(
      `Clients${proposal.customers}`,
    );
    expect((await grandTotal.getByTestId('dunning-run-total-due').textContent()) ?? '').toBe(
      `Total à recouvrer${formatMoney('fr', total?.totalDueMinor ?? 0, 'EUR')}`,
    );
    const detail = await getRunProposal(ctx(), proposal.proposalId);
    expect((await panel.getByTestId('dunning-proposal-approve').textContent()) ?? '').toBe(
      `Valider et envoyer aux ${detail.customerCodes.length} clients sélectionnés`,
    );
    // biome-ignore lint/performance/useDomNodeTextContent: the rendered text a person reads
    expect(rawCodesIn(await panel.innerText(), [...RAW_CODES, 'call_task', 'reminder_1'])).toEqual([]);

    await panel.getByRole('button', { name: 'Refuser', exact: true }).click();
    await page.getByLabel('Motif du refus (facultatif)').fill('Relevés bancaires à rapprocher d’abord');
    await page.getByTestId('dunning-proposal-reject-confirm').click();
    await page.getByText('Relances refusées.').waitFor();
    // The list of pending proposals is read again: the decided one goes.
    await expect.poll(() => panel.count(), SLOW).toBe(0);
    expect((await getRunProposal(ctx(), proposal.proposalId)).decisionNote).toBe(
      'Relevés bancaires à rapprocher d’abord',
    );
  }, 300_000);
});
