import { Command } from 'commander';
import { describe, expect, it, vi } from 'vitest';
import { DomainError } from '#app/errors';
import {
  amountOption,
  describeDateOptions,
  integerOption,
  parseCliDate,
  readDateOptions,
  wroteLine,
} from './cli-values.ts';
import { runCli } from './run.ts';

/** A command with `<date>` options on itself and its parent, hooked as run.ts hooks it. */
async function datesRead(args: string[]): Promise<Record<string, unknown>> {
  let seen: Record<string, unknown> = {};
  const program = new Command('encours').exitOverride();
  program.hook('preAction', (_program, action) => readDateOptions(action));
  const parent = program
    .command('agenda')
    .option('--as-of <date>', 'date')
    .option('--lang <lang>', 'fr or en');
  parent
    .command('snooze')
    .option('--until <date>', 'date')
    .option('--respond-by <date>', 'date or none')
    .option('--instalment <date=amount...>', 'several')
    .action((options) => {
      seen = { ...parent.opts(), ...options };
    });
  await program.parseAsync(args, { from: 'user' });
  return seen;
}

function refusal(work: () => unknown): DomainError {
  try {
    work();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('not refused');
}

describe('dates on the command line', () => {
  it('reads ISO and French day-first dates', () => {
    expect(parseCliDate('2026-06-30', '--as-of', 'fr')).toBe('2026-06-30');
    expect(parseCliDate('30/06/2026', '--as-of', 'fr')).toBe('2026-06-30');
    expect(parseCliDate('1/7/2026', '--as-of', 'fr')).toBe('2026-07-01');
  });

  it('refuses anything else in the catalogue’s words, French by default', () => {
    const french = refusal(() => parseCliDate('2026-13-45', '--as-of', 'fr'));
    expect([french.code, french.message]).toEqual([
      'invalid_input',
      '--as-of\u00a0: «\u00a02026-13-45\u00a0» n’est pas une date valide (JJ/MM/AAAA ou AAAA-MM-JJ)',
    ]);
    expect(refusal(() => parseCliDate('31-02-2026', '--until', 'en')).message).toBe(
      '--until: "31-02-2026" is not a valid date (DD/MM/YYYY or YYYY-MM-DD)',
    );
    expect(refusal(() => parseCliDate('06/30/2026', '--as-of', 'fr')).code).toBe('invalid_input');
  });

  it('says a day written in the right format that the calendar lacks does not exist', () => {
    const french = refusal(() => parseCliDate('31/02/2026', '--until', 'fr'));
    expect([french.code, french.message]).toEqual([
      'invalid_input',
      '--until\u00a0: le 31/02/2026 n’existe pas',
    ]);
    expect(refusal(() => parseCliDate('2025-02-29', '--as-of', 'en')).message).toBe(
      '--as-of: 2025-02-29 does not exist in the calendar',
    );
    // A month 13 or a day 32 is no day of any month: the format is shown again.
    expect(refusal(() => parseCliDate('32/01/2026', '--as-of', 'en')).message).toContain('DD/MM/YYYY');
  });

  it('hands every command’s <date> options to its action as YYYY-MM-DD, the parent’s included', async () => {
    const options = await datesRead([
      'agenda',
      '--as-of',
      '30/06/2026',
      'snooze',
      '--until',
      '2/7/2026',
      '--respond-by',
      'none',
      '--instalment',
      '2026-07-15=10',
    ]);
    expect(options).toMatchObject({
      asOf: '2026-06-30',
      until: '2026-07-02',
      respondBy: 'none',
      instalment: ['2026-07-15=10'],
    });
  });

  it('refuses a bad date before the action runs, in the command’s --lang', async () => {
    const run = datesRead(['agenda', '--lang', 'en', 'snooze', '--until', '2026-02-30']);
    await expect(run).rejects.toThrow('--until: 2026-02-30 does not exist in the calendar');
  });

  it('is how `encours` reads them: a bad --as-of exits 2 with the French sentence, nothing opened', async () => {
    let stderr = '';
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation(((chunk: string) => {
      stderr += chunk;
      return true;
    }) as typeof process.stderr.write);
    try {
      expect(await runCli(['customers', 'list', '--as-of', '2026-13-45'])).toBe(2);
    } finally {
      spy.mockRestore();
    }
    expect(stderr).toBe(
      'encours: --as-of\u00a0: «\u00a02026-13-45\u00a0» n’est pas une date valide (JJ/MM/AAAA ou AAAA-MM-JJ)\n',
    );
  });
});

describe('whole numbers and written files', () => {
  it('reads a whole number in its range and words a refusal', () => {
    expect(integerOption('12', '--weeks', { min: 1, max: 52 })).toBe(12);
    expect(refusal(() => integerOption('99', '--weeks', { min: 1, max: 52 })).message).toBe(
      '--weeks doit être un nombre entier de 1 à 52 (et non «\u00a099\u00a0»)',
    );
    expect(refusal(() => integerOption('1.5', '--limit', { min: 0 }, 'en')).message).toBe(
      '--limit must be a whole number of at least 0 (not "1.5")',
    );
    expect(refusal(() => integerOption('', '--limit', { min: 0 })).code).toBe('invalid_input');
  });

  it('reads an amount in minor units and says a negative one is negative, not unreadable', () => {
    expect(amountOption('1 250,50', '--amount')).toBe(125_050);
    expect(amountOption('1250.5', '--amount', { decimalSeparator: '.' })).toBe(125_050);
    expect(amountOption('1250', '--amount', { exponent: 0 })).toBe(1250);
    expect(refusal(() => amountOption('-50', '--amount')).message).toBe(
      '--amount must be zero or more, got -50',
    );
    expect(refusal(() => amountOption('douze', '--amount')).message).toBe(
      '--amount must be an amount, got douze',
    );
  });

  it('says in the help that a date option reads day-first dates too, in the help’s language', () => {
    const program = new Command('encours');
    program
      .command('x')
      .option('--as-of <date>', 'YYYY-MM-DD (default: today)')
      .option('--until <date>', 'last day')
      .option('--limit <n>', 'at most n');
    describeDateOptions(program, 'en');
    const [asOf, until, limit] = program.commands[0]?.options ?? [];
    expect(asOf?.description).toBe('YYYY-MM-DD or DD/MM/YYYY (default: today)');
    expect(until?.description).toBe('last day (YYYY-MM-DD or DD/MM/YYYY)');
    expect(limit?.description).toBe('at most n');
    const french = new Command('encours');
    french
      .command('x')
      .option('--as-of <date>', 'AAAA-MM-JJ (par défaut\u00a0: aujourd’hui)')
      .option('--until <date>', 'dernier jour');
    describeDateOptions(french, 'fr');
    expect(french.commands[0]?.options.map((option) => option.description)).toEqual([
      'AAAA-MM-JJ ou JJ/MM/AAAA (par défaut\u00a0: aujourd’hui)',
      'dernier jour (AAAA-MM-JJ ou JJ/MM/AAAA)',
    ]);
  });

  it('says a file was written in the reader’s language', () => {
    expect(wroteLine('/tmp/dysf.pdf')).toBe('encours: Fichier écrit\u00a0: /tmp/dysf.pdf\n');
    expect(wroteLine('/tmp/dysf.pdf', 'en')).toBe('encours: Wrote /tmp/dysf.pdf\n');
  });
});
