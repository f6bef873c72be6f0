/**
 * Reading an invoices file's channel column. A channel word ("papier", "EDI", "Electronic") says
 * the channel under any of the field's headers. Under a header about electronic invoicing
 * ("Facture électronique", "Dématérialisée", "E-invoice"…) a yes/no cell says it too: yes is
 * electronic, no is paper; and when such a column marks only its electronic invoices (an "x" or a
 * "oui" and blanks, never a no), its blanks are paper. Any other value (a sales channel "Web", or
 * "oui" under a mere "Canal") is no channel: the use case leaves the whole column out.
 */
import { ELECTRONIC_FLAG_HEADERS } from './channel-field.ts';
import { normaliseHeader } from './fields.ts';
import type { ParsedDocument } from './records.ts';
import { CHANNEL_WORDS, YES_NO_WORDS } from './vocabulary.ts';

export type Channel = 'paper' | 'electronic';

/** What one cell says: a channel, nothing (blank), or a value that is no channel. */
export type ChannelReading = { channel: Channel } | { unknown: string } | null;

const FLAG_HEADERS: ReadonlySet<string> = new Set(ELECTRONIC_FLAG_HEADERS.map(normaliseHeader));

/** Whether a column's header asks whether the invoice was electronic (its yes/no cells answer). */
export function isElectronicFlagHeader(header: string): boolean {
  return FLAG_HEADERS.has(normaliseHeader(header));
}

/** One pass's channel column: reads its cells and decides what its blanks mean once all are read. */
export class ChannelColumn {
  readonly #flag: boolean;
  #saidPaper = false;
  #saidElectronic = false;
  #saidOther = false;

  constructor(header: string) {
    this.#flag = isElectronicFlagHeader(header);
  }

  /** What a trimmed cell says (null: blank). */
  read(text: string | null): ChannelReading {
    if (text === null) return null;
    const reading = this.#readText(text);
    if ('channel' in reading) {
      if (reading.channel === 'paper') this.#saidPaper = true;
      else this.#saidElectronic = true;
    } else this.#saidOther = true;
    return reading;
  }

  #readText(text: string): { channel: Channel } | { unknown: string } {
    const channel = CHANNEL_WORDS.lookup(text);
    if (channel !== undefined) return { channel };
    const answer = this.#flag ? YES_NO_WORDS.lookup(text) : undefined;
    if (answer === undefined) return { unknown: text };
    return { channel: answer === 'yes' ? 'electronic' : 'paper' };
  }

  /**
   * The channel of the blank cells, known once the column is read: paper in a column about
   * electronic invoicing that marks only its electronic invoices, else null (not known).
   */
  blankChannel(): Channel | null {
    return this.#flag && this.#saidElectronic && !this.#saidPaper && !this.#saidOther ? 'paper' : null;
  }

  /** Gives the blanks of `invoices` (no channel, no other value) the channel blanks turned out to mean. */
  fillBlanks(invoices: ParsedDocument[]): void {
    const channel = this.blankChannel();
    if (channel === null) return;
    for (const invoice of invoices)
      if (invoice.channel === undefined && invoice.unknownChannel === undefined) invoice.channel = channel;
  }
}
