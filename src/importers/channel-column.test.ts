import { describe, expect, it } from 'vitest';
import { expectOk, tempDirOfTestFile } from '../../test/support/import-test-files.ts';
import { ChannelColumn, isElectronicFlagHeader } from './channel-column.ts';
import { parseImportFile } from './parse-file.ts';

const dir = tempDirOfTestFile();

describe('isElectronicFlagHeader', () => {
  it('knows the French and English headers about electronic invoicing, and only those', () => {
    for (const header of [
      'Facture électronique',
      'FACTURE ELECTRONIQUE',
      'Dématérialisée',
      'Facture dématérialisée',
      'E-invoice',
      'e_invoice',
      'Electronic',
      'Electronic invoice',
      'PaperlessBilling',
      'Paperless',
    ])
      expect(isElectronicFlagHeader(header), header).toBe(true);
    for (const header of ['Canal', "Mode d'envoi", 'Channel', 'PaperlessBill ID', 'Litige', 'Actif'])
      expect(isElectronicFlagHeader(header), header).toBe(false);
  });
});

describe('ChannelColumn', () => {
  it('reads yes/no as electronic/paper under a header about electronic invoicing', () => {
    const column = new ChannelColumn('Facture électronique');
    expect(['oui', 'Non', 'TRUE', 'false', '1', '0', 'x', 'Y', 'N'].map((text) => column.read(text))).toEqual(
      [
        { channel: 'electronic' },
        { channel: 'paper' },
        { channel: 'electronic' },
        { channel: 'paper' },
        { channel: 'electronic' },
        { channel: 'paper' },
        { channel: 'electronic' },
        { channel: 'electronic' },
        { channel: 'paper' },
      ],
    );
    // Channel words still say what they say; a blank says nothing while a "no" is in the column.
    expect(column.read('papier')).toEqual({ channel: 'paper' });
    expect(column.read(null)).toBeNull();
    expect(column.blankChannel()).toBeNull();
  });

  it('reads no yes/no under a channel header: they are no channel', () => {
    const column = new ChannelColumn('Canal');
    expect(column.read('oui')).toEqual({ unknown: 'oui' });
    expect(column.read('0')).toEqual({ unknown: '0' });
    expect(column.read('Électronique')).toEqual({ channel: 'electronic' });
    expect(column.blankChannel()).toBeNull();
  });

  it('makes the blanks paper only in a column about electronic invoicing that marks its electronic ones', () => {
    const marks = new ChannelColumn('Dématérialisée');
    expect(marks.read('x')).toEqual({ channel: 'electronic' });
    expect(marks.blankChannel()).toBe('paper');
    const empty = new ChannelColumn('Dématérialisée');
    expect(empty.read(null)).toBeNull();
    expect(empty.blankChannel()).toBeNull();
    const other = new ChannelColumn('E-invoice');
    other.read('x');
    other.read('peut-être');
    expect(other.blankChannel()).toBeNull();
    const channelWords = new ChannelColumn('Channel');
    channelWords.read('EDI');
    expect(channelWords.blankChannel()).toBeNull();
  });
});

describe('parseImportFile: invoices whose channel column says yes or no', () => {
  const header = (channel: string) => `N° facture;Code client;Date facture;Montant TTC;${channel}\n`;
  const channelsOf = async (name: string, text: string) => {
    const result = expectOk(await parseImportFile(await dir.write(name, text), 'invoices'));
    return result.records.map((record) => [record.externalRef, record.channel, record.unknownChannel]);
  };

  it('reads a French "Facture électronique" column of oui/non, blanks not known', async () => {
    const text = `${header('Facture électronique')}F1;C1;05/01/2026;10,00;oui\nF2;C1;05/01/2026;10,00;non\nF3;C1;05/01/2026;10,00;\n`;
    expect(await channelsOf('fr.csv', text)).toEqual([
      ['F1', 'electronic', undefined],
      ['F2', 'paper', undefined],
      ['F3', undefined, undefined],
    ]);
  });

  it('reads an English "E-invoice" column of true/false and an "Electronic" column of 1/0', async () => {
    const trueFalse = `${header('E-invoice')}F1;C1;05/01/2026;10,00;TRUE\nF2;C1;05/01/2026;10,00;FALSE\n`;
    expect(await channelsOf('en.csv', trueFalse)).toEqual([
      ['F1', 'electronic', undefined],
      ['F2', 'paper', undefined],
    ]);
    const ones = `${header('Electronic')}F1;C1;05/01/2026;10,00;0\nF2;C1;05/01/2026;10,00;1\n`;
    expect(await channelsOf('ones.csv', ones)).toEqual([
      ['F1', 'paper', undefined],
      ['F2', 'electronic', undefined],
    ]);
  });

  it('reads a "Dématérialisée" column of x and blanks as electronic and paper', async () => {
    const text = `${header('Dématérialisée')}F1;C1;05/01/2026;10,00;X\nF2;C1;05/01/2026;10,00;\nF3;C1;05/01/2026;10,00;x\n`;
    expect(await channelsOf('x.csv', text)).toEqual([
      ['F1', 'electronic', undefined],
      ['F2', 'paper', undefined],
      ['F3', 'electronic', undefined],
    ]);
  });

  it('does not read yes/no under a channel header that is not about electronic invoicing', async () => {
    const text = `${header('Canal')}F1;C1;05/01/2026;10,00;oui\nF2;C1;05/01/2026;10,00;\n`;
    expect(await channelsOf('canal.csv', text)).toEqual([
      ['F1', undefined, 'oui'],
      ['F2', undefined, undefined],
    ]);
    const english = `${header('Channel')}F1;C1;05/01/2026;10,00;Yes\nF2;C1;05/01/2026;10,00;No\n`;
    expect(await channelsOf('channel.csv', english)).toEqual([
      ['F1', undefined, 'Yes'],
      ['F2', undefined, 'No'],
    ]);
  });
});
