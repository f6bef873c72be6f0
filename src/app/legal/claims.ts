/** The claim-declaration tasks the insolvency watch created, nearest deadline first. */
import { selectClaims } from '#db/legal/legal-queries';
import type { AppContext } from '../context.ts';

export async function listClaims(ctx: AppContext, customerCode?: string) {
  const rows = await selectClaims(ctx.db, ctx.companyId, customerCode);
  return rows.map(({ items: _items, ...row }) => row);
}
