/**
 * An XML text read piece by piece, cut into what a bank file repeats and the rest: each element of
 * one name at one depth (camt's entries, `Ntry`, the direct children of a statement) comes out as
 * a text of its own, to be parsed alone, and everything else is kept as the skeleton. A statement
 * of 100,000 entries is then never one tree in memory: only the skeleton (headers, balances) and
 * one entry at a time. The cutter only finds tags (comments, CDATA and processing instructions
 * are skipped whole, quoted attribute values may hold `>`); well-formedness is the parser's
 * business, on each piece and on the skeleton.
 */

/**
 * What the cutter found: an element opened or closed down to the reported depth (`at`: where its
 * tag starts in the skeleton, or for a close where the tag ends), or a cut piece with its line and
 * where it was cut from the skeleton.
 */
export type XmlSplitToken =
  | { type: 'open' | 'close'; name: string; local: string; depth: number; at: number }
  | { type: 'piece'; text: string; line: number; at: number };

const SKIPPED: readonly [string, string][] = [
  ['<!--', '-->'],
  ['<![CDATA[', ']]>'],
  ['<?', '?>'],
];

function localOf(name: string): string {
  const colon = name.lastIndexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

function countLines(text: string, from: number, to: number): number {
  let lines = 0;
  for (let at = text.indexOf('\n', from); at >= 0 && at < to; at = text.indexOf('\n', at + 1)) lines++;
  return lines;
}

export class XmlSplitter {
  /** The text without the cut pieces. */
  skeleton = '';
  private buffer = '';
  /** Where the scan resumes in the buffer. */
  private at = 0;
  /**
   * How far the construct starting at `at` (a tag, a comment, a CDATA section, a processing
   * instruction) was read without finding its end, and the quote open there in a tag; -1 when
   * nothing is pending. The next chunk resumes from there: an unclosed comment is not searched
   * again from its start on every chunk (quadratic on a file that never closes it).
   */
  private pendingFrom = -1;
  private pendingQuote = '';
  /** Start in the buffer of what is neither in the skeleton yet nor in a piece. */
  private skeletonFrom = 0;
  /** Start of the piece being read in the buffer, or -1. */
  private pieceStart = -1;
  private pieceLine = 0;
  /** Lines are counted up to `countedTo` in the buffer, which is on line `line` (1-based). */
  private countedTo = 0;
  private line = 1;
  private readonly stack: string[] = [];
  private readonly cutName: string;
  private readonly cutDepth: number;
  private readonly reportDepth: number;

  /**
   * @param cutName the local name of the elements to cut out
   * @param cutDepth their depth (the root element is at 1)
   * @param reportDepth opens and closes down to this depth are reported
   */
  constructor(cutName: string, cutDepth: number, reportDepth: number) {
    this.cutName = cutName;
    this.cutDepth = cutDepth;
    this.reportDepth = reportDepth;
  }

  push(chunk: string): XmlSplitToken[] {
    this.buffer += chunk;
    const tokens: XmlSplitToken[] = [];
    this.scan(tokens);
    this.compact();
    return tokens;
  }

  /** The rest of the text (an unfinished piece stays in the skeleton, which then does not parse). */
  end(): void {
    this.skeleton += this.buffer.slice(this.skeletonFrom);
    this.buffer = '';
    this.at = 0;
    this.pendingFrom = -1;
    this.skeletonFrom = 0;
    this.pieceStart = -1;
  }

  private scan(tokens: XmlSplitToken[]): void {
    const text = this.buffer;
    for (;;) {
      const open = text.indexOf('<', this.at);
      if (open < 0) {
        this.at = text.length;
        return;
      }
      const resumed = open === this.at ? this.pendingFrom : -1;
      const skipped = SKIPPED.find(([start]) => text.startsWith(start, open));
      if (skipped) {
        const [start, closer] = skipped;
        const close = text.indexOf(closer, Math.max(open + start.length, resumed));
        if (close < 0) {
          this.at = open;
          // The closer may begin in the last characters read, not before.
          this.pendingFrom = Math.max(open + start.length, text.length - closer.length + 1);
          return;
        }
        this.at = close + closer.length;
        this.pendingFrom = -1;
        continue;
      }
      // A prefix of a skipped opener may still be cut at the chunk's end.
      const cut = text.length - open < 9 && SKIPPED.some(([start]) => start.startsWith(text.slice(open)));
      const end = cut ? -1 : this.tagEnd(text, open, resumed);
      if (end < 0) {
        // Read on from where this tag was left when the next chunk has come.
        this.at = open;
        return;
      }
      this.at = end + 1;
      this.pendingFrom = -1;
      this.tag(text, open, end, tokens);
    }
  }

  /**
   * The index of the `>` that ends the tag opened at `from`, quotes respected, read on from
   * `resumed` when the tag was left unfinished there; -1 when not read yet (and where it stopped).
   */
  private tagEnd(text: string, from: number, resumed: number): number {
    let quote = resumed > from ? this.pendingQuote : '';
    for (let at = resumed > from ? resumed : from + 1; at < text.length; at++) {
      const char = text[at];
      if (quote !== '') {
        if (char === quote) quote = '';
      } else if (char === '"' || char === "'") quote = char;
      else if (char === '>') return at;
    }
    this.pendingFrom = text.length;
    this.pendingQuote = quote;
    return -1;
  }

  private lineAt(position: number): number {
    this.line += countLines(this.buffer, this.countedTo, position);
    this.countedTo = position;
    return this.line;
  }

  private tag(text: string, open: number, end: number, tokens: XmlSplitToken[]): void {
    const closing = text[open + 1] === '/';
    if (text[open + 1] === '!') return;
    const name = /^[^\s/>]+/.exec(text.slice(open + (closing ? 2 : 1), Math.min(end, open + 200)))?.[0] ?? '';
    const local = localOf(name);
    const selfClosing = !closing && text[end - 1] === '/';
    if (this.pieceStart >= 0) {
      if (closing && local === this.cutName) this.cutPiece(text, end, tokens);
      return;
    }
    if (closing) {
      const depth = this.stack.length;
      this.stack.pop();
      if (depth <= this.reportDepth)
        tokens.push({ type: 'close', name, local, depth, at: this.skeletonOffset(end + 1) });
      return;
    }
    const depth = this.stack.length + 1;
    if (local === this.cutName && depth === this.cutDepth) {
      this.pieceStart = open;
      this.pieceLine = this.lineAt(open);
      if (selfClosing) this.cutPiece(text, end, tokens);
      return;
    }
    if (depth <= this.reportDepth)
      tokens.push({ type: 'open', name, local, depth, at: this.skeletonOffset(open) });
    if (selfClosing) {
      if (depth <= this.reportDepth)
        tokens.push({ type: 'close', name, local, depth, at: this.skeletonOffset(end + 1) });
    } else this.stack.push(name);
  }

  /** Where a position of the buffer outside any piece lands in the skeleton. */
  private skeletonOffset(position: number): number {
    return this.skeleton.length + position - this.skeletonFrom;
  }

  /** The piece from its start to `end` is given out; the skeleton gets what came before it. */
  private cutPiece(text: string, end: number, tokens: XmlSplitToken[]): void {
    this.skeleton += text.slice(this.skeletonFrom, this.pieceStart);
    const at = this.skeleton.length;
    tokens.push({ type: 'piece', text: text.slice(this.pieceStart, end + 1), line: this.pieceLine, at });
    this.skeletonFrom = end + 1;
    this.pieceStart = -1;
  }

  /** What the scan has passed and no piece holds leaves the buffer for the skeleton. */
  private compact(): void {
    const keepFrom = this.pieceStart >= 0 ? this.pieceStart : this.at;
    if (keepFrom > this.skeletonFrom) this.skeleton += this.buffer.slice(this.skeletonFrom, keepFrom);
    this.lineAt(Math.max(keepFrom, this.countedTo));
    const shift = keepFrom;
    this.buffer = this.buffer.slice(shift);
    this.at -= shift;
    if (this.pendingFrom >= 0) this.pendingFrom -= shift;
    this.countedTo -= shift;
    this.skeletonFrom = 0;
    if (this.pieceStart >= 0) this.pieceStart = 0;
  }
}
