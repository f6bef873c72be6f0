/**
 * The demo company's dunning run as of its reference date (mission: « lettres de relance aux
 * clients concernés »): its late payers get letters, the disputed invoice and the receivership
 * customer are left out (the latter gets a claim task), the same day twice sends nothing, and the
 * agenda ranks the day's work with its reasons. The letter is read by poppler's pdftotext: that test
 * is skipped when it is absent (.ci/run installs poppler-utils).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '#app/context';
import { generateDemoDataset } from '#app/demo/demo';
import { getAgenda } from '#app/dunning/agenda';
import { executeDunningRun } from '#app/dunning/execute-run';
import type { DunningRunView } from '#app/dunning/plan-run';
import { getLetter, listCallTasks } from '#app/dunning/queries';
import { DEMO_AS_OF, type DemoDataset } from '#demo/index';
import { HAS_POPPLER, oneLine, pdfText } from '../support/poppler.ts';
import { openDemoTestDatabase, type TestDatabase } from '../support/test-db.ts';

let database: TestDatabase;
let ctx: AppContext;
let demo: DemoDataset;
let run: DunningRunView;

const situation = (kind: string) => demo.manifest.situations.find((s) => s.kind === kind);

beforeAll(async () => {
  database = await openDemoTestDatabase();
  ctx = database.context('CB2C', DEMO_AS_OF);
  demo = generateDemoDataset();
  run = await executeDunningRun(ctx, {});
}, 600_000);
afterAll(async () => database?.close());

describe('the demo company’s dunning run on its reference date', () => {
  it('writes letters to its late payers, the chronic one included, with interest and indemnity', () => {
    expect(run.asOf).toBe(DEMO_AS_OF);
    const letters = run.actions.filter((a) => a.channel === 'letter' || a.channel === 'registered_letter');
    expect(letters.length).toBeGreaterThan(20);
    for (const letter of letters) {
      expect(letter.letterId).not.toBeNull();
      expect(letter.totalDueMinor).toBeGreaterThan(0);
      expect(letter.indemnityMinor).toBeGreaterThan(0);
    }
    // Never reminded, however late its invoices, the chronic late payer gets its first reminder: a
    // formal notice is never the first contact (it used to get one straight away).
    const chronic = situation('chronic_late_never_reminded')?.customerCode;
    const chronicActions = run.actions.filter((a) => a.customerCode === chronic);
    expect(chronicActions.map((a) => [a.step, a.items.every((i) => i.fromLevel === 0)])).toEqual([
      ['reminder_1', true],
    ]);
    expect(run.batchLetterId).not.toBeNull();
  });

  it('leaves out the disputed invoice and the customer in receivership, which gets a claim task', async () => {
    const disputed = situation('dispute')?.documentRef;
    expect(run.actions.flatMap((a) => a.items.map((i) => i.documentRef))).not.toContain(disputed);
    expect(run.skipped.find((s) => s.documentRef === disputed)?.reason).toBe('disputed');
    const receivership = situation('receivership')?.customerCode;
    expect(run.actions.filter((a) => a.customerCode === receivership)).toEqual([]);
    const tasks = await listCallTasks(ctx, { status: 'open', limit: 1000 });
    expect(tasks.total).toBe(tasks.items.length);
    expect(tasks.items.filter((t) => t.kind === 'declare_claim').map((t) => t.customerCode)).toEqual([
      receivership,
    ]);
  });

  it.skipIf(!HAS_POPPLER)('prints a letter with the French legal mentions and no raw code', async () => {
    const letter = run.actions.find((a) => a.stepKind === 'formal_notice');
    const { content } = await getLetter(ctx, letter?.letterId ?? 0);
    const text = oneLine(pdfText(content));
    expect(text).toContain('SA CB2C');
    expect(text).toContain('Lyon, le 30 juin 2026');
    expect(text).toContain('Mise en demeure de payer');
    expect(text).toMatch(/L441-10.*D441-5/);
    expect(text).not.toMatch(/formal_notice|registered_letter|Minor/);
  });

  it('sends nothing new when run again the same day', async () => {
    const again = await executeDunningRun(ctx, {});
    expect(again.actions).toEqual([]);
  });

  it('ranks the collector’s day with reasons', async () => {
    const agenda = await getAgenda(ctx, { lang: 'fr' });
    expect(agenda.entries.length).toBeGreaterThan(10);
    const [first, second] = agenda.entries;
    expect(first?.rank).toBe(1);
    expect(first?.scorePoints).toBeGreaterThanOrEqual(second?.scorePoints ?? 0);
    expect(first?.reasons.some((r) => r.startsWith('Montant échu'))).toBe(true);
  });
});
