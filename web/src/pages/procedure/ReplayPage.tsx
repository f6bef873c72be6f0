/**
 * Policy replay: the proposed policy (JSON, or a stored version), the period, then the job's
 * progress and the comparison with the policy in force, side by side — what the proposal would
 * have held and sent, its estimated effects and the assumptions they rest on.
 */
import { Alert, Button, Group, Progress, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { ReplayJob } from '../../../../src/http/schemas/procedure-replay.ts';
import { ApiError, api } from '../../api.ts';
import { DayDateInput } from '../../components/DayDateInput.tsx';
import { withDatesWorded } from '../../components/day-date.ts';
import { useI18n } from '../../i18n.tsx';
import { ReplayResultView } from './ReplayResult.tsx';

const EXAMPLE_POLICY = `{
  "version": "strict",
  "order_rules": { "overdueMaxDays": 15, "overLimitToleranceBps": 0, "classDecisions": { "D": "hold", "E": "refuse" } },
  "scoring_method": { "classThresholds": { "C": 55, "D": 45 } },
  "limitScaleBps": 8000
}`;

const FINISHED = new Set(['succeeded', 'failed', 'cancelled']);

function parsePolicy(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

export function ReplayPage() {
  const { t, lang } = useI18n();
  const [policyText, setPolicyText] = useState(EXAMPLE_POLICY);
  const [version, setVersion] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [replay, setReplay] = useState<ReplayJob | null>(null);
  const [error, setError] = useState<string | null>(null);

  const running = replay !== null && !FINISHED.has(replay.job.status);
  useEffect(() => {
    if (!running || !replay) return;
    // The job runs on the server's worker: follow it until it ends.
    const timer = setInterval(() => {
      api<ReplayJob>(`/api/procedure/replays/${replay.job.id}`)
        .then(setReplay)
        .catch((failure: unknown) =>
          setError(failure instanceof ApiError ? failure.message : String(failure)),
        );
    }, 1500);
    return () => clearInterval(timer);
  }, [running, replay]);

  const start = async () => {
    setError(null);
    const policy = version.trim() === '' ? parsePolicy(policyText) : undefined;
    if (policy === null) {
      setError(t('procedure.page.invalidJson'));
      return;
    }
    const body = {
      ...(policy ? { policy } : { version: version.trim() }),
      ...(from ? { from } : {}),
      ...(to ? { to } : {}),
    };
    try {
      setReplay(await api<ReplayJob>('/api/procedure/replays', { method: 'POST', body }));
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : String(failure));
    }
  };

  const progress = replay?.job.progress;
  return (
    <Stack>
      <Title order={2}>{t('procedure.page.title')}</Title>
      <Text c="dimmed">{t('procedure.page.intro')}</Text>
      <Textarea
        label={t('procedure.page.policy')}
        value={policyText}
        onChange={(e) => setPolicyText(e.currentTarget.value)}
        autosize
        minRows={5}
        styles={{ input: { fontFamily: 'monospace' } }}
      />
      <Group align="end">
        <TextInput
          label={t('procedure.page.version')}
          value={version}
          onChange={(e) => setVersion(e.currentTarget.value)}
        />
        <DayDateInput label={t('procedure.page.from')} value={from} onChange={setFrom} />
        <DayDateInput label={t('procedure.page.to')} value={to} onChange={setTo} />
        <Button loading={running} onClick={start}>
          {t('procedure.page.run')}
        </Button>
      </Group>
      {error && <Alert color="red">{error}</Alert>}
      {running && progress && (
        <Stack gap={4}>
          <Progress value={progress.total ? (100 * progress.done) / progress.total : 5} animated />
          {progress.code && (
            <Text size="sm" c="dimmed">
              {t(progress.code, withDatesWorded(lang, progress.params ?? {}))}
            </Text>
          )}
        </Stack>
      )}
      {replay?.job.status === 'failed' && (
        <Alert color="red">{t('procedure.page.failed', { error: replay.job.error ?? '' })}</Alert>
      )}
      {replay?.result && <ReplayResultView result={replay.result} />}
    </Stack>
  );
}
