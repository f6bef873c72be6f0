/**
 * The web page words itself the problems and notices whose server sentence advises the command
 * line (`--map`, `--ignore-column`, `--date-order`): a person on the page has its choices instead,
 * and never reads a flag (a FEC's journal type, which the page cannot choose, says so).
 */
import { describe, expect, it } from 'vitest';
import { NOTICE_CODES, PROBLEM_CODES } from '#importers/parse-file';
import { hasMessage, LANGS } from '#text/catalogue';
import { MESSAGES } from '#text/icu';

const advisesTheCommandLine = (key: string) =>
  LANGS.some((lang) => /--[a-z]/.test(MESSAGES[lang].get(key) ?? ''));

describe('the import page’s own words', () => {
  const problems = PROBLEM_CODES.filter((code) => advisesTheCommandLine(`importProblem.${code}`));
  const notices = NOTICE_CODES.filter((code) => advisesTheCommandLine(`importWarning.${code}`));

  it('finds the server sentences that name a flag', () => {
    expect(problems).toEqual(
      expect.arrayContaining([
        'unknown_column',
        'unknown_column_no_match',
        'missing_required_column',
        'fec_kind_conflict',
      ]),
    );
    expect(notices).toContain('date_order_assumed');
  });

  it.each(LANGS)('words each of them without a flag, in %s', (lang) => {
    const keys = [
      ...problems.map((code) => `imports.problem.${code}`),
      ...notices.map((code) => `imports.notice.${code}`),
    ];
    expect(keys.filter((key) => !hasMessage(key, lang))).toEqual([]);
    expect(keys.filter((key) => /--[a-z]/.test(MESSAGES[lang].get(key) ?? ''))).toEqual([]);
  });
});
