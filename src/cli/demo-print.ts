/**
 * `encours demo --manifest` for a person: each planted situation under its label from the
 * catalogue (the codes stay in `--json`). The notes are the data set's own French text.
 */
import type { DemoManifest } from '#app/demo/demo';
import { type Lang, label, translator } from '#text/catalogue';
import { formatDate } from '#text/format';

export function manifestLines(manifest: DemoManifest, lang: Lang): string[] {
  const t = translator(lang);
  return [
    t('cli.demo.manifestTitle', { date: formatDate(lang, manifest.asOf) }),
    ...manifest.situations.map((situation) =>
      t('cli.demo.situation', {
        kind: label(lang, 'demoSituation', situation.kind),
        customer: situation.customerCode,
        document: situation.documentRef
          ? t('cli.demo.situationDocument', { ref: situation.documentRef })
          : '',
        note: situation.note,
      }),
    ),
  ];
}
