/**
 * The semester rates table: each half-year's ECB rate, the late-payment penalty rate it gives
 * (ECB + 10 points) and the legal interest rate, in %; an admin adds or corrects a semester, typed
 * « S2 2026 », « 2026S2 » or « 2026H2 » (the API keeps the key 2026H2, and basis points), in the
 * form of RateForm.tsx. The interest computation reads only this table, never a built-in rate,
 * so the page says what it lacks up to the current half-year (/api/dunning/rates/gaps): the alert
 * above the table says it once (« Taux BCE du 2nd semestre 2026 manquant »), and each run of missing
 * half-years is a row of its own in the table's order, named like the others (« 2nd semestre
 * 2026 ») with its ECB rate « manquant » and, for an admin, the button that fills it in; a missing
 * legal interest rate reads « manquant », not « — ».
 */
import { Alert, Button, List, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { type RateGaps, semesterRuns } from '../../../../src/core/dunning/rate-gaps.ts';
import { rateGapLines, semesterRunWords, semesterWords } from '../../../../src/text/rate-gaps.ts';
import { isAdmin, useAuth } from '../../auth.tsx';
import { percentBps } from '../../format.ts';
import { useI18n } from '../../i18n.tsx';
import { useApi } from '../../use-api.ts';
import { RateForm } from './RateForm.tsx';
import { type Draft, draftOf, EMPTY_DRAFT, PENALTY_MARGIN_BPS, type RateRow } from './RunReviewModel.ts';

function RateEdit({ row, onEdit }: { row: RateRow; onEdit(d: Draft): void }) {
  const { t, lang } = useI18n();
  return (
    <Button size="compact-xs" variant="subtle" onClick={() => onEdit(draftOf(row, lang))}>
      {t('dunningReview.rates.edit')}
    </Button>
  );
}

/** The sources the shipped table was seeded with (migrations 0008, 0071), e.g. « BCE 11/06/2025; taux légal 2026 S1 ». */
const SEED_SOURCE = /^BCE (\d\d\/\d\d\/\d{4})(?:; taux légal (\d{4}) S([12]))?$/;

/** A seeded source worded in the reader's language; a source someone typed stays as typed. */
function sourceText(t: ReturnType<typeof useI18n>['t'], source: string): string {
  const seed = SEED_SOURCE.exec(source);
  if (!seed) return source;
  const [, ecbDate, year, half] = seed;
  return t('dunningRates.seedSource', {
    ecbDate: ecbDate ?? '',
    legal: year ? 'yes' : 'no',
    year: year ?? '',
    half: half ?? '',
  });
}

type Line =
  | { kind: 'rate'; semester: string; row: RateRow }
  | { kind: 'gap'; semester: string; name: string; from: string };

/** The rows and the runs of missing half-years, newest first (a run sorts by its first half-year). */
function tableLines(rows: readonly RateRow[], gaps: RateGaps | null, lang: 'fr' | 'en'): Line[] {
  const missing = semesterRuns(gaps?.missingEcb ?? []).map(
    (run): Line => ({ kind: 'gap', semester: run.from, name: semesterRunWords(lang, run), from: run.from }),
  );
  const known = rows.map((row): Line => ({ kind: 'rate', semester: row.semester, row }));
  return [...known, ...missing].sort((a, b) => b.semester.localeCompare(a.semester));
}

function GapAlert({ gaps }: { gaps: RateGaps }) {
  const { t, lang } = useI18n();
  const lines = rateGapLines(lang, gaps);
  if (lines.length === 0) return null;
  return (
    <Alert color="orange" title={t('dunningRates.missingTitle')} data-testid="rate-gaps">
      <List size="sm">
        {lines.map((line) => (
          <List.Item key={`${line.kind}-${line.from}`}>{line.text}</List.Item>
        ))}
      </List>
      {gaps.missingEcb.length > 0 && <Text size="sm">{t('dunningRates.missingEcbWhy')}</Text>}
      {gaps.missingLegal.length > 0 && <Text size="sm">{t('dunningRates.missingLegalWhy')}</Text>}
    </Alert>
  );
}

export function RatesPage() {
  const { t, lang } = useI18n();
  const { me } = useAuth();
  const rates = useApi<RateRow[]>('/api/dunning/rates');
  const gaps = useApi<RateGaps>('/api/dunning/rates/gaps');
  const [draft, setDraft] = useState<Draft>(EMPTY_DRAFT);
  const [saved, setSaved] = useState<string | null>(null);
  // The reader's percent: « 2,15 % » in French, "2.15%" in English.
  const percent = (bps: number | null) => (bps === null ? '—' : percentBps(bps, lang, 2));
  const legalMissing = new Set(gaps.data?.missingLegal ?? []);
  const admin = isAdmin(me);
  const enter = (semester: string) => setDraft({ ...EMPTY_DRAFT, semester });
  return (
    <Stack>
      {/* The menu's words, so that the page is found under the name it was reached by. */}
      <Title order={2}>{t('dunningReview.ratesLink')}</Title>
      <Text c="dimmed">{t('dunningReview.rates.intro')}</Text>
      {rates.error && <Alert color="red">{rates.error.message}</Alert>}
      {saved && (
        <Alert color="green">{t('dunningRates.saved', { semester: semesterWords(lang, saved) })}</Alert>
      )}
      {gaps.data && <GapAlert gaps={gaps.data} />}
      {rates.data && rates.data.length === 0 && <Text c="dimmed">{t('dunningReview.rates.empty')}</Text>}
      {rates.data && rates.data.length > 0 && (
        <Table striped w="auto" data-testid="dunning-rates">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('dunningReview.rates.semester')}</Table.Th>
              <Table.Th ta="right">{t('dunningReview.rates.ecb')}</Table.Th>
              <Table.Th ta="right">{t('dunningReview.rates.penalty')}</Table.Th>
              <Table.Th ta="right">{t('dunningReview.rates.legal')}</Table.Th>
              <Table.Th>{t('dunningReview.rates.source')}</Table.Th>
              {admin && <Table.Th />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {tableLines(rates.data, gaps.data ?? null, lang).map((line) =>
              line.kind === 'gap' ? (
                <Table.Tr key={`gap-${line.from}`} data-testid="rate-gap">
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{line.name}</Table.Td>
                  <Table.Td ta="right">
                    <Text span size="sm" c="orange.8" fw={500}>
                      {t('dunningRates.missingCell')}
                    </Text>
                  </Table.Td>
                  <Table.Td colSpan={3} />
                  {admin && (
                    <Table.Td>
                      <Button
                        size="compact-xs"
                        variant="light"
                        color="orange"
                        onClick={() => enter(line.from)}
                      >
                        {t('dunningRates.enter')}
                      </Button>
                    </Table.Td>
                  )}
                </Table.Tr>
              ) : (
                <Table.Tr key={line.row.semester}>
                  <Table.Td title={line.row.semester} style={{ whiteSpace: 'nowrap' }}>
                    {semesterWords(lang, line.row.semester)}
                  </Table.Td>
                  <Table.Td ta="right">{percent(line.row.ecbRateBps)}</Table.Td>
                  <Table.Td ta="right">{percent(line.row.ecbRateBps + PENALTY_MARGIN_BPS)}</Table.Td>
                  <Table.Td ta="right">
                    {line.row.legalInterestRateBps === null && legalMissing.has(line.row.semester) ? (
                      <Text span size="sm" c="orange.8" fw={500}>
                        {t('dunningRates.missingCell')}
                      </Text>
                    ) : (
                      percent(line.row.legalInterestRateBps)
                    )}
                  </Table.Td>
                  <Table.Td>{sourceText(t, line.row.source)}</Table.Td>
                  {admin && (
                    <Table.Td>
                      <RateEdit row={line.row} onEdit={setDraft} />
                    </Table.Td>
                  )}
                </Table.Tr>
              ),
            )}
          </Table.Tbody>
        </Table>
      )}
      {admin ? (
        <RateForm
          draft={draft}
          rows={rates.data ?? []}
          onDraft={setDraft}
          onSaved={(semester) => {
            setSaved(semester);
            setDraft(EMPTY_DRAFT);
            rates.reload();
            gaps.reload();
          }}
        />
      ) : (
        <Text size="sm" c="dimmed">
          {t('dunningReview.rates.adminOnly')}
        </Text>
      )}
    </Stack>
  );
}
