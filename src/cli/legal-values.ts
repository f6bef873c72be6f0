/** Option values of the legal and insurance commands: amounts (150.00) and record numbers. */
import { DomainError } from '#app/errors';
import { amountOption as cliAmount } from './cli-values.ts';

export function amountOption(text: string | undefined, option: string): number | undefined {
  if (text === undefined) return undefined;
  return cliAmount(text, option, { decimalSeparator: '.' });
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
