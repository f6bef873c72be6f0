import { describe, expect, it } from 'vitest';
import { contentDisposition } from './download.ts';

describe('contentDisposition', () => {
  it('sends a plain ASCII name as it is, attached or inline', () => {
    expect(contentDisposition('balance-agee-2026-06-30.csv')).toBe(
      'attachment; filename="balance-agee-2026-06-30.csv"',
    );
    expect(contentDisposition('apercu.pdf', true)).toBe('inline; filename="apercu.pdf"');
  });

  it('adds the exact UTF-8 name for accents, quotes and the characters RFC 5987 escapes', () => {
    expect(contentDisposition('déclaration-Société "Côté" (1)*.pdf')).toBe(
      `attachment; filename="declaration-Societe _Cote_ (1)*.pdf"; filename*=UTF-8''d%C3%A9claration-Soci%C3%A9t%C3%A9%20%22C%C3%B4t%C3%A9%22%20%281%29%2A.pdf`,
    );
    expect(contentDisposition('Œuvre.pdf')).toBe(
      `attachment; filename="_uvre.pdf"; filename*=UTF-8''%C5%92uvre.pdf`,
    );
  });
});
