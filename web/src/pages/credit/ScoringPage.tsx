/**
 * The scoring method in force, its class thresholds editable into a new version, and the preview
 * of the class changes the new thresholds would cause before they are saved. Versions are named as
 * the events name them (« règles par défaut du 30/06/2026 »), never by a built-in key.
 */
import { Alert, Button, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { api, problemText } from '../../api.ts';
import { DayDateInput } from '../../components/DayDateInput.tsx';
import { DecimalInput } from '../../components/DecimalInput.tsx';
import { date } from '../../format.ts';
import { useI18n } from '../../i18n.tsx';
import { useApi } from '../../use-api.ts';

interface Method {
  version: string;
  effectiveFrom: string;
  classThresholds: Record<'A' | 'B' | 'C' | 'D', number>;
  criteria: { code: string; group: string; weight: number }[];
  minCoverageBps: number;
}

interface Preview {
  customers: number;
  changes: { customerCode: string; before: string | null; after: string | null }[];
  countsBefore: Record<string, number>;
  countsAfter: Record<string, number>;
}

export function ScoringPage() {
  const { t, label, lang } = useI18n();
  const versions = useApi<{
    versions: { version: string; effectiveFrom: string; isDefault?: boolean; body: Method }[];
  }>('/api/credit/config/scoring_method');
  const head = versions.data?.versions[0] ?? null;
  const current = head?.body ?? null;
  // The version in force as the events word it: a built-in one by its date, a stored one by its name.
  const inForce = head
    ? t('audit.rulesVersion', {
        builtIn: head.isDefault ? 'yes' : 'no',
        name: head.version,
        date: date(head.effectiveFrom, lang),
      })
    : '';
  const [draft, setDraft] = useState<Method | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  useEffect(() => {
    if (current && !draft)
      setDraft({ ...current, version: t('credit.web.newVersionName', { version: inForce }) });
  }, [current, draft, inForce, t]);
  if (!draft) return null;
  const setThreshold = (riskClass: 'A' | 'B' | 'C' | 'D', value: number) =>
    setDraft({ ...draft, classThresholds: { ...draft.classThresholds, [riskClass]: value } });
  const run = async (save: boolean) => {
    try {
      if (save) {
        await api('/api/credit/config/scoring_method', {
          method: 'POST',
          body: { version: draft.version, effectiveFrom: draft.effectiveFrom, body: draft },
        });
        setMessage({ ok: true, text: t('credit.web.saved') });
        versions.reload();
      } else {
        setPreview(
          await api<Preview>('/api/credit/config/scoring_method/preview', {
            method: 'POST',
            body: { method: draft },
          }),
        );
      }
    } catch (error) {
      setMessage({ ok: false, text: problemText(error) });
    }
  };
  return (
    <Stack>
      <Title order={2}>{t('credit.web.scoring')}</Title>
      <Text c="dimmed">{t('credit.web.scoringIntro')}</Text>
      <Text data-testid="scoring-in-force">{t('credit.web.methodInForce', { version: inForce })}</Text>
      {message && <Alert color={message.ok ? 'green' : 'red'}>{message.text}</Alert>}
      <Group>
        <TextInput
          label={t('credit.web.newVersion')}
          w={380}
          value={draft.version}
          onChange={(e) => setDraft({ ...draft, version: e.currentTarget.value })}
        />
        <DayDateInput
          label={t('credit.web.effectiveFrom')}
          value={draft.effectiveFrom}
          onChange={(effectiveFrom) => setDraft({ ...draft, effectiveFrom })}
          w={170}
        />
      </Group>
      <Title order={3} size="h4">
        {t('credit.web.thresholds')}
      </Title>
      <Group>
        {(['A', 'B', 'C', 'D'] as const).map((riskClass) => (
          <DecimalInput
            key={riskClass}
            label={riskClass}
            min={1}
            max={100}
            decimalScale={1}
            value={draft.classThresholds[riskClass]}
            onChange={(v) => setThreshold(riskClass, Number(v))}
          />
        ))}
      </Group>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('credit.web.group')}</Table.Th>
            <Table.Th>{t('credit.web.criterion')}</Table.Th>
            <Table.Th ta="right">{t('credit.web.weight')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {draft.criteria.map((c) => (
            <Table.Tr key={c.code}>
              <Table.Td>{label('criterionGroup', c.group)}</Table.Td>
              <Table.Td>{label('scoringCriterion', c.code)}</Table.Td>
              <Table.Td ta="right">{c.weight}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Group>
        <Button variant="light" onClick={() => run(false)}>
          {t('credit.web.preview')}
        </Button>
        <Button onClick={() => run(true)} disabled={!draft.effectiveFrom}>
          {t('credit.web.save')}
        </Button>
      </Group>
      {preview && (
        <>
          <Text fw={600}>{t('credit.web.changes', { n: preview.changes.length })}</Text>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('credit.web.customer')}</Table.Th>
                <Table.Th>{t('credit.web.before')}</Table.Th>
                <Table.Th>{t('credit.web.after')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {preview.changes.slice(0, 200).map((change) => (
                <Table.Tr key={change.customerCode}>
                  <Table.Td>{change.customerCode}</Table.Td>
                  <Table.Td>{change.before ?? '—'}</Table.Td>
                  <Table.Td>{change.after ?? '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
    </Stack>
  );
}
