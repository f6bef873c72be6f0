import { describe, expect, it } from 'vitest';
import {
  expectErrors,
  expectOk,
  summarise,
  tempDirOfTestFile,
} from '../../test/support/import-test-files.ts';
import { formatPaymentTermsSpec, parsePaymentTerms } from '../core/ledger/payment-terms.ts';
import { parseImportFile } from './parse-file.ts';

const dir = tempDirOfTestFile();

// Messages are pinned in English here, in French in parse-file.test.ts.
describe('parseImportFile: credit notes, payments, orders', () => {
  it('stores credit notes negative whatever the sign in a tab-separated file', async () => {
    const file = await dir.write(
      'avoirs.tsv',
      "N° avoir\tClient\tDate\tMontant\tFacture d'origine\nA1\tC1\t10/01/2024\t100,00\tF1\nA2\tC1\t11/01/2024\t-50,5\t\n",
    );
    const result = expectOk(await parseImportFile(file, 'credit-notes'));
    expect(result.separator).toBe('\t');
    expect(result.records).toEqual([
      expect.objectContaining({
        kind: 'credit_note',
        amountMinor: -10_000,
        originalInvoiceRef: 'F1',
        dueDate: '2024-01-10',
      }),
      expect.objectContaining({
        kind: 'credit_note',
        amountMinor: -5050,
        originalInvoiceRef: null,
        dueDate: '2024-01-11',
      }),
    ]);
  });

  it('reads payments with and without invoice lists', async () => {
    const file = await dir.write(
      'reglements.csv',
      [
        'N° règlement;Client;Date règlement;Date de valeur;Montant;Mode de règlement;Factures réglées',
        'R1;C1;15/02/2024;16/02/2024;1 500,00;Virement;F1; F2',
        'R2;C1;16/02/2024;;-200,00;Chèque;',
        'R3;C2;17/02/2024;;"300,00";;"F3 | F4,F5"',
      ].join('\n'),
    );
    // "F1; F2" splits into two cells: quoting is needed for lists written with the separator.
    const firstTry = expectErrors(await parseImportFile(file, 'payments'));
    expect(summarise(firstTry, 'en')).toEqual([
      expect.stringMatching(/^2 null: 8 values but the header has 7/),
    ]);

    const quoted = await dir.write(
      'reglements-ok.csv',
      [
        'N° règlement;Client;Date règlement;Date de valeur;Montant;Mode de règlement;Factures réglées',
        'R1;C1;15/02/2024;16/02/2024;1 500,00;Virement;"F1; F2"',
        'R2;C1;16/02/2024;;-200,00;Chèque;',
        'R3;C2;17/02/2024;;"300,00";;"F3 | F4,F5"',
      ].join('\n'),
    );
    const result = expectOk(await parseImportFile(quoted, 'payments'));
    expect(result.records).toEqual([
      {
        line: 2,
        kind: 'payment',
        source: 'import',
        externalRef: 'R1',
        customerCode: 'C1',
        issueDate: '2024-02-15',
        dueDate: '2024-02-15',
        valueDate: '2024-02-16',
        amountMinor: -150_000,
        currency: 'EUR',
        label: 'Virement',
        invoiceRefs: ['F1', 'F2'],
      },
      expect.objectContaining({ line: 3, amountMinor: -20_000, label: 'Chèque', invoiceRefs: [] }),
      expect.objectContaining({
        line: 4,
        amountMinor: -30_000,
        label: null,
        invoiceRefs: ['F3', 'F4', 'F5'],
      }),
    ]);
  });

  it('refuses a payment of zero', async () => {
    const file = await dir.write('zero.csv', 'Référence;Client;Date;Montant\nR1;C1;01/01/2024;0,00\n');
    expect(summarise(expectErrors(await parseImportFile(file, 'payments')), 'en')).toEqual([
      '2 Montant: a payment of 0 is not a payment',
    ]);
  });

  it('reads orders with French statuses', async () => {
    const file = await dir.write(
      'commandes.csv',
      'N° commande;Client;Date de commande;Montant commande;Statut commande\nO1;C1;01/03/2024;2 000;Bloquée\nO2;C1;02/03/2024;10;\nO3;C1;03/03/2024;10;perdue\n',
    );
    const errors = expectErrors(await parseImportFile(file, 'orders'));
    // The accepted values by their labels, in the reader's language; the codes are not shown.
    expect(summarise(errors, 'en')).toEqual([
      '4 Statut commande: unknown value; accepted: pending, blocked, released, invoiced, cancelled',
    ]);
    expect(summarise(errors, 'fr')).toEqual([
      '4 Statut commande: valeur inconnue\u00a0; valeurs acceptées\u00a0: en attente, bloquée, libérée, facturée, annulée',
    ]);
  });
});

describe('parseImportFile: customers', () => {
  it('reads a customer master file', async () => {
    const file = await dir.write(
      'clients.csv',
      [
        'Code client;Raison sociale;SIRET;TVA intra;Catégorie;Maison mère;Commercial;Délai de paiement;Plafond;Devise;Contact;Téléphone;E-mail;Adresse;CP;Ville;Pays;Langue;Statut',
        'C1;Dupont SA;552 100 554 00013;fr 12 552100554;GMS;G1;Alice;45 jours fin de mois;50 000,00;;Jean Martin;01 02 03 04 05;compta@dupont.fr;1 rue de la Paix;75002;Paris;France;;Redressement judiciaire',
        'C2;Kleine GmbH;;;;;;;;CHF;;;;;;;Allemagne;Allemand;',
      ].join('\n'),
    );
    const result = expectOk(await parseImportFile(file, 'customers'));
    const terms = parsePaymentTerms('45 jours fin de mois');
    expect(terms).not.toBeNull();
    expect(result.records).toEqual([
      {
        line: 2,
        code: 'C1',
        name: 'Dupont SA',
        siren: '552100554',
        siret: '55210055400013',
        vatNumber: 'FR12552100554',
        customerType: 'large_retail',
        groupCode: 'G1',
        salesperson: 'Alice',
        paymentTerms: formatPaymentTermsSpec(terms!),
        currency: 'EUR',
        creditLimitMinor: 5_000_000,
        billingEmail: 'compta@dupont.fr',
        contacts: [{ name: 'Jean Martin', role: null, email: 'compta@dupont.fr', phone: '01 02 03 04 05' }],
        address: {
          line1: '1 rue de la Paix',
          line2: null,
          postalCode: '75002',
          city: 'Paris',
          country: 'FR',
        },
        language: 'fr',
        status: 'receivership',
      },
      expect.objectContaining({
        code: 'C2',
        customerType: 'other',
        paymentTerms: 'net:30',
        currency: 'CHF',
        creditLimitMinor: null,
        contacts: [],
        billingEmail: null,
        address: expect.objectContaining({ country: 'DE' }),
        language: 'de',
        status: 'active',
      }),
    ]);
  });

  it('reports bad customer values', async () => {
    const file = await dir.write(
      'clients-bad.csv',
      [
        'Code client;Nom;SIREN;Type de client;Plafond;Conditions de paiement',
        'C1;Alpha;552100554;PME;1000;30 jours nets',
        'C2;Beta;552100555;;;',
        'C3;Gamma;;Martien;;',
        'C4;;;;mille;',
        'C1;Delta;;;;un jour peut-être',
      ].join('\n'),
    );
    expect(summarise(expectErrors(await parseImportFile(file, 'customers')), 'en')).toEqual([
      '3 SIREN: invalid SIREN: the check digit (Luhn key) does not match',
      '4 Type de client: unknown value; accepted: large retail, wholesaler, independent retailer, SME, public body, export, other',
      '5 Nom: required value is empty',
      expect.stringMatching(/^5 Plafond: not a valid amount in EUR/),
      expect.stringMatching(/^6 Conditions de paiement: payment terms not understood/),
      '6 Code client: duplicate customer code “C1”: already on line 2',
    ]);
  });
});
