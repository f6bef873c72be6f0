/**
 * The check of a reminder template before it is saved: every variable it reads is one reminders
 * are given (a loop's variable has its list's fields), every filter exists, an e-mail has a
 * subject, and a syntax error is said in the author's words, in French and English.
 */
import { describe, expect, it } from 'vitest';
import type { StepKind } from '#core/dunning/policy';
import { wordingText } from '../errors.ts';
import { checkTemplateSource } from './template-check.ts';
import { renderTemplate, shippedTemplate, type TemplateChannel } from './templates.ts';

/** The problems of a template as a French and an English reader read them. */
const said = (source: string, channel: TemplateChannel = 'email') => {
  const problems = checkTemplateSource(source, channel);
  return {
    fr: problems.map((p) => wordingText(p.wording, 'fr')),
    en: problems.map((p) => wordingText(p.wording, 'en')),
  };
};

describe('the variables a template reads', () => {
  it('finds nothing wrong with any shipped template', () => {
    const kinds: StepKind[] = ['courtesy', 'reminder', 'formal_notice', 'handover'];
    for (const kind of kinds)
      for (const channel of ['email', 'letter', 'sms'] as const)
        for (const lang of ['fr', 'en'] as const)
          expect([kind, channel, lang, said(shippedTemplate(kind, channel, lang), channel).fr]).toEqual([
            kind,
            channel,
            lang,
            [],
          ]);
  });

  it('names each unknown variable with its line, and the known name it is close to', () => {
    const source = '## subject\nRelance {{ customer.nmae }}\n## body\n{{ totals.bogus }} {{ cusomer.code }}';
    expect(said(source)).toEqual({
      fr: [
        'Variable inconnue customer.nmae (ligne 2), vouliez-vous dire customer.name\u00a0?',
        'Variable inconnue totals.bogus (ligne 4)',
        'Variable inconnue cusomer.code (ligne 4), vouliez-vous dire customer.code\u00a0?',
      ],
      en: [
        'Unknown variable customer.nmae (line 2); did you mean customer.name?',
        'Unknown variable totals.bogus (line 4)',
        'Unknown variable cusomer.code (line 4); did you mean customer.code?',
      ],
    });
  });

  it('knows every variable the reminders are given, their lists’ fields and the lists’ own', () => {
    const source = [
      '## subject',
      '{{ company.name }} {{ customer.code }} {{ reference }} {{ date }} {{ deadline }} {{ step.label }}',
      '{{ totals.total_due }} {{ totals.has_interest }} {{ separate_items.refs }} {{ step_items.last_due }}',
      '{{ other_items.count }} {{ reminded_before }} {{ items.size }} {{ items.first.due_date }}',
      '{{ items[0].open }} {{ factors.size }} {{ customer.name.size }} {{ statement }}',
    ].join('\n');
    expect(said(source).fr).toEqual([]);
  });

  it('gives a loop’s variable the fields of its list’s elements, and takes assigned names as they are', () => {
    const source = [
      '## subject',
      'Relance',
      '{% for f in factors %}{{ f.refs }} {{ f.nmae }} {{ forloop.index }}{% endfor %}',
      '{% for line in items %}{{ line.days_late }} {{ line.ref }}{% endfor %}',
      '{% assign who = customer.name | upcase %}{% capture said %}{{ who }}{% endcapture %}{{ said }}',
      '{{ f.refs }}',
    ].join('\n');
    expect(said(source).fr).toEqual([
      'Variable inconnue f.nmae (ligne 3), vouliez-vous dire f.name\u00a0?',
      // Outside its loop, the loop's variable is not given.
      'Variable inconnue f.refs (ligne 6)',
    ]);
  });

  it('gives an e-mail its statement, not a letter or an SMS', () => {
    expect(said('## body\n{{ statement }}', 'letter').fr).toEqual(['Variable inconnue statement (ligne 2)']);
    expect(said('{{ statement }}', 'sms').fr).toEqual(['Variable inconnue statement (ligne 1)']);
  });
});

describe('filters, subject and includes', () => {
  it('names every unknown filter, with the filter it is close to', () => {
    expect(said('## subject\n{{ customer.name | upcse }} {{ date | system }}')).toEqual({
      fr: [
        'Filtre inconnu upcse (ligne 2), vouliez-vous dire upcase\u00a0?',
        'Filtre inconnu system (ligne 2)',
      ],
      en: ['Unknown filter upcse (line 2); did you mean upcase?', 'Unknown filter system (line 2)'],
    });
  });

  it('asks an e-mail for a subject, not a letter or an SMS', () => {
    const fr =
      'Un e-mail doit avoir un objet\u00a0: écrivez-le sur la ligne qui suit «\u00a0## subject\u00a0».';
    expect(said('## body\nBonjour {{ customer.name }}').fr).toEqual([fr]);
    expect(said('## subject\n   \n## body\nBonjour').fr).toEqual([fr]);
    expect(said('## body\nBonjour', 'letter').fr).toEqual([]);
    expect(said('Bonjour', 'sms').en).toEqual([]);
  });

  it('refuses an include: a template reads no file', () => {
    expect(said('## subject\nx\n{% include "secrets" %}').fr).toEqual([
      'Un modèle ne peut pas inclure un autre fichier (include, ligne 3, colonne 1).',
    ]);
  });
});

describe('a syntax error, in the author’s words', () => {
  const cases: [string, string, string][] = [
    [
      '## subject\nx\n## body\nBonjour, {{ customer.name }}, {% if %}oui{% endif %}',
      'Valeur ou condition absente ou mal écrite ligne 4, colonne 36.',
      'A value or condition is missing or badly written at line 4, column 36.',
    ],
    [
      '## subject\nRelance {{ customer.name\n## body\nx',
      'La variable ouverte par {{ ligne 2, colonne 9 n’est pas fermée\u00a0: il manque }}.',
      'The variable opened with {{ at line 2, column 9 is not closed: }} is missing.',
    ],
    [
      '## subject\n{% if totals.has_interest %}Relance',
      'La balise if ouverte ligne 2, colonne 1 n’est pas fermée\u00a0: il manque {% endif %}.',
      'The if tag opened at line 2, column 1 is never closed: {% endif %} is missing.',
    ],
    [
      '## subject\nx\n{% relance %}',
      'Balise inconnue relance ligne 3, colonne 1.',
      'Unknown tag relance at line 3, column 1.',
    ],
    [
      '## subject\nx\n{% endif %}',
      'La balise endif ligne 3, colonne 1 ne ferme aucune balise ouverte.',
      'The endif tag at line 3, column 1 closes no open tag.',
    ],
    [
      '## subject\nx\n{% for f in %}{% endfor %}',
      'La balise for ligne 3, colonne 1 est mal écrite.',
      'The for tag at line 3, column 1 is badly written.',
    ],
    [
      '## subject\nx\n{{ items[ }}',
      'Le modèle contient une erreur de syntaxe ligne 3, colonne 10.',
      'The template has a syntax error at line 3, column 10.',
    ],
  ];
  it.each(cases)('%j', (source, fr, en) => {
    expect(said(source)).toEqual({ fr: [fr], en: [en] });
  });

  it('is worded so when a run renders the template too', async () => {
    await expect(renderTemplate('{{ customer.name | upcse }}', {})).rejects.toMatchObject({
      code: 'invalid_input',
      wording: { key: 'errors.dunning.template.unknownFilter', params: { name: 'upcse', line: 1 } },
    });
  });
});
