/**
 * The rates page's form « Ajouter ou corriger un semestre »: the half-year typed « S2 2026 »,
 * « 2026S2 » or « 2026H2 » (the API takes the key, « 2026H2 »), the ECB and legal rates in %, the
 * source. A half-year already in the table, however it is typed, brings its saved rates and source
 * into the form (withSemesterText, RunReviewModel.ts), so that a correction starts from what is
 * saved rather than from empty fields.
 */
import { Alert, Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { parseSemester } from '../../../../src/core/dunning/semesters.ts';
import { semesterWords } from '../../../../src/text/rate-gaps.ts';
import { ApiError, api } from '../../api.ts';
import { useI18n } from '../../i18n.tsx';
import { type Draft, percentToBps, type RateRow, withSemesterText } from './RunReviewModel.ts';

export function RateForm({
  draft,
  rows,
  onDraft,
  onSaved,
}: {
  draft: Draft;
  /** The table as saved: a half-year typed that is in it brings its rates. */
  rows: readonly RateRow[];
  onDraft(d: Draft): void;
  onSaved(s: string): void;
}) {
  const { t, lang } = useI18n();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const semester = parseSemester(draft.semester);
  const semesterOk = semester !== null;
  const known = rows.some((row) => row.semester === semester);
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
            onChange={(e) => onDraft(withSemesterText(draft, e.currentTarget.value, rows, lang))}
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
        {semester !== null && known && (
          <Text size="sm" c="dimmed" data-testid="rate-form-known">
            {t('dunningReview.rates.prefilled', { semester: semesterWords(lang, semester) })}
          </Text>
        )}
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
