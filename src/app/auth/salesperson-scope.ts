/**
 * A salesperson user's scope: the salesperson name their customers carry in the customers file.
 * A name no customer carries (« Sophie Bernardd ») would show that user no customer at all, in
 * silence, so it is refused, with the closest known name; a name differing only in case or spaces
 * takes the file's spelling. Before any customer names a salesperson (a company being set up), there
 * is nothing to check against and the name is kept. The scope means nothing for the other roles:
 * one given to them is refused, and a user leaving the salesperson role loses it.
 */
import { boundedDistance } from '#core/cash/names';
import type { Role } from '#core/types';
import { selectSalespeople } from '#db/customers/salespeople';
import { wordedLabel } from '#text/error-words';
import type { AppContext } from '../context.ts';
import { DomainError } from '../errors.ts';

/** How many known names the refusal lists. */
const LISTED = 12;

const normalised = (name: string): string => name.trim().replace(/\s+/g, ' ').toLocaleLowerCase('fr');

/**
 * The scope to store for a user of `role`: `requested` when given (null or blank: none), else the
 * one they had; checked against the customers file only when it changes or the role becomes salesperson.
 */
export async function checkedSalespersonScope(
  ctx: Pick<AppContext, 'db' | 'companyId'>,
  role: Role,
  requested: string | null | undefined,
  before: { role: Role; salesperson: string | null } | null,
): Promise<string | null> {
  const asked = requested === undefined ? undefined : requested?.trim() || null;
  if (role !== 'salesperson') {
    if (asked)
      throw new DomainError('invalid_input', {
        key: 'errors.auth.scopeNotSalesperson',
        params: { role: wordedLabel('role', role), salesperson: wordedLabel('role', 'salesperson') },
      });
    return null;
  }
  const name = asked === undefined ? (before?.salesperson ?? null) : asked;
  if (!name) throw new DomainError('invalid_input', { key: 'errors.auth.salespersonName' });
  const unchanged = before?.role === 'salesperson' && before.salesperson === name;
  if (unchanged) return name;
  const known = await selectSalespeople(ctx.db, ctx.companyId);
  if (known.length === 0 || known.includes(name)) return name;
  const same = known.find((candidate) => normalised(candidate) === normalised(name));
  if (same) return same;
  throw new DomainError('invalid_input', {
    key: 'errors.auth.unknownSalesperson',
    params: {
      name,
      closest: closestOf(name, known) ?? 'none',
      known: known.slice(0, LISTED).join(', ') + (known.length > LISTED ? ', …' : ''),
    },
  });
}

/** The names a salesperson's scope may take, for the users page's pick-list. */
export function listSalespeople(ctx: Pick<AppContext, 'db' | 'companyId'>): Promise<string[]> {
  return selectSalespeople(ctx.db, ctx.companyId);
}

/** The known name nearest to a typing slip (a letter in three at most, three in all), if any. */
function closestOf(name: string, known: readonly string[]): string | null {
  const most = Math.min(3, Math.floor(normalised(name).length / 3));
  let best: { name: string; distance: number } | null = null;
  for (const candidate of known) {
    const distance = boundedDistance(normalised(name), normalised(candidate), most);
    if (distance <= most && (best === null || distance < best.distance)) best = { name: candidate, distance };
  }
  return best?.name ?? null;
}
