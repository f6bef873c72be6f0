/**
 * The processing diagram of the configured procedure, drawn by the server from the configuration
 * in force (or a named version), and the before/after of a policy change side by side with the
 * changed elements coloured; the BPMN, SVG and PNG files to download.
 */
import {
  Alert,
  Anchor,
  Button,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import type { DiagramView } from '../../../../src/http/schemas/procedure-diagram.ts';
import { query } from '../../api.ts';
import { type Key, useI18n } from '../../i18n.tsx';
import { useApi } from '../../use-api.ts';

const LEGEND = [
  { change: 'added', fill: '#e3f4e6', stroke: '#2e7d32' },
  { change: 'changed', fill: '#fff1d6', stroke: '#d97706' },
  { change: 'removed', fill: '#fde4e4', stroke: '#c62828' },
] as const;

function Drawn({ heading, svg, fit }: { heading: string; svg: string; fit: boolean }) {
  return (
    <Paper withBorder p="sm">
      <Text fw={600} mb="xs">
        {heading}
      </Text>
      <div
        className={fit ? 'procedure-diagram fit' : 'procedure-diagram'}
        style={{ overflow: 'auto', maxHeight: '75vh' }}
        // The SVG is drawn by our server from the configuration, every text escaped.
        // biome-ignore lint/security/noDangerouslySetInnerHtml: our own escaped SVG, shown inline
        dangerouslySetInnerHTML={{
          __html: fit ? svg.replace(/^<svg /, '<svg style="width:100%;height:auto" ') : svg,
        }}
      />
    </Paper>
  );
}

export function DiagramPage() {
  const { t, lang } = useI18n();
  const k = (key: string) => t(`procedureDiagram.${key}` as Key);
  const [draft, setDraft] = useState({ policy: '', compare: '' });
  const [shown, setShown] = useState({ policy: '', compare: '' });
  const [fit, setFit] = useState(false);
  const params = { policy: shown.policy, compare: shown.compare, lang };
  const view = useApi<DiagramView>(`/api/procedure/diagram/view${query(params)}`);
  const download = (format: string) =>
    `/api/procedure/diagram${query({ ...params, format, compare: format === 'bpmn' ? '' : shown.compare })}`;
  return (
    <Stack>
      <Title order={2}>{k('title')}</Title>
      <Text c="dimmed">{k('web.intro')}</Text>
      <Group align="end">
        <TextInput
          label={k('web.policy')}
          placeholder={k('web.inForce')}
          value={draft.policy}
          onChange={(e) => setDraft({ ...draft, policy: e.currentTarget.value })}
        />
        <TextInput
          label={k('web.compare')}
          placeholder={k('web.none')}
          value={draft.compare}
          onChange={(e) => setDraft({ ...draft, compare: e.currentTarget.value })}
        />
        <Button onClick={() => setShown({ policy: draft.policy.trim(), compare: draft.compare.trim() })}>
          {k('web.show')}
        </Button>
        <Switch label={k('web.fit')} checked={fit} onChange={(e) => setFit(e.currentTarget.checked)} />
      </Group>
      <Group gap="md">
        <Text size="sm">{k('web.download')}</Text>
        {['bpmn', 'svg', 'png'].map((format) => (
          <Anchor key={format} href={download(format)} download={`procedure.${format}`} size="sm">
            {format.toUpperCase()}
          </Anchor>
        ))}
      </Group>
      {view.error && <Alert color="red">{view.error.message}</Alert>}
      {view.loading && <Text c="dimmed">{k('web.loading')}</Text>}
      {view.data?.compared && (
        <Group gap="lg">
          <Text fw={600}>{t('procedureDiagram.changes' as Key, { n: view.data.changedCount ?? 0 })}</Text>
          {LEGEND.map((item) => (
            <Group key={item.change} gap={6}>
              <span
                style={{
                  display: 'inline-block',
                  width: 14,
                  height: 14,
                  background: item.fill,
                  border: `2px solid ${item.stroke}`,
                  borderRadius: 3,
                }}
              />
              <Text size="sm">{k(`legend.${item.change}`)}</Text>
            </Group>
          ))}
        </Group>
      )}
      {view.data && (
        <SimpleGrid cols={view.data.compared ? 2 : 1}>
          {view.data.compared && <Drawn {...view.data.compared} fit={fit} />}
          <Drawn {...view.data.current} fit={fit} />
        </SimpleGrid>
      )}
    </Stack>
  );
}
