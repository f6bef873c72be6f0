/** Labels of document kinds as the API names them, from the one catalogue (src/text). */
import { type Lang, label } from '../../../src/text/catalogue.ts';

export const documentKind = (kind: string, lang: Lang): string => label(lang, 'documentKind', kind);
