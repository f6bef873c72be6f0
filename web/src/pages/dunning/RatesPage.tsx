/**
 * The semester rates table: each half-year's ECB rate, the late-payment penalty rate it gives
 * (ECB + 10 points) and the legal interest rate, in %; an admin adds or corrects a semester, typed
 * « S2 2026 », « 2026S2 » or « 2026H2 » (the API keeps the key 2026H2, and basis points). The interest computation reads only this table, never a built-in rate,
 * so the page says what it lacks up to the current half-year (/api/dunning/rates/gaps): each run
 * of missing half-years is a row of its own (« Taux BCE du 2nd semestre 2026 manquant »), and a
 * missing legal interest rate reads « manquant », not « — ».
 */
import { Alert, Button, Group, List, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import type { RateGaps } from '../../../../src/core/dunning/rate-gaps.ts';
import { parseSemester } from '../../../../src/core/dunning/semesters.ts';
import { formatPercentBps } from '../../../../src/text/format.ts';
import { rateGapLines, semesterWords } from '../../../../src/text/rate-gaps.ts';
import { ApiError, api } from '../../api.ts';
import { isAdmin, useAuth } from '../../auth.tsx';
import { useI18n } from '../../i18n.tsx';
import { useApi } from '../../use-api.ts';
import { bpsToPercentText, PENALTY_MARGIN_BPS, percentToBps, type RateRow } from './RunReviewModel.ts';

interface Draft {
  semester: string;
  ecb: string;
  legal: string;
  source: string;
}

function RateForm({
  draft,
  onDraft,
  onSaved,
}: {
  draft: Draft;
  onDraft(d: Draft): void;
  onSaved(s: string): void;
}) {
  const { t } = useI18n();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // « S2 2026 », « 2026S2 » or « 2026H2 »: the API takes the key, « 2026H2 ».
  const semester = parseSemester(draft.semester);
  const semesterOk = semester !== null;
  const ecbBps = percentToBps(draft.ecb);
  const legalBps = draft.legal.trim() === '' ? null : percentToBps(draft.legal);
  const legalOk = draft.legal.trim() === '' || legalBps !== null;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (semester === null || ecbBps === null || !legalOk) return;
    setBusy(true);
    setError(null);
    try {
      await api(`/api/dunning/rates/${semester}`, {
        method: 'PUT',
        body: {
          ecbRateBps: ecbBps,
          legalInterestRateBps: legalBps,
          source: draft.source.trim() || t('dunningReview.rates.defaultSource'),
        },
      });
      onSaved(semester);
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={submit} data-testid="rate-form">
      <Stack gap="xs">
        <Title order={3} size="h4">
          {t('dunningReview.rates.add')}
        </Title>
        <Group align="start">
          <TextInput
            label={t('dunningReview.rates.semester')}
            description={t('dunningReview.rates.semesterHelp')}
            value={draft.semester}
            error={draft.semester !== '' && !semesterOk ? t('dunningReview.rates.badSemester') : undefined}
            onChange={(e) => onDraft({ ...draft, semester: e.currentTarget.value })}
            w={200}
          />
          <TextInput
            label={t('dunningReview.rates.ecb')}
            description={t('dunningReview.rates.percentHelp')}
            value={draft.ecb}
            error={draft.ecb !== '' && ecbBps === null ? t('dunningReview.rates.badPercent') : undefined}
            onChange={(e) => onDraft({ ...draft, ecb: e.currentTarget.value })}
            w={200}
          />
          <TextInput
            label={t('dunningReview.rates.legal')}
            description={t('dunningReview.rates.percentHelp')}
            value={draft.legal}
            error={legalOk ? undefined : t('dunningReview.rates.badPercent')}
            onChange={(e) => onDraft({ ...draft, legal: e.currentTarget.value })}
            w={200}
          />
          <TextInput
            label={t('dunningReview.rates.source')}
            value={draft.source}
            onChange={(e) => onDraft({ ...draft, source: e.currentTarget.value })}
            w={240}
          />
        </Group>
        <Group>
          <Button type="submit" loading={busy} disabled={!semesterOk || ecbBps === null || !legalOk}>
            {t('dunningReview.rates.save')}
          </Button>
        </Group>
        {error && <Alert color="red">{error}</Alert>}
      </Stack>
    </form>
  );
}

const EMPTY: Draft = { semester: '', ecb: '', legal: '', source: '' };

function RateEdit({ row, onEdit }: { row: RateRow; onEdit(d: Draft): void }) {
  const { t, lang } = useI18n();
  return (
    <Button
      size="compact-xs"
      variant="subtle"
      onClick={() =>
        onEdit({
          semester: row.semester,
          ecb: bpsToPercentText(row.ecbRateBps, lang),
          legal: row.legalInterestRateBps === null ? '' : bpsToPercentText(row.legalInterestRateBps, lang),
          source: row.source,
        })
      }
    >
      {t('dunningReview.rates.edit')}
    </Button>
  );
}

/** The sources the shipped table was seeded with (migration 0008), e.g. « BCE 18/12/2025; taux légal 2026 S1 ». */
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
  | { kind: 'gap'; semester: string; text: string; from: string };

/** The rows and the runs of missing half-years, newest first (a run sorts by its first half-year). */
function tableLines(rows: readonly RateRow[], gaps: RateGaps | null, lang: 'fr' | 'en'): Line[] {
  const missing = gaps
    ? rateGapLines(lang, { missingEcb: gaps.missingEcb, missingLegal: [] }).map(
        (gap): Line => ({ kind: 'gap', semester: gap.from, text: gap.text, from: gap.from }),
      )
    : [];
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
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [saved, setSaved] = useState<string | null>(null);
  // The reader's percent: « 2,15 % » in French, "2.15%" in English.
  const percent = (bps: number | null) => (bps === null ? '—' : formatPercentBps(lang, bps, 2));
  const legalMissing = new Set(gaps.data?.missingLegal ?? []);
  const admin = isAdmin(me);
  const enter = (semester: string) => setDraft({ ...EMPTY, semester });
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
                  <Table.Td colSpan={5}>
                    <Text size="sm" c="orange.8" fw={500}>
                      {line.text}
                    </Text>
                  </Table.Td>
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
          onDraft={setDraft}
          onSaved={(semester) => {
            setSaved(semester);
            setDraft(EMPTY);
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
