/**
 * Where a legal file stands, as a person reads it in the files table and on the command line: its
 * latest step reported by the partner, dated, with its phase; before any report, the hand-over
 * itself (« Transmis à l’avocat le 30/06/2026 »), never a placeholder such as « aucune étape ».
 */
import { type Lang, translator } from './catalogue.ts';
import { formatDate } from './format.ts';

export interface FileStageFacts {
  partnerKind: string;
  handedOverOn: string;
  state: { step: string | null; stepDate: string | null; phase: string };
}

/** A cell of its own, so it starts with a capital; the step words are made to sit inside a sentence. */
const capitalised = (text: string) => text.charAt(0).toLocaleUpperCase() + text.slice(1);

export function legalFileStage(lang: Lang, file: FileStageFacts): string {
  return capitalised(stageWords(lang, file));
}

function stageWords(lang: Lang, file: FileStageFacts): string {
  const t = translator(lang);
  const { step, stepDate, phase } = file.state;
  if (step === null || stepDate === null)
    return t('legalFile.stage.handedOver', {
      kind: file.partnerKind,
      date: formatDate(lang, file.handedOverOn),
    });
  return t('legalFile.stage.step', {
    step: t('legalFile.step', { step }),
    date: formatDate(lang, stepDate),
    phase: t('legalFile.phase', { phase }),
  });
}
