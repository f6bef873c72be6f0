/**
 * Saving a template refuses one that cannot be rendered in the words of the template editor's
 * check (`template-check.ts`), never in the engine's English: the refusal comes before anything
 * is read or written, so the context here has no database.
 */
import { describe, expect, it } from 'vitest';
import type { AppContext } from '../context.ts';
import { type DomainError, errorText, wordingText } from '../errors.ts';
import { saveTemplate } from './policies.ts';
import { checkTemplateSource } from './template-check.ts';

/** No port at all: a save that got past its check would fail on `ctx.db`, not be refused. */
const NO_DATABASE = { companyId: 'T', actor: 'test' } as unknown as AppContext;

async function refusal(source: string): Promise<DomainError> {
  const input = { templateCode: 'relance1', channel: 'email' as const, lang: 'fr' as const, source };
  return saveTemplate(NO_DATABASE, input).then(
    () => expect.unreachable('saved'),
    (error: DomainError) => error,
  );
}

describe('saving a template that cannot be rendered', () => {
  it('says the syntax error as the editor does, in French and English, never LiquidJS’s message', async () => {
    const source = '## subject\nRelance\n## body\nBonjour,\n{% if customer.name %}\nMerci.';
    const error = await refusal(source);
    const [problem] = checkTemplateSource(source, 'email');
    expect(problem?.blocking).toBe(true);
    expect(error.code).toBe('invalid_input');
    expect(error.wording).toEqual(problem?.wording);
    expect(errorText(error, 'fr')).toBe(
      'La balise if ouverte ligne 5, colonne 1 n’est pas fermée\u00a0: il manque {% endif %}.',
    );
    expect(errorText(error, 'en')).toBe(
      'The if tag opened at line 5, column 1 is never closed: {% endif %} is missing.',
    );
    expect(error.details).toMatchObject({ reason: 'template_problems', problems: [{ line: 5 }] });
  });

  it('lists every unknown filter, each in the editor’s words', async () => {
    const source = '## subject\nRelance\n## body\n{{ customer.name | upcas }}\n{{ date | bogus }}';
    const problems = checkTemplateSource(source, 'email');
    expect(problems.map((p) => p.blocking)).toEqual([true, true]);
    expect(errorText(await refusal(source), 'fr').split('\n')).toEqual([
      'Le modèle ne peut pas être affiché\u00a0:',
      ...problems.map((p) => wordingText(p.wording, 'fr')),
    ]);
  });
});
