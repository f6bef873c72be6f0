/**
 * A letter kept as data until its PDF is needed (a run's letter, an e-mail's statement: migration
 * 0028), in the PDF pool's job `{ kind: 'letters', models }`. A run stores one per letter, and the
 * invoice lines with their interest periods were two thirds of each (about 28 periods of 8 lines
 * a letter at 1,000,000 open items, each period an object repeating its seven key names): the
 * lines are stored as arrays of values, in a fixed order, instead of objects. Reading expands them
 * back to the renderer's model, so the PDF is the one the objects gave; a job stored before (lines
 * as objects) reads as it was.
 */
import type { LetterInterestPeriod, LetterItem, LetterModel } from './letter-model.ts';

/** A period as stored: from, to, days, open amount, rate. */
type PeriodValues = [string, string, number, number, number];

/**
 * A line as stored: reference, issue date, due date, amount, open amount, days late, interest
 * claimed (null: none at this step), indemnity, periods.
 */
type LineValues = [string, string, string, number, number, number, number | null, number, PeriodValues[]];

/** A model as stored: its lines as values (`lines`) in place of `items`. */
type StoredModel = Omit<LetterModel, 'items'> & { lines: LineValues[] };

export interface LettersJob {
  kind: 'letters';
  models: unknown[];
}

function linesOf(items: readonly LetterItem[]): LineValues[] {
  return items.map((item) => [
    item.documentRef,
    item.issueDate,
    item.dueDate,
    item.amountMinor,
    item.openMinor,
    item.daysLate,
    item.interestMinor,
    item.indemnityMinor,
    // Only what the letter prints of a period (the interest computation's own fields stay out).
    item.periods.map((p): PeriodValues => [p.from, p.to, p.days, p.openMinor, p.rateBps]),
  ]);
}

function itemsOf(lines: readonly LineValues[]): LetterItem[] {
  return lines.map(
    ([
      documentRef,
      issueDate,
      dueDate,
      amountMinor,
      openMinor,
      daysLate,
      interestMinor,
      indemnityMinor,
      periods,
    ]) => ({
      documentRef,
      issueDate,
      dueDate,
      amountMinor,
      openMinor,
      daysLate,
      interestMinor,
      indemnityMinor,
      periods: periods.map(
        ([from, to, days, periodOpenMinor, rateBps]): LetterInterestPeriod => ({
          from,
          to,
          days,
          openMinor: periodOpenMinor,
          rateBps,
        }),
      ),
    }),
  );
}

/** The job that stores these letters, their lines as values. */
export function lettersJob(models: readonly LetterModel[]): LettersJob {
  return {
    kind: 'letters',
    models: models.map(({ items, ...rest }): StoredModel => ({ ...rest, lines: linesOf(items) })),
  };
}

/**
 * The job's JSON text as UTF-8 bytes (what `JSON.stringify` writes of `lettersJob(models)`): a
 * run holds its slice's letters until they are stored, and bytes outside the heap cost the
 * garbage collector nothing to keep, where the objects and the text were copied at each of its
 * young-generation passes (a quarter of the run's process time went to collecting).
 */
export function encodedLettersJob(models: readonly LetterModel[]): Uint8Array {
  return Buffer.from(JSON.stringify(lettersJob(models)));
}

/** The renderer's models of a stored job (lines as values, or as objects in a job stored before). */
export function modelsOfJob(job: unknown): LetterModel[] {
  const value = job as { kind?: unknown; models?: unknown } | null;
  if (value?.kind !== 'letters' || !Array.isArray(value.models))
    throw new Error('a stored PDF job must be { kind: "letters", models: [...] }');
  return value.models.map((model: StoredModel | LetterModel) => {
    if (!('lines' in model)) return model;
    const { lines, ...rest } = model;
    return { ...rest, items: itemsOf(lines) };
  });
}
