/**
 * A "Litige" or "Disputed" column recognised from its header is the dispute flag only when all its
 * values say yes or no. French exports often carry a dispute reason or comment under that header
 * ("Prix contesté"); such a column is left out, as it was before the header was recognised, rather
 * than refusing the file. A column the user mapped (`--map Litige=disputed`) is read as a flag.
 */
import { YES_NO_WORDS } from './vocabulary.ts';

export const YES_NO_FIELD = 'disputed';

/** The index of the column to check, or undefined (no such column, or mapped by the user). */
export function guessedYesNoColumn(
  columnByField: ReadonlyMap<string, number>,
  mapping: Readonly<Record<string, string>> = {},
): number | undefined {
  const mappedByUser = Object.values(mapping).some(
    (target) => target.trim().toLowerCase() === YES_NO_FIELD.toLowerCase(),
  );
  return mappedByUser ? undefined : columnByField.get(YES_NO_FIELD);
}

/** An empty cell or a yes/no word. */
export function isYesNoCell(text: string): boolean {
  const trimmed = text.trim();
  return trimmed === '' || YES_NO_WORDS.lookup(trimmed) !== undefined;
}
