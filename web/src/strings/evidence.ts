/** Labels of the evidence fields of anomaly findings (keys of the API's `evidence` objects), from src/text. */

import { LANGS, type Lang, label } from '../../../src/text/catalogue.ts';
import { EVIDENCE_FIELDS } from '../../../src/text/domains.ts';

export const EVIDENCE_LABELS: Record<Lang, Record<string, string>> = Object.fromEntries(
  LANGS.map((lang) => [
    lang,
    Object.fromEntries(EVIDENCE_FIELDS.map((field) => [field, label(lang, 'evidence', field)])),
  ]),
) as Record<Lang, Record<string, string>>;
