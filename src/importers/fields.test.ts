import { describe, expect, it } from 'vitest';
import { importProblemMessage } from '../text/import-problems.ts';
import { ENTITIES, ENTITY_FIELDS, type ImportEntity } from './entities.ts';
import { formatEntityFieldsHelp, normaliseHeader, recogniseHeader, resolveColumns } from './fields.ts';

describe('normaliseHeader', () => {
  it('treats every spelling of "number" alike and drops accents, case and little words', () => {
    for (const header of [
      'N° facture',
      'Numéro de facture',
      'No. facture',
      'Num facture',
      'N facture',
      'n°facture',
    ]) {
      expect(normaliseHeader(header)).toBe('numero facture');
    }
    expect(normaliseHeader('Invoice No')).toBe(normaliseHeader('Invoice number'));
    expect(normaliseHeader('Invoice #')).toBe(normaliseHeader('Invoice number'));
    expect(normaliseHeader("Date d'échéance")).toBe('date echeance');
    expect(normaliseHeader('E-mail facturation')).toBe(normaliseHeader('Email facturation'));
    expect(normaliseHeader('  customerCode ')).toBe('customer code');
  });
});

const EXPECTED: Record<ImportEntity, Record<string, readonly string[]>> = {
  invoices: {
    externalRef: ['N° facture', 'Numéro de facture', 'Invoice number', 'Invoice No'],
    issueDate: ['Date de facture', 'Date facture', 'Invoice date'],
    dueDate: ["Date d'échéance", 'Echéance', 'Due date'],
    amount: ['Montant TTC', 'Montant', 'Amount', 'Total TTC'],
    customerCode: ['Code client', 'N° client', 'Customer code', 'Client'],
    currency: ['Devise', 'Currency'],
    label: ['Libellé', 'Label', 'Description'],
    source: ['Source'],
  },
  customers: {
    code: ['Code client', 'N° client', 'Customer code', 'Client'],
    name: ['Raison sociale', 'Nom', 'Customer name'],
    siren: ['SIREN'],
    siret: ['SIRET'],
    vatNumber: ['N° TVA intracommunautaire', 'TVA intra', 'VAT number'],
    customerType: ['Type de client', 'Catégorie', 'Segment', 'Customer type'],
    groupCode: ['Groupe', 'Maison mère', 'Parent'],
    salesperson: ['Commercial', 'Représentant', 'Salesperson', 'Sales rep'],
    paymentTerms: ['Conditions de paiement', 'Délai de paiement', 'Payment terms'],
    currency: ['Devise', 'Currency'],
    creditLimit: ['Plafond', "Plafond d'encours", 'Limite de crédit', 'Ligne de crédit', 'Credit limit'],
    billingEmail: ['E-mail facturation', 'Email facturation', 'Billing email'],
    contactName: ['Contact'],
    contactPhone: ['Téléphone', 'Phone'],
    contactEmail: ['E-mail'],
    addressLine1: ['Adresse', 'Address'],
    postalCode: ['Code postal', 'CP', 'Postal code', 'Zip'],
    city: ['Ville', 'City'],
    country: ['Pays', 'Country'],
    language: ['Langue', 'Language'],
    status: ['Statut', 'Status'],
  },
  'credit-notes': {
    externalRef: ['N° avoir', 'Credit note number'],
    originalInvoiceRef: ["Facture d'origine", 'Original invoice'],
    amount: ['Montant TTC', 'Amount'],
  },
  payments: {
    externalRef: ['N° règlement', 'Référence règlement', 'Payment reference'],
    paymentDate: ['Date de règlement', 'Date règlement', 'Payment date'],
    valueDate: ['Date de valeur', 'Value date'],
    paymentMethod: ['Mode de règlement', 'Payment method'],
    invoiceRefs: ['Factures réglées', 'Factures', 'Invoices', 'Invoice refs'],
  },
  orders: {
    number: ['N° commande', 'Order number'],
    orderDate: ['Date de commande', 'Order date'],
    amount: ['Montant commande', 'Montant'],
    status: ['Statut commande', 'Statut'],
  },
};

describe('recogniseHeader', () => {
  for (const entity of ENTITIES) {
    it(`recognises the usual ${entity} headers`, () => {
      for (const [field, headers] of Object.entries(EXPECTED[entity])) {
        for (const header of headers) expect(recogniseHeader(entity, header)?.name, header).toBe(field);
      }
    });

    it(`gives every ${entity} header to one field only`, () => {
      const owner = new Map<string, string>();
      for (const spec of ENTITY_FIELDS[entity]) {
        for (const header of [spec.name, ...spec.headers]) {
          const key = normaliseHeader(header);
          expect(owner.get(key) ?? spec.name, `${header} (${key})`).toBe(spec.name);
          owner.set(key, spec.name);
        }
      }
    });
  }

  it('names the billing e-mail « E-mail facturation » first, as the column picker shows it', () => {
    const billing = ENTITY_FIELDS.customers.find((spec) => spec.name === 'billingEmail');
    expect(billing?.headers.slice(0, 2)).toEqual(['E-mail facturation', 'Email facturation']);
  });

  it('does not confuse "Montant HT" with the amount', () => {
    expect(recogniseHeader('invoices', 'Montant HT')).toBeUndefined();
  });

  it('recognises the headers of common English exports, whatever their case, spaces or underscores', () => {
    const invoices: Record<string, readonly string[]> = {
      externalRef: ['invoiceNumber', 'InvoiceNumber', 'invoice_number', 'INVOICE NO', 'Invoice ID'],
      customerCode: ['customerID', 'CustomerId', 'customer_id', 'CUSTOMER_ID', 'Client ID', 'Customer ref'],
      issueDate: ['InvoiceDate', 'invoice_date', 'Document date'],
      dueDate: ['DueDate', 'due_date', 'Payment due date', 'Date limite de paiement'],
      amount: ['InvoiceAmount', 'Invoice Amount', 'invoice_amount', 'Montant facture', 'Montant TTC'],
      disputed: ['Disputed', 'Litige', 'En litige'],
      disputeDate: ['DisputeDate', 'Date du litige'],
      channel: ['Channel', 'PaperlessBill', 'Canal', "Mode d'envoi"],
    };
    for (const [field, headers] of Object.entries(invoices)) {
      for (const header of headers) expect(recogniseHeader('invoices', header)?.name, header).toBe(field);
    }
    const payments: Record<string, readonly string[]> = {
      paymentDate: ['SettledDate', 'PaidDate', 'PaymentDate', 'settlement_date', "Date d'encaissement"],
      amount: ['PaymentAmount', 'Amount paid', 'Montant encaissé'],
      externalRef: ['PaymentID', 'Receipt number'],
      customerCode: ['customerID'],
    };
    for (const [field, headers] of Object.entries(payments)) {
      for (const header of headers) expect(recogniseHeader('payments', header)?.name, header).toBe(field);
    }
    expect(recogniseHeader('customers', 'customerID')?.name).toBe('code');
    // What remains to be paid, not the invoice's amount: left for the user to map.
    expect(recogniseHeader('invoices', 'Amount Due')).toBeUndefined();
    expect(recogniseHeader('customers', 'Company')).toBeUndefined();
  });
});

describe('resolveColumns', () => {
  it('maps recognised columns and lists the others', () => {
    const resolution = resolveColumns('invoices', [
      'N° facture',
      'Client',
      'Date',
      'Montant TTC',
      'Montant HT',
      '',
    ]);
    expect(Object.fromEntries(resolution.columnByField)).toEqual({
      externalRef: 0,
      customerCode: 1,
      issueDate: 2,
      amount: 3,
    });
    expect(resolution.unmappedColumns).toEqual(['Montant HT']);
    expect(resolution.problems).toEqual([]);
  });

  it('lets --map override recognition and ignore columns', () => {
    const resolution = resolveColumns('invoices', ['Pièce', 'Tiers', 'Le', 'Montant', 'Montant TTC'], {
      Pièce: 'externalRef',
      Tiers: 'customercode',
      Le: 'issueDate',
      'Montant TTC': 'amount',
    });
    expect(Object.fromEntries(resolution.columnByField)).toEqual({
      externalRef: 0,
      customerCode: 1,
      issueDate: 2,
      amount: 4,
    });
    expect(resolution.unmappedColumns).toEqual(['Montant']);
    expect(resolution.problems).toEqual([]);
  });

  it('reports unknown targets, absent columns, ambiguous and missing columns', () => {
    const resolution = resolveColumns('invoices', ['N° facture', 'Montant', 'Total TTC', 'X'], {
      X: 'prix',
      Absent: 'label',
    });
    const reasons = resolution.problems.map(
      ({ column, problem }) => `${column}: ${importProblemMessage('en', problem.code, problem.params)}`,
    );
    expect(reasons).toEqual([
      expect.stringMatching(/^X: --map: unknown field “prix” for invoices; fields are: externalRef, /),
      expect.stringMatching(/^Absent: --map names column “Absent”, which is not in the file/),
      expect.stringMatching(/^Total TTC: columns “Montant” and “Total TTC” both mean field “amount”/),
      expect.stringMatching(
        /^Code client: missing required column “Customer code”; accepted headers: “Code client”, .*“N° client”.*--map "<column>=customerCode"$/,
      ),
      expect.stringMatching(/^Date de facture: missing required column “Invoice date”/),
    ]);
  });

  it('quotes the lists of headers in the reader’s language, each header whole', () => {
    const resolution = resolveColumns('invoices', ['N° facture', 'Montant, TTC'], { Absent: 'label' });
    const [absent, missing] = resolution.problems.map(({ problem }) => problem);
    expect(absent?.code).toBe('map_unknown_column');
    expect(importProblemMessage('fr', absent?.code ?? '', absent?.params)).toContain(
      '(colonnes\u00a0: «\u00a0N° facture\u00a0», «\u00a0Montant, TTC\u00a0»)',
    );
    expect(importProblemMessage('en', absent?.code ?? '', absent?.params)).toContain(
      '(columns: “N° facture”, “Montant, TTC”)',
    );
    expect(missing?.code).toBe('missing_required_column');
    expect(importProblemMessage('fr', missing?.code ?? '', missing?.params)).toMatch(
      /en-têtes acceptés\u00a0: «\u00a0Code client\u00a0», «\u00a0[^"“”]+\u00a0»,/,
    );
  });
});

describe('resolveColumns: headers accepted later yield to the usual ones', () => {
  const resolve = (entity: ImportEntity, headers: readonly string[]) => {
    const resolution = resolveColumns(entity, headers);
    const problems = resolution.problems.map(({ column, problem }) => [column, problem.code]);
    return {
      fields: Object.fromEntries(resolution.columnByField),
      unmapped: resolution.unmappedColumns,
      problems,
    };
  };

  it('reads the usual header and leaves the later one unmapped, as before it was accepted', () => {
    expect(
      resolve('invoices', ['Invoice number', 'Customer code', 'Invoice date', 'Amount', 'Invoice amount']),
    ).toEqual({
      fields: { externalRef: 0, customerCode: 1, issueDate: 2, amount: 3 },
      unmapped: ['Invoice amount'],
      problems: [],
    });
    expect(
      resolve('invoices', [
        'Invoice number',
        'Customer code',
        'Invoice date',
        'Due date',
        'Payment due date',
        'Amount',
      ]),
    ).toEqual({
      fields: { externalRef: 0, customerCode: 1, issueDate: 2, dueDate: 3, amount: 5 },
      unmapped: ['Payment due date'],
      problems: [],
    });
    expect(
      resolve('invoices', ['Invoice number', 'Customer', 'Customer account', 'Invoice date', 'Amount']),
    ).toEqual({
      fields: { externalRef: 0, customerCode: 1, issueDate: 3, amount: 4 },
      unmapped: ['Customer account'],
      problems: [],
    });
    expect(
      resolve('payments', ['Payment reference', 'Customer code', 'Date', 'Settlement date', 'Amount']),
    ).toEqual({
      fields: { externalRef: 0, customerCode: 1, paymentDate: 2, amount: 4 },
      unmapped: ['Settlement date'],
      problems: [],
    });
  });

  it('reads a later header alone, and keeps refusing two usual headers of one field', () => {
    expect(resolve('invoices', ['Invoice ID', 'Client ID', 'Billing date', 'Invoice amount']).fields).toEqual(
      {
        externalRef: 0,
        customerCode: 1,
        issueDate: 2,
        amount: 3,
      },
    );
    expect(
      resolve('invoices', ['Invoice number', 'Customer code', 'Invoice date', 'Amount', 'Total TTC'])
        .problems,
    ).toEqual([['Total TTC', 'ambiguous_columns']]);
  });

  it('leaves competing later headers of an optional field unmapped, and refuses those of a required one', () => {
    const base = ['Invoice number', 'Customer code', 'Invoice date', 'Amount'];
    expect(resolve('invoices', [...base, 'Payment due date', 'Due on'])).toMatchObject({
      unmapped: ['Payment due date', 'Due on'],
      problems: [],
    });
    expect(
      resolve('invoices', ['Invoice number', 'Customer ref', 'Client ID', 'Invoice date', 'Amount']).problems,
    ).toEqual([['Client ID', 'ambiguous_columns']]);
  });

  it('refuses a later header beside the usual one in a customers file as an unknown column, as before', () => {
    expect(resolve('customers', ['Code client', 'Raison sociale', 'Customer account']).problems).toEqual([
      ['Customer account', 'unknown_column'],
    ]);
  });
});

describe('formatEntityFieldsHelp', () => {
  it('lists fields with their headers', () => {
    const help = formatEntityFieldsHelp('payments');
    expect(help).toContain('* externalRef');
    expect(help).toContain('Factures réglées');
  });
});
