/** Option values of the legal and insurance commands: amounts (150.00) and record numbers. */
import { DomainError } from '#app/errors';
import { parseAmountToMinor } from '#core/money';

export function amountOption(text: string | undefined, option: string): number | undefined {
  if (text === undefined) return undefined;
  const minor = parseAmountToMinor(text, { exponent: 2, decimalSeparator: '.' });
  if (minor === null || minor < 0)
    throw new DomainError('invalid_input', { key: 'errors.cli.amount', params: { option, value: text } });
  return minor;
}

/** A record number; `what` names the record (`claim`, `claimTask`, `file`, `partner`, `proposal`, `batch`). */
export function idArgument(text: string, what: string): number {
  const id = Number(text);
  if (!Number.isSafeInteger(id) || id < 1)
    throw new DomainError('invalid_input', {
      key: 'errors.legal.option.notNumber',
      params: { what, value: text },
    });
  return id;
}
