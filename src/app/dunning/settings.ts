/**
 * The company's dunning settings: the letterhead and payment details of its letters, the variant
 * of the interest computation, and the half-year rate table (public data shared by every company,
 * changed by an admin: see ARCHITECTURE.md).
 */
import type { Kysely } from 'kysely';
import { RATE_MODES } from '#core/dunning/late-interest';
import { isSemesterKey } from '#core/dunning/semesters';
import { selectCompany } from '#db/companies/company-queries';
import {
  type RateRow,
  type SettingsRow,
  selectRates,
  selectSettings,
  upsertRate,
  upsertSettings,
} from '#db/dunning/config-queries';
import type { Database } from '#db/infra/schema';
import type { LetterSender } from '#render/letters';
import { recordAudit } from '../audit/audit.ts';
import type { AppContext } from '../context.ts';
import { DomainError } from '../errors.ts';

const EMPTY: SettingsRow = {
  legalName: null,
  addressLine1: null,
  addressLine2: null,
  postalCode: null,
  city: null,
  siren: null,
  vatNumber: null,
  phone: null,
  email: null,
  iban: null,
  bic: null,
  signatoryName: null,
  signatoryTitle: null,
  rateMode: 'split_by_semester',
  timeZone: 'Europe/Paris',
};

/**
 * The demo company's letterhead (invented, like the rest of its data), used until someone saves
 * settings for it, so that its letters read like real ones out of the box.
 */
const DEMO_SETTINGS: SettingsRow = {
  ...EMPTY,
  legalName: 'SA CB2C',
  addressLine1: '12 rue de la République',
  postalCode: '69002',
  city: 'Lyon',
  siren: '552100554',
  vatNumber: 'FR32552100554',
  phone: '04 72 00 00 00',
  email: 'recouvrement@cb2c.example',
  iban: 'FR76 3000 4000 0100 0123 4567 890',
  bic: 'BNPAFRPPXXX',
  signatoryName: 'Claire Moreau',
  signatoryTitle: 'Credit manager',
};

export async function readSettings(db: Kysely<Database>, companyId: string): Promise<SettingsRow> {
  const stored = await selectSettings(db, companyId);
  if (stored) return stored;
  return companyId === 'CB2C' ? DEMO_SETTINGS : EMPTY;
}

export function senderOf(settings: SettingsRow, companyName: string): LetterSender {
  const cityLine = [settings.postalCode, settings.city].filter((x): x is string => !!x).join(' ');
  return {
    name: settings.legalName ?? companyName,
    addressLines: [settings.addressLine1, settings.addressLine2, cityLine].filter((x): x is string => !!x),
    siren: settings.siren,
    vatNumber: settings.vatNumber,
    phone: settings.phone,
    email: settings.email,
    iban: settings.iban,
    bic: settings.bic,
    signatoryName: settings.signatoryName,
    signatoryTitle: settings.signatoryTitle,
    city: settings.city,
  };
}

export async function loadSender(db: Kysely<Database>, companyId: string): Promise<LetterSender> {
  const company = await selectCompany(db, companyId);
  return senderOf(await readSettings(db, companyId), company?.name ?? companyId);
}

export async function getDunningSettings(ctx: AppContext): Promise<SettingsRow> {
  return readSettings(ctx.db, ctx.companyId);
}

export async function updateDunningSettings(
  ctx: AppContext,
  change: Partial<SettingsRow>,
): Promise<SettingsRow> {
  return ctx.db.transaction().execute(async (trx) => {
    const before = await readSettings(trx, ctx.companyId);
    const after: SettingsRow = { ...before, ...change };
    if (!(RATE_MODES as readonly string[]).includes(after.rateMode))
      throw new DomainError('invalid_input', `rateMode must be one of ${RATE_MODES.join(', ')}`);
    if (after.siren !== null && !/^\d{9}$/.test(after.siren))
      throw new DomainError('invalid_input', 'a SIREN has 9 digits');
    await upsertSettings(trx, ctx.companyId, ctx.actor, after);
    await recordAudit(ctx, trx, {
      action: 'dunning.settings',
      entity: 'dunning_settings',
      entityKey: ctx.companyId,
      before,
      after,
    });
    return after;
  });
}

export async function listRates(ctx: AppContext): Promise<RateRow[]> {
  return selectRates(ctx.db);
}

/** Enters or corrects a half-year: the table is never fetched nor hard-coded in the computation. */
export async function setRate(ctx: AppContext, row: RateRow): Promise<RateRow[]> {
  if (ctx.user && ctx.user.role !== 'admin')
    throw new DomainError('forbidden', 'only an admin changes the half-year rate table');
  if (!isSemesterKey(row.semester)) throw new DomainError('invalid_input', 'semester must look like 2026H2');
  const valid = (bps: number | null) =>
    bps === null || (Number.isSafeInteger(bps) && bps >= 0 && bps <= 100_000);
  if (!valid(row.ecbRateBps) || !valid(row.legalInterestRateBps))
    throw new DomainError('invalid_input', 'rates are whole basis points from 0 to 100000');
  return ctx.db.transaction().execute(async (trx) => {
    await upsertRate(trx, ctx.actor, row);
    await recordAudit(ctx, trx, {
      action: 'dunning.rate',
      entity: 'dunning_rate',
      entityKey: row.semester,
      before: null,
      after: row,
    });
    return selectRates(trx);
  });
}
