/**
 * The legal area as a French credit department uses it. « Procédures collectives » lists the demo's
 * Traiteur Durand, in receivership by its status and story (no BODACC announcement): its claim with
 * the judgment, its publication, the court and the mandataire the story words, the invoices from
 * before the judgment, the indemnities in the total and the deadline from the publication; the
 * collector sees the action disabled with the reason, the credit manager finds the preparation
 * filled in from the story, is told the mandataire's address is missing, gives it, and records the
 * claim as declared. On the
 * write-offs page, a collector proposes writing off an old invoice from its provision line; the
 * proposal waits with its decision buttons disabled for its proposer, and for the credit manager as
 * the delegation matrix says; from the page's button, a customer chosen by name shows its open
 * invoices. What is recorded is read back from the API. Skipped when
 * /usr/bin/chromium is absent.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatMoney } from '#text/format';
import type { ClaimListResponse } from '../../src/http/schemas/legal-claims.ts';
import type { ProvisionResponse, WriteOffListResponse } from '../../src/http/schemas/write-offs.ts';
import {
  ARTIFACTS,
  type BrowserFixture,
  HAS_CHROMIUM,
  NAV_START,
  openBrowserFixture,
  USERS,
} from './browser-fixture.ts';
import { pageApi } from './page-api.ts';

const DURAND = 'C00105';
/** Customers the other browser files read or write (dunning-history.test.ts): left alone here. */
const ELSEWHERE = new Set(['C00001', 'C00006', 'C00009', 'C00105', 'C00162', 'C00289']);
const spaced = (text: string | null) => (text ?? '').replace(/[\u00a0\u202f]/g, ' ');

let fixture: BrowserFixture;

describe.skipIf(!HAS_CHROMIUM)('collective procedures and write-offs', () => {
  beforeAll(async () => {
    fixture = await openBrowserFixture();
  }, 900_000);
  afterAll(async () => {
    await fixture?.close();
  });

  it('shows Traiteur Durand’s claim; the collector may not act, the credit manager declares it', async () => {
    const collector = await fixture.signIn(USERS.collector, '/legal/proceedings');
    const seen = collector.getByTestId(`claim-${DURAND}`);
    await seen.waitFor();
    expect(await seen.getByRole('button', { name: 'Préparer la déclaration' }).isDisabled()).toBe(true);
    expect(await seen.getByTestId('claim-refused').textContent()).toBe(
      'Réservé au service crédit (responsable crédit, administrateur)',
    );

    const page = await fixture.signIn(USERS.credit_manager, NAV_START);
    await page.getByRole('link', { name: 'Procédures collectives' }).click();
    const row = page.getByTestId(`claim-${DURAND}`);
    await row.waitFor();
    const api = pageApi(fixture.baseUrl, page);
    const [claim] = (await api.get<ClaimListResponse>(`/api/legal/claims?customer=${DURAND}`)).items;
    expect(claim).toMatchObject({ claimId: null, source: 'story', deadline: '2026-07-15' });
    const text = spaced(await row.textContent());
    expect(text).toContain('Redressement judiciaire');
    // The story's line is dated by the publication: the judgment's own date is in its words.
    expect(text).toContain('jugement du 12/05/2026, d’après l’historique, publié au BODACC le 14/05/2026');
    expect(text).toContain('Tribunal de commerce de Saint-Étienne');
    expect(text).toContain('Mandataire judiciaire : Me ');
    expect(spaced(await row.getByTestId('claim-total').textContent())).toBe(
      spaced(formatMoney('fr', claim!.totalMinor, 'EUR')),
    );
    const cash = (minor: number) => spaced(formatMoney('fr', minor, 'EUR'));
    expect(text).toContain(
      `5 factures antérieures au jugement : principal ${cash(claim!.principalMinor)}, intérêts ${cash(claim!.interestMinor)}, indemnités forfaitaires ${cash(claim!.indemnityMinor)}`,
    );
    expect(claim!.totalMinor).toBe(claim!.principalMinor + claim!.interestMinor + claim!.indemnityMinor);
    expect(await row.getByTestId('claim-deadline').textContent()).toBe('15/07/2026');
    // The days left are read whole, as the catalogue words them, not cut to « 15 JOURS R… ».
    const daysLeft = row.getByTestId('claim-days');
    expect(spaced(await daysLeft.textContent())).toBe('15 jours restants');
    expect(
      await daysLeft.evaluate((badge) => {
        const boxes = [badge, ...Array.from(badge.querySelectorAll('*'))];
        return {
          cased: boxes.map((box) => getComputedStyle(box).textTransform).filter((t) => t !== 'none'),
          cut: boxes.filter((box) => box.scrollWidth > box.clientWidth).length,
        };
      }),
    ).toEqual({ cased: [], cut: 0 });
    expect(await row.getByTestId('deadline-estimated').count()).toBe(0);
    // No BODACC watch scheduled in the demo: the page says where its procedures come from.
    expect(await page.getByTestId('bodacc-watch').textContent()).toMatch(/^Veille BODACC non programmée/);
    await page.screenshot({ path: join(ARTIFACTS, 'legal-proceedings.png'), fullPage: true });

    await row.getByRole('button', { name: 'Préparer la déclaration' }).click();
    const prepare = page.getByTestId('prepare-claim');
    // Filled in from the story: the judgment's date apart from its publication's, the mandataire.
    expect(await prepare.getByLabel('Date du jugement d’ouverture').inputValue()).toBe('12/05/2026');
    expect(await prepare.getByLabel('Date de publication au BODACC (si connue)').inputValue()).toBe(
      '14/05/2026',
    );
    expect(await prepare.getByLabel('Mandataire judiciaire').inputValue()).toBe(claim!.mandataire);
    expect(spaced(await prepare.getByTestId('claim-court').textContent())).toBe(
      'Tribunal : Tribunal de commerce de Saint-Étienne.',
    );
    expect(spaced(await prepare.getByTestId('mandataire-missing').textContent())).toMatch(
      /^Adresse du mandataire inconnue/,
    );
    await prepare.getByLabel('Mandataire judiciaire').fill('Me François');
    await prepare.getByLabel('Adresse du mandataire').fill('12 rue Michelet\n42000 Saint-Étienne');
    expect(await prepare.getByTestId('mandataire-missing').count()).toBe(0);
    await page.screenshot({ path: join(ARTIFACTS, 'legal-proceedings-prepare.png') });
    await prepare.getByRole('button', { name: 'Préparer la déclaration' }).click();
    await prepare.waitFor({ state: 'detached' });
    const [prepared] = (await api.get<ClaimListResponse>(`/api/legal/claims?customer=${DURAND}`)).items;
    expect(prepared).toMatchObject({
      source: 'prepared',
      judgmentDate: '2026-05-12',
      publicationDate: '2026-05-14',
      deadlineEstimated: false,
      mandataire: 'Me François',
      mandataireAddress: '12 rue Michelet\n42000 Saint-Étienne',
      status: 'to_declare',
      totalMinor: claim!.totalMinor,
    });
    expect(spaced(await page.getByTestId('claims-notice').textContent())).toBe(
      `Déclaration n° ${prepared!.claimId} préparée : à envoyer au plus tard le 15/07/2026.`,
    );
    await row.getByRole('button', { name: 'Lettre de déclaration (PDF)' }).waitFor();

    await row.getByRole('button', { name: 'Enregistrer comme déclarée' }).click();
    const declare = page.getByTestId('declare-claim');
    expect(await declare.getByLabel('Date d’envoi de la déclaration').inputValue()).toBe('30/06/2026');
    await declare.getByRole('button', { name: 'Enregistrer comme déclarée' }).click();
    await declare.waitFor({ state: 'detached' });
    await row.getByText('déclarée le 30/06/2026').waitFor();
    const [declared] = (await api.get<ClaimListResponse>(`/api/legal/claims?customer=${DURAND}`)).items;
    expect(declared).toMatchObject({ status: 'declared', declaredOn: '2026-06-30' });
    await page.screenshot({ path: join(ARTIFACTS, 'legal-proceedings-declared.png'), fullPage: true });
  });

  it('proposes a write-off from a provision line; its proposer may not decide it', async () => {
    const page = await fixture.signIn(USERS.collector, '/write-offs');
    const api = pageApi(fixture.baseUrl, page);
    const provision = await api.get<ProvisionResponse>('/api/provision');
    // The page's first page of lines, largest provision first: an invoice too old to collect.
    const shown = [...provision.lines]
      .sort((a, b) => b.provisionMinor - a.provisionMinor || a.ref.localeCompare(b.ref))
      .slice(0, 25);
    const line = shown.find((l) => l.basis === 'age' && !ELSEWHERE.has(l.customerCode));
    if (!line) throw new Error('no old invoice among the largest provisions');
    await page.getByTestId(`propose-${line.ref}`).click();
    const form = page.getByTestId('writeoff-proposal');
    await form.getByRole('checkbox', { name: line.ref }).waitFor();
    expect(await form.getByRole('checkbox', { name: line.ref }).isChecked()).toBe(true);
    expect(await form.getByRole('combobox', { name: 'Motif' }).inputValue()).toBe('créance irrécouvrable');
    expect(spaced(await form.getByTestId('writeoff-total').textContent())).toBe(
      `Total proposé : ${spaced(formatMoney('fr', line.openMinor, line.currency))} (1 facture)`,
    );
    await form
      .getByRole('textbox', { name: 'Justification' })
      .fill('Client injoignable, relances sans effet');
    await page.screenshot({ path: join(ARTIFACTS, 'writeoff-proposal.png') });
    await form.getByRole('button', { name: 'Proposer', exact: true }).click();
    await form.waitFor({ state: 'detached' });

    const listed = await api.get<WriteOffListResponse>(`/api/write-offs?customer=${line.customerCode}`);
    const proposal = listed.items.find((w) => w.items.some((item) => item.ref === line.ref));
    expect(proposal).toMatchObject({
      status: 'proposed',
      reasonCode: 'uncollectable',
      amountMinor: line.openMinor,
      mayDecide: false,
      decisionRefusal: 'own_proposal',
    });
    expect(await page.getByTestId('writeoff-message').textContent()).toMatch(
      new RegExp(`^Proposition n°.${proposal!.proposalId} enregistrée`),
    );
    const row = page
      .getByTestId('write-offs-table')
      .first()
      .getByRole('row', { name: new RegExp(line.ref) });
    expect(await row.getByRole('button', { name: 'Approuver' }).isDisabled()).toBe(true);
    expect(await row.getByTestId('writeoff-refused').textContent()).toBe(
      'Vous l’avez proposé\u00a0: une autre personne décide',
    );
    await page.screenshot({ path: join(ARTIFACTS, 'writeoff-proposed.png'), fullPage: true });

    // The credit manager: the buttons follow what the API says of their role for this amount.
    const manager = await fixture.signIn(USERS.credit_manager, '/write-offs');
    const seen = (
      await pageApi(fixture.baseUrl, manager).get<WriteOffListResponse>('/api/write-offs')
    ).items.find((w) => w.proposalId === proposal!.proposalId)!;
    const managerRow = manager
      .getByTestId('write-offs-table')
      .first()
      .getByRole('row', { name: new RegExp(line.ref) });
    await managerRow.waitFor();
    expect(await managerRow.getByRole('button', { name: 'Approuver' }).isEnabled()).toBe(seen.mayDecide);

    // From the page's button: a customer chosen by name shows its open invoices.
    await page.getByTestId('propose-write-off').click();
    await form.getByRole('combobox', { name: 'Client' }).fill(line.customerName.slice(0, 8));
    await page.getByRole('option', { name: new RegExp(line.customerCode) }).click();
    await form.getByRole('checkbox', { name: line.ref }).waitFor();
    await form.getByRole('button', { name: 'Annuler' }).click();
    await form.waitFor({ state: 'detached' });
  });
});
