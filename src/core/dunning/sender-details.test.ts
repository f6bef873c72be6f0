import { describe, expect, it } from 'vitest';
import { checkSenderDetails, printedBic, printedIban } from './sender-details.ts';

describe('sender details', () => {
  it('writes an IBAN in groups of four and a BIC in capitals, whatever the typing', () => {
    expect(printedIban('fr7630006000011234567890189')).toBe('FR76 3000 6000 0112 3456 7890 189');
    expect(printedIban(' FR76 3000 6000 0112 3456 7890 189 ')).toBe('FR76 3000 6000 0112 3456 7890 189');
    expect(printedBic('bnpa fr pp xxx')).toBe('BNPAFRPPXXX');
  });

  it('refuses an IBAN with a wrong check digit, a BIC and an e-mail that are none', () => {
    const { details, problems } = checkSenderDetails({
      iban: 'FR77 3000 6000 0112 3456 7890 189',
      bic: 'BNP',
      email: 'recouvrement at cb2c',
      phone: ' 04 72 00 00 00 ',
    });
    expect(problems).toEqual([
      { field: 'email', code: 'invalid_email', value: 'recouvrement at cb2c' },
      { field: 'iban', code: 'invalid_iban', value: 'FR77 3000 6000 0112 3456 7890 189' },
      { field: 'bic', code: 'invalid_bic', value: 'BNP' },
    ]);
    expect(details).toEqual({ phone: '04 72 00 00 00' });
  });

  it('clears a detail given empty and leaves alone those not given', () => {
    const { details, problems } = checkSenderDetails({ signatoryTitle: '  ', email: 'a@b.fr' });
    expect(problems).toEqual([]);
    expect(details).toEqual({ email: 'a@b.fr', signatoryTitle: null });
    expect(checkSenderDetails({ signatoryName: 'x'.repeat(121) }).problems[0]?.code).toBe('too_long');
  });
});
