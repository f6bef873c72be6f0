/**
 * A camt.053/054 file read piece by piece (xml-split.ts): each entry (`Ntry`, a child of a
 * statement or notification) is parsed alone when its text is complete, and the rest of the file —
 * group header, statements' identification, accounts and balances — stays as a small skeleton.
 * A statement's header is read from the skeleton when its first entry comes (its identification,
 * account and balances precede its entries in every version of the schema), and read again at its
 * end: if the end says anything else (elements out of the schema's order), the file is refused
 * rather than imported under another account. The whole skeleton is parsed at the end, so a
 * malformed or unknown document is still refused as a whole; so are DTDs, in any piece.
 */
import {
  BankFileError,
  type BankItem,
  type BankProblem,
  bankProblem,
  type ParsedBankFile,
  type ParsedEntry,
  type ParsedStatement,
} from './bank-types.ts';
import { CAMT_ROOTS, camtVersion, readEntry, readRecord } from './camt.ts';
import { hasDoctype, kid, kids, parseXml, rootOf, txt } from './xml.ts';
import { type XmlSplitToken, XmlSplitter } from './xml-split.ts';

const HEAD_LENGTH = 4000;

interface OpenRecord {
  index: number;
  name: string;
  start: number;
  header: ParsedStatement | null;
  entries: number;
  problems: BankProblem[];
}

export class CamtReader {
  private readonly splitter = new XmlSplitter('Ntry', 4, 3);
  private head = '';
  /** The last characters of the previous chunk: a DTD cut between two chunks is still seen. */
  private tail = '';
  /** The document's and the message's elements as written (prefix included) and their local names. */
  private readonly names: { name: string; local: string }[] = [];
  private messageId: string | null | undefined;
  private record: OpenRecord | null = null;
  private records = 0;
  private readonly problems: BankProblem[] = [];

  push(chunk: string): BankItem[] {
    if (this.head.length < HEAD_LENGTH) this.head += chunk.slice(0, HEAD_LENGTH - this.head.length);
    if (hasDoctype(this.tail + chunk)) throw new BankFileError([bankProblem('xml_doctype_refused')]);
    this.tail = chunk.slice(-16);
    const items: BankItem[] = [];
    for (const token of this.splitter.push(chunk)) this.take(token, items);
    return items;
  }

  /** The file's end: the whole skeleton checked, then every problem found, or the format. */
  finish(): ParsedBankFile['format'] {
    this.splitter.end();
    const document = parseXml(this.splitter.skeleton);
    const top = rootOf(document);
    const body = top?.name === 'Document' ? rootOf(top.node) : null;
    const kind = body ? CAMT_ROOTS[body.name] : undefined;
    if (!body || !kind) throw new BankFileError([bankProblem('camt_unknown_message')]);
    const version = camtVersion(this.head);
    if (version !== null && (version < 2 || version > 8))
      throw new BankFileError([bankProblem('camt_unsupported_version', { version })]);
    if (kids(body.node, kind.record).length !== this.records)
      throw new BankFileError([bankProblem('xml_malformed', { message: 'statement out of place' })]);
    if (this.records === 0) this.problems.push(bankProblem('bank_no_statement'));
    if (this.problems.length > 0) throw new BankFileError(this.problems);
    return kind.format;
  }

  /** The message's format, once its element is read. */
  currentFormat(): ParsedBankFile['format'] | null {
    return this.names[0]?.local === 'Document'
      ? (CAMT_ROOTS[this.names[1]?.local ?? '']?.format ?? null)
      : null;
  }

  private recordName(): string | undefined {
    return this.names[0]?.local === 'Document' ? CAMT_ROOTS[this.names[1]?.local ?? '']?.record : undefined;
  }

  private take(token: XmlSplitToken, items: BankItem[]): void {
    if (token.type === 'piece') {
      if (this.record) this.entry(this.record, token, items);
      return;
    }
    if (token.depth < 3) {
      if (token.type === 'open') this.names[token.depth - 1] = { name: token.name, local: token.local };
      return;
    }
    if (token.local !== this.recordName()) return;
    if (token.type === 'open') {
      this.messageId ??= this.groupMessageId(token.at);
      this.record = {
        index: this.records++,
        name: token.name,
        start: token.at,
        header: null,
        entries: 0,
        problems: [],
      };
    } else if (this.record) {
      this.endRecord(this.record, token.at, items);
      this.record = null;
    }
  }

  /** GrpHdr/MsgId from the skeleton before the first statement (null when it does not parse). */
  private groupMessageId(recordStart: number): string | null {
    const before = this.splitter.skeleton.slice(0, recordStart);
    const closing = this.names.map(({ name }) => `</${name}>`).reverse();
    try {
      const document = parseXml(`${before}${closing.join('')}`);
      const body = rootOf(rootOf(document)?.node ?? {});
      return txt(kid(body?.node, 'GrpHdr'), 'MsgId');
    } catch {
      // A malformed start is reported when the whole skeleton is parsed.
      return null;
    }
  }

  private readStatement(record: OpenRecord, text: string, problems: BankProblem[]): ParsedStatement {
    const document = parseXml(text);
    const node = rootOf(document)?.node;
    if (!node) throw new BankFileError([bankProblem('xml_malformed', { message: 'statement' })]);
    return readRecord(node, record.index, this.messageId ?? null, problems);
  }

  private entry(
    record: OpenRecord,
    { text, line, at }: { text: string; line: number; at: number },
    items: BankItem[],
  ): void {
    if (record.header === null) {
      const soFar = `${this.splitter.skeleton.slice(record.start, at)}</${record.name}>`;
      record.header = this.readStatement(record, soFar, []);
      items.push({ kind: 'statement', statement: record.header });
    }
    const node = kid(parseXml(text, line), 'Ntry');
    const problemsBefore = record.problems.length;
    const entry: ParsedEntry = readEntry(node ?? {}, record.entries++, record.header.id, record.problems);
    items.push(
      record.problems.length > problemsBefore
        ? { kind: 'entry', entry, refused: true }
        : { kind: 'entry', entry },
    );
  }

  private endRecord(record: OpenRecord, end: number, items: BankItem[]): void {
    const problems: BankProblem[] = [];
    const statement = this.readStatement(record, this.splitter.skeleton.slice(record.start, end), problems);
    if (record.header === null) items.push({ kind: 'statement', statement });
    else if (JSON.stringify(record.header) !== JSON.stringify(statement))
      throw new BankFileError([
        bankProblem('xml_malformed', { message: `statement ${statement.id}: header after its entries` }),
      ]);
    this.problems.push(...problems, ...record.problems);
    items.push({ kind: 'statementEnd', statement });
  }
}

/** A whole camt text: its statements with their entries (the reader's items put together). */
export function parseCamt(text: string): ParsedBankFile {
  const reader = new CamtReader();
  const statements: ParsedStatement[] = [];
  const items = reader.push(text);
  const format = reader.finish();
  for (const item of items) {
    if (item.kind === 'statement') statements.push({ ...item.statement, entries: [] });
    else if (item.kind === 'entry') statements.at(-1)?.entries.push(item.entry);
  }
  return { format, statements };
}
