/** Labels of the evidence fields of anomaly findings (keys of the API's `evidence` objects), from src/text. */

import { type Lang, label } from '../../../src/text/catalogue.ts';
import { EVIDENCE_FIELDS } from '../../../src/text/domains.ts';

const labelsIn = (lang: Lang): Record<string, string> =>
  Object.fromEntries(EVIDENCE_FIELDS.map((field) => [field, label(lang, 'evidence', field)]));

/** Read when shown, not when this module loads: English comes later (web/src/english.ts). */
export const EVIDENCE_LABELS: Readonly<Record<Lang, Record<string, string>>> = {
  get fr() {
    return labelsIn('fr');
  },
  get en() {
    return labelsIn('en');
  },
};
