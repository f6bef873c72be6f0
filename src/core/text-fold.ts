/**
 * Free text read for its words (imported story lines, BODACC notices, notes): accents off and lower
 * case, so that « Mise en demeure », « MISE EN DEMEURE » and « mise en demeure » read alike.
 */

/** Lower case without accents. */
export function foldAccents(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();
}

/** `foldAccents`, and the typographic apostrophe read as the plain one (« d’ouverture »). */
export function foldWording(text: string): string {
  return foldAccents(text).replace(/[’']/g, "'");
}
