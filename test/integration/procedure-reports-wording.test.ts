/**
 * How the procedure reports word their figures, on the demo company as of 2026-06-30: the summary's
 * overdue share is of the two amounts it prints (as the dashboard's), the aged balance's shares are
 * of the total its table prints, while the indicators' name their base (the open invoices, as the
 * KPI page's), dunning steps read « J−5 » /
 * "D+15", the delegation table has every class in class order, every table that lists only the
 * largest customers says so with one sentence, and the proposals say what they count (invoices,
 * customers). Read from the worded document (no PDF reader).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '#app/context';
import { getPortfolioSummary } from '#app/customers/portfolio-summary';
import { getProcedureReportModel, procedureReportDocument } from '#app/procedure/reports';
import { documentSetting } from '#app/reports/report-tables';
import { RISK_CLASSES } from '#core/credit/scoring-method';
import type { ReportBlock, ReportDocument } from '#render/reports/report-document';
import { type Lang, translator } from '#text/catalogue';
import { formatNumber, formatPercent } from '#text/format';
import { openDemoTestDatabase, type TestDatabase } from '../support/test-db.ts';

const AS_OF = '2026-06-30';
let database: TestDatabase;
let ctx: AppContext;

beforeAll(async () => {
  database = await openDemoTestDatabase();
  ctx = database.context('CB2C');
}, 300_000);
afterAll(async () => {
  await database?.close();
});

async function worded(report: 'dysfunctions' | 'measures', lang: Lang = 'fr') {
  const built = await getProcedureReportModel(ctx, { report, asOf: AS_OF, lang });
  const document = await procedureReportDocument(ctx, built, await documentSetting(ctx, lang));
  return { built, document };
}

const allBlocks = (document: ReportDocument): ReportBlock[] => [
  ...document.summary,
  ...document.sections.flatMap((s) => s.blocks),
];
const tables = (blocks: readonly ReportBlock[]) =>
  blocks.flatMap((b) => (b.type === 'table' ? [b.table] : []));
const textOf = (block: ReportBlock | undefined) =>
  block && (block.type === 'paragraph' || block.type === 'heading') ? block.text : '';
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('the dysfunctions report', () => {
  it('states the overdue share of the total it prints, as the dashboard does', async () => {
    const { built, document } = await worded('dysfunctions');
    if (built.report !== 'dysfunctions') throw new Error('wrong report');
    const { portfolio } = built.model;
    // 1 917 855,64 € of 4 880 193,13 €: 39,3 % (of the open debits before unapplied credits, 39,2 %).
    expect([portfolio.overdueMinor, portfolio.totalMinor]).toEqual([191_785_564, 488_019_313]);
    expect(portfolio.overdueShare).toBe(0.393);
    const summary = plain(document.summary.map(textOf).join('\n'));
    expect(summary).toContain('dont 1 917 855,64 € échus, soit 39,3 % de l’encours');
    const dashboard = await getPortfolioSummary(ctx, { asOf: AS_OF });
    expect([dashboard.overdueMinor, dashboard.outstandingMinor]).toEqual([
      portfolio.overdueMinor,
      portfolio.totalMinor,
    ]);
    expect(formatPercent('fr', dashboard.overdueMinor / dashboard.outstandingMinor, 1)).toBe(
      formatPercent('fr', portfolio.overdueShare, 1),
    );
  }, 120_000);

  it('prints one overdue share, of the encours, in its summary and its indicators’ table', async () => {
    const indicators = async (lang: Lang) => {
      const { built, document } = await worded('dysfunctions', lang);
      if (built.report !== 'dysfunctions') throw new Error('wrong report');
      const dso = translator(lang)('procedureReports.indicator.dsoSimpleDays');
      const table = tables(allBlocks(document)).find((t) => t.rows.some((row) => row[0] === dso));
      const rows = table?.rows.map((row) => row.slice(0, 2).map((cell) => plain(String(cell)))) ?? [];
      const summary = plain(document.summary.map(textOf).join('\n'));
      return { model: built.model, rows, summary };
    };
    const fr = await indicators('fr');
    // 1 917 855,64 € of the 4 880 193,13 € of encours: 39,3 % in the summary and in the table (the
    // table printed 39,2 %, of the 4 896 641,69 € of open invoices before credits), one computation.
    const share = fr.model.indicators.find((i) => i.key === 'overdueShareOfBalance');
    expect(share?.periodValue).toBe(0.393);
    expect(share?.periodValue).toBe(fr.model.portfolio.overdueShare);
    expect(fr.model.indicators.map((i) => i.key)).not.toContain('overdueShare');
    expect(fr.rows).toContainEqual(['Part échue de l’encours', '39,3 %']);
    expect(fr.summary).toContain('soit 39,3 % de l’encours');
    expect(fr.rows.flat().join(' ')).not.toContain('39,2 %');
    // The > 90 days share likewise, one computation (`over90ShareOfBalance`): 721 779,22 € of the
    // 4 880 193,13 € of encours, 14,8 % in the table as in the aged balance's sentence (the table
    // printed 14,7 %, of the open invoices before credits, beside the sentence's 14,8 %).
    const over90 = fr.model.indicators.find((i) => i.key === 'over90ShareOfBalance');
    expect(over90?.periodValue).toBe(0.1479);
    expect(fr.model.indicators.map((i) => i.key)).not.toContain('over90Share');
    expect(fr.rows).toContainEqual(['Part de l’encours échue depuis plus de 90 jours', '14,8 %']);
    expect(fr.rows.flat().join(' ')).not.toContain('14,7 %');
    const en = await indicators('en');
    expect(en.rows).toContainEqual(['Overdue share of the total receivables', '39.3%']);
    expect(en.summary).toContain('i.e. 39.3% of the total');
  }, 120_000);

  it('states the aged balance’s shares of the total it prints, in its table and its sentence', async () => {
    const aging = async (lang: Lang) => {
      const { built, document } = await worded('dysfunctions', lang);
      if (built.report !== 'dysfunctions') throw new Error('wrong report');
      const t = translator(lang);
      const section = document.sections.find((s) => s.title === t('procedureReports.section.aging'));
      const blocks = section?.blocks ?? [];
      const heading = blocks.findIndex((b) => textOf(b) === t('procedureReports.heading.agedBalance'));
      const next = blocks[heading + 1];
      const table = next?.type === 'table' ? next.table : undefined;
      return { model: built.model, text: plain(blocks.map(textOf).join('\n')), table };
    };
    const fr = await aging('fr');
    // 721 779,22 € over 90 days of the 4 880 193,13 € of encours: 14,8 % (of the 4 896 641,69 € of
    // open invoices before credits it would be 14,7 %, which « de l’encours » does not say).
    expect(fr.text).toContain('721 779,22 € sont échus depuis plus de 90 jours (14,8 % de l’encours)');
    expect((await aging('en')).text).toContain(
      '€721,779.22 is more than 90 days overdue (14.8% of the total)',
    );
    // Each line of the table divided by the total it prints gives the share beside it, the
    // credits' included (negative), and the shares add up to the total's 100 %.
    const total = fr.table?.totals?.[1];
    expect(total).toBe(fr.model.aging.totalMinor);
    expect(fr.table?.totals?.[2]).toBe(1);
    const rows = fr.table?.rows ?? [];
    expect(rows).toHaveLength(fr.model.aging.buckets.length + 1);
    for (const [, amount, share] of rows) expect(share).toBeCloseTo(Number(amount) / Number(total), 4);
    expect(rows[rows.length - 1]?.slice(1)).toEqual([-1_644_856, -0.0034]);
  }, 120_000);

  it('says under every cut table how many of how many customers it lists, in one sentence', async () => {
    const { built, document } = await worded('dysfunctions');
    if (built.report !== 'dysfunctions') throw new Error('wrong report');
    const blocks = allBlocks(document);
    const notes = blocks.map(textOf).filter((text) => /plus importants? sur/.test(text));
    const cut = (shown: number, count: number) =>
      `Les ${shown} clients les plus importants sur ${count} sont listés.`;
    // The customers to watch are those at moderate, high or critical risk, which the note says: the
    // summary's « risque élevé ou critique » counts fewer of them.
    const cutRisk = (shown: number, count: number) =>
      `Les ${shown} clients les plus importants sur ${count} clients à risque modéré, élevé ou critique sont listés.`;
    const { anomalies, gaps, risk } = built.model;
    const atRisk = risk.summary.filter((s) => s.level !== 'low').reduce((n, s) => n + s.customers, 0);
    expect(risk.customerCount).toBe(atRisk);
    const expected = [
      ...(risk.customerCount > risk.customers.length
        ? [cutRisk(risk.customers.length, risk.customerCount)]
        : []),
      ...anomalies
        .filter((a) => a.customerCount > a.customers.length)
        .map((a) => cut(a.customers.length, a.customerCount)),
      ...gaps.filter((g) => g.count > g.items.length).map((g) => cut(g.items.length, g.count)),
    ];
    expect(notes).toEqual(expected);
    // Exposure over the credit limit: 30 customers (a negative « Disponible »), the 8 largest
    // printed and said so.
    const overLimit = anomalies.find((a) => a.kind === 'over_limit');
    expect([overLimit?.customers.length, overLimit?.customerCount]).toEqual([8, 30]);
    expect(notes).toContain(cut(8, 30));
    // Open orders of the customers whose exposure is over their limit: 23 customers, 10 printed.
    expect(notes).toContain(cut(10, 23));
    // Each note follows its table.
    for (const [i, block] of blocks.entries())
      if (notes.includes(textOf(block))) expect(blocks[i - 1]?.type).toBe('table');
  }, 120_000);
});

describe('the populations and windows the dysfunctions report names', () => {
  it('counts in its risk levels the customers owing money that its summary counts', async () => {
    const { built, document } = await worded('dysfunctions');
    if (built.report !== 'dysfunctions') throw new Error('wrong report');
    const { risk, portfolio } = built.model;
    const debtors = risk.summary.reduce((n, s) => n + s.customers, 0);
    expect(debtors).toBe(portfolio.customersWithBalance);
    const summary = plain(document.summary.map(textOf).join('\n'));
    expect(summary).toContain(`sur ${debtors} clients débiteurs`);
    // No customer of the demo is in credit at the date: no line for them.
    expect(risk.creditors).toEqual({ customers: 0, balanceMinor: 0 });
    const levels = tables(allBlocks(document)).find((t) => t.columns[0]?.header === 'Niveau');
    expect(levels?.rows.map((r) => r[1])).toEqual(risk.summary.map((s) => s.customers));
  }, 120_000);

  it('names the months of the month’s DSO it compares, and the windows of the DSO drift beside it', async () => {
    const sentence = async (lang: Lang) => {
      const { built, document } = await worded('dysfunctions', lang);
      if (built.report !== 'dysfunctions') throw new Error('wrong report');
      const t = translator(lang);
      const section = document.sections.find((s) => s.title === t('procedureReports.section.indicators'));
      const dso = built.model.indicators.find((i) => i.key === 'dsoSimpleDays');
      const drift = built.model.anomalies.find((a) => a.kind === 'dso_drift')?.evidence;
      const text = plain(section?.blocks.map(textOf).join('\n') ?? '').replace(/\u2009/g, ' ');
      return { text, dso, drift };
    };
    const days = (lang: Lang, value: unknown) =>
      plain(translator(lang)('procedureReports.daysLong', { value: formatNumber(lang, Number(value), 1) }));
    const fr = await sentence('fr');
    expect(fr.text).toContain(
      `Le DSO simple du mois passe de ${days('fr', fr.dso?.firstMonthValue)} en juillet 2025 à ${days('fr', fr.dso?.lastMonthValue)} en juin 2026`,
    );
    // The demo's portfolio drifts: the three months to June, a year apart, said with their windows.
    expect(fr.drift?.['before']).toBe('2025-06-30');
    expect(fr.text).toContain(
      `Calculé sur trois mois et comparé aux mêmes mois un an plus tôt, il passe de ${days('fr', fr.drift?.['dsoBeforeDays'])} (avril – juin 2025) à ${days('fr', fr.drift?.['dsoDays'])} (avril – juin 2026) : c’est la dérive du DSO relevée parmi les anomalies (section 5).`,
    );
    const en = await sentence('en');
    expect(en.text).toContain(
      `The simple DSO of the month goes from ${days('en', en.dso?.firstMonthValue)} in July 2025 to ${days('en', en.dso?.lastMonthValue)} in June 2026`,
    );
    expect(en.text).toContain(
      `it goes from ${days('en', en.drift?.['dsoBeforeDays'])} (April – June 2025) to ${days('en', en.drift?.['dsoDays'])} (April – June 2026)`,
    );
  }, 120_000);
});

describe('where the orders over the limit come from', () => {
  it('says under the gap’s heading what Encours decided and what the ERP invoiced over the limit', async () => {
    const { document } = await worded('dysfunctions');
    const blocks = allBlocks(document).map(textOf).map(plain);
    const heading = blocks.indexOf('Commandes acceptées au-delà de la limite de crédit');
    expect(blocks[heading + 1]).toBe(
      'Aucune commande acceptée au-delà de la limite par le contrôle de commande d’Encours (0,00 €) et ' +
        '419 commandes de l’ERP facturées alors que le solde du client la veille, augmenté de la commande, ' +
        'dépassait sa limite à la date de la commande, lue dans l’historique des limites (2 464 366,45 €). ' +
        '5 commandes de l’ERP ne sont pas comptées : l’historique ne donne pas la limite à leur date.',
    );
  }, 120_000);

  it('says in the gaps table what each row counts: the orders of the sentence, of how many customers', async () => {
    const gapsTable = async (lang: Lang) => {
      const { built, document } = await worded('dysfunctions', lang);
      if (built.report !== 'dysfunctions') throw new Error('wrong report');
      const gap = translator(lang)('procedureReports.col.gap');
      const table = tables(allBlocks(document)).find((tb) => tb.columns[0]?.header === gap);
      const overLimit = built.model.gaps.find((g) => g.code === 'orders_accepted_over_limit');
      return { table, overLimit };
    };
    const fr = await gapsTable('fr');
    expect(fr.table?.columns.map((c) => c.header)).toEqual(['Faille', 'Périmètre', 'Montant']);
    // The 419 ERP orders of the sentence under the gap's heading, of 74 customers: « 74 » alone
    // under « Clients concernés » read as 74 orders.
    const row = (table: typeof fr.table, index: number) =>
      table?.rows[index]?.slice(0, 2).map((c) => plain(String(c)));
    expect(row(fr.table, 0)).toEqual([
      'Commandes acceptées au-delà de la limite de crédit',
      '419 commandes de 74 clients',
    ]);
    const sources = fr.overLimit?.sources ?? [];
    const counted = sources.filter((s) => s.code !== 'erp_limit_unknown').reduce((n, s) => n + s.count, 0);
    expect([counted, fr.overLimit?.itemCount, fr.overLimit?.count]).toEqual([419, 419, 74]);
    expect(new Set(fr.overLimit?.items.map((i) => i.code)).size).toBe(fr.overLimit?.items.length);
    // The invoices never reminded: as many invoices as the customers' lines add up to, of 72 customers
    // (C00113's invoice, which its unapplied payment covers, left out as the dunning run leaves it).
    const unreminded = await worded('dysfunctions');
    if (unreminded.built.report !== 'dysfunctions') throw new Error('wrong report');
    const invoices = unreminded.built.model.gaps.find((g) => g.code === 'overdue_not_reminded');
    expect(invoices?.count).toBe(72);
    const listed = invoices?.items.reduce((n, i) => n + (i.detail ?? 0), 0) ?? 0;
    expect(invoices?.itemCount).toBeGreaterThan(listed);
    expect(row(fr.table, 3)?.[1]).toBe(`${invoices?.itemCount} factures de 72 clients`);
    expect(row(fr.table, 4)?.[1]).toMatch(/^\d+ clients$/);
    const en = await gapsTable('en');
    expect(en.table?.columns.map((c) => c.header)).toEqual(['Gap', 'Scope', 'Amount']);
    expect(row(en.table, 0)).toEqual([
      'Orders accepted beyond the credit limit',
      '419 orders of 74 customers',
    ]);
  }, 120_000);
});

describe('the measures report', () => {
  it('writes the dunning steps one way: J−5, J+15 in French, D−5, D+15 in English', async () => {
    // Every value of a settings table that is a day from the due date, however spaced.
    const steps = async (lang: Lang) => {
      const { document } = await worded('measures', lang);
      const values = tables(allBlocks(document)).flatMap((t) => t.rows.map((row) => String(row[1])));
      return values.filter((value) => /^[JD]\s*[−+-]\s*\d+$/.test(value));
    };
    expect(await steps('fr')).toEqual(['J−5', 'J+5', 'J+15', 'J+30', 'J+45', 'J+60']);
    expect(await steps('en')).toEqual(['D−5', 'D+5', 'D+15', 'D+30', 'D+45', 'D+60']);
  }, 120_000);

  it('words the built-in dunning policy as what it is: no version, a task to hand over, no gap of its own', async () => {
    const dunning = async (lang: Lang) => {
      const { built, document } = await worded('measures', lang);
      if (built.report !== 'measures') throw new Error('wrong report');
      const blocks = allBlocks(document);
      const t = translator(lang);
      const measure = built.model.configured.find((c) => c.area === 'dunning');
      const heading = blocks.findIndex(
        (b) => textOf(b) === t('procedureReports.area.dunning', { version: measure?.version ?? '' }),
      );
      const table = blocks.slice(heading).find((b) => b.type === 'table');
      const rows = table?.type === 'table' ? table.table.rows.map((r) => r.map((c) => plain(String(c)))) : [];
      return { heading: textOf(blocks[heading]), note: textOf(blocks[heading + 1]), rows, measure };
    };
    const fr = await dunning('fr');
    expect(fr.measure?.isDefault).toBe(true);
    expect([fr.heading, fr.note]).toEqual([
      'Politique de relance standard',
      'Paramétrage par défaut (aucune version enregistrée)',
    ]);
    expect(fr.rows).toContainEqual([
      'Transmission au contentieux (tâche de transmission du dossier, sans envoi)',
      'J+60',
    ]);
    expect(fr.rows).toContainEqual(['Relance (Appel téléphonique)', 'J+30']);
    expect(fr.rows).toContainEqual([
      'Écart minimal entre deux relances (jours)',
      'Aucun au-delà de l’écart entre les étapes',
    ]);
    const en = await dunning('en');
    expect(en.heading).toBe('Dunning policy standard');
    expect(en.rows).toContainEqual([
      'Hand-over to litigation (task to hand the file over, nothing sent)',
      'D+60',
    ]);
    expect(en.rows).toContainEqual([
      'Minimum days between two reminders',
      'None beyond the spacing of the steps',
    ]);
  }, 120_000);

  it('lists every class of the delegation matrix, in class order, with no authority said', async () => {
    const { built, document } = await worded('measures');
    if (built.report !== 'measures') throw new Error('wrong report');
    const delegation = built.model.configured.find((c) => c.area === 'delegation');
    const classes = [...new Set(delegation?.settings.map((s) => s.params?.['riskClass']))];
    expect(classes).toEqual([...RISK_CLASSES]);
    const table = tables(allBlocks(document)).find((t) => t.columns[0]?.header === 'Classe de risque');
    expect(table?.columns.map((c) => c.header)).toEqual([
      'Classe de risque',
      'Chargé de recouvrement',
      'Responsable crédit',
      'Direction',
    ]);
    expect(table?.rows.map((row) => row.map((cell) => plain(String(cell))))).toEqual([
      ['Classe A', '10 000,00 €', '100 000,00 €', 'Sans plafond'],
      ['Classe B', '10 000,00 €', '100 000,00 €', 'Sans plafond'],
      ['Classe C', '5 000,00 €', '50 000,00 €', 'Sans plafond'],
      ['Classe D', 'Aucune délégation', '20 000,00 €', 'Sans plafond'],
      ['Classe E', 'Aucune délégation', 'Aucune délégation', 'Sans plafond'],
    ]);
  }, 120_000);

  it('states the covers in force, what the limit cut is counted on and what each proposal counts', async () => {
    const { document } = await worded('measures');
    const rows = tables(allBlocks(document)).flatMap((t) =>
      t.rows.map((row) => row.map((c) => plain(String(c)))),
    );
    expect(rows).toContainEqual(['Clients garantis', '3']);
    expect(rows).toContainEqual(['Montant total des garanties accordées', '450 000,00 €']);
    expect(rows).toContainEqual(['Garanties expirées, refusées ou résiliées', '1']);
    const cut = rows.find((row) => row[0]?.startsWith('Réduire de 25 %'));
    expect(cut?.slice(0, 3)).toEqual([
      'Réduire de 25 % les limites des clients de classe D et E (effet compté sur l’encours compris entre la limite réduite et la limite actuelle)',
      // The customers whose limit is cut, once (« Clients 17 » beside « Cas 17 » counted them twice).
      '17 clients',
      // 108 570,33 €: the table keeps minor units, its renderer writes them.
      '10857033',
    ]);
    // The measures on overdue invoices count invoices of customers, in words.
    const scope = (start: string) => rows.find((row) => row[0]?.startsWith(start))?.[1];
    expect(scope('Relancer toutes les factures')).toBe('40 factures de 13 clients');
    expect(scope('Fixer une limite')).toBe('34 clients');
    // 208 of 64, was 212 of 65: what the dunning procedure must not remind is not to hand over
    // either — Traiteur Durand's three (redressement judiciaire), Jardinerie Guérin's in dispute.
    expect(scope('Transmettre au contentieux')).toBe('208 factures de 64 clients');
  }, 120_000);
});
