/**
 * What a receipt's own words say, before the database is asked anything: its reference keys, its
 * tokens, its counterparty's name, the customer codes it quotes and the customers its names point
 * at (core/cash/identify.ts matchNames). None of it depends on the ledger, so the matching works
 * out the next batch's leads while the database writes the current one (match-receipts.ts): in
 * slices, handing the event loop back between them so the writes' answers are taken up at once.
 */
import { matchNames, type NameCandidate, type NameClue } from '#core/cash/identify';
import { nameKey, nameTokens, normalizeText } from '#core/cash/names';
import { readPaddedRefs } from '#core/cash/padded-refs';
import { referenceKeysOf } from '#core/cash/references';
import { readYearNumbers, type YearNumberReading } from '#core/cash/year-number';
import type { ReceiptRow } from '#db/cash/matching-queries';
import { turns } from '../turns.ts';
import { type CustomerIndex, nameCandidates } from './customer-index.ts';

export interface ReceiptLeads {
  receipt: ReceiptRow;
  keys: string[];
  /** Invoices written as a number and a year (« 1331 DU 2026 »). */
  readings: YearNumberReading[];
  /** References perhaps written with more zeros than the invoice's own (« FC26-00412 »). */
  paddedRefs: string[];
  textTokens: string[];
  counterpartyTokens: string[];
  nameKey: string;
  codeHits: string[];
  nameCandidates: NameCandidate[];
  names: NameClue[];
}

function partsOf(receipt: ReceiptRow): string[] {
  return [
    receipt.label,
    receipt.remittance,
    receipt.endToEndId,
    receipt.creditorRef,
    receipt.counterpartyName,
  ].filter((part): part is string => Boolean(part));
}

/** Each part apart: a number ending one part and a year starting the next are no reading. */
function readingsOf(parts: readonly string[]): YearNumberReading[] {
  const readings = new Map<string, YearNumberReading>();
  for (const reading of parts.flatMap(readYearNumbers))
    if (!readings.has(`${reading.year}/${reading.number}`))
      readings.set(`${reading.year}/${reading.number}`, reading);
  return [...readings.values()];
}

function leadsOf(index: CustomerIndex, receipt: ReceiptRow): ReceiptLeads {
  const parts = partsOf(receipt);
  const text = parts.join(' ');
  const textTokens = normalizeText(text)
    .split(' ')
    .filter((token) => token.length > 1);
  const counterpartyTokens = nameTokens(receipt.counterpartyName ?? '');
  const candidates = nameCandidates(index, [...counterpartyTokens, ...textTokens]);
  return {
    receipt,
    keys: referenceKeysOf(text),
    readings: readingsOf(parts),
    paddedRefs: [...new Set(parts.flatMap(readPaddedRefs))],
    textTokens,
    counterpartyTokens,
    nameKey: nameKey(receipt.counterpartyName ?? ''),
    codeHits: textTokens.flatMap((token) => {
      const code = index.codes.get(token);
      return code ? [code] : [];
    }),
    nameCandidates: candidates,
    names: matchNames({ counterpartyTokens, textTokens, nameCandidates: candidates, weight: index.weight }),
  };
}

/** The leads of each receipt, in order, the event loop handed back every few receipts. */
export async function receiptLeads(
  index: CustomerIndex,
  receipts: readonly ReceiptRow[],
): Promise<ReceiptLeads[]> {
  const leads: ReceiptLeads[] = [];
  const turn = turns();
  for (const receipt of receipts) {
    await turn();
    leads.push(leadsOf(index, receipt));
  }
  return leads;
}
