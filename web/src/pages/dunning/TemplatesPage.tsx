/**
 * The reminder templates (LiquidJS): pick one, edit its text, see it rendered on a sample reminder
 * (the e-mail as HTML, the letter as its PDF, the SMS with its length) and save it as a new version.
 * What the server finds wrong is shown as it words it: a refusal (one problem a line) and the
 * preview's warnings (an unknown variable, printed as nothing).
 */
import { Alert, Badge, Button, Group, List, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { ApiError, api, fetchFile } from '../../api.ts';
import { LoadState } from '../../components/LoadState.tsx';
import { useI18n } from '../../i18n.tsx';
import { useApi } from '../../use-api.ts';

interface Entry {
  templateCode: string;
  stepKind: string;
  offsetDays: number;
  channel: 'email' | 'letter' | 'sms';
  lang: 'fr' | 'en';
  version: number | null;
  subject: string;
}
type Preview = { warnings: string[] } & (
  | { channel: 'email'; subject: string; html: string }
  | { channel: 'sms'; text: string; length: number }
  | { channel: 'letter'; url: string }
);

const pathOf = (e: Entry) =>
  `/api/dunning/templates/${encodeURIComponent(e.templateCode)}/${e.channel}/${e.lang}`;

/** A letter's preview is a PDF: fetched as a blob and shown in a frame. */
async function letterPreview(entry: Entry, source: string): Promise<Preview> {
  const response = await fetchFile(`${pathOf(entry)}/preview`, { source, stepKind: entry.stepKind });
  // A PDF's warnings come in a header (a URI-encoded JSON array of sentences).
  const header = response.headers.get('x-template-warnings');
  const warnings: string[] = header ? JSON.parse(decodeURIComponent(header)) : [];
  return { channel: 'letter', url: URL.createObjectURL(await response.blob()), warnings };
}

export function TemplatesPage() {
  const { t, label } = useI18n();
  // What a person reads for a template: the step it is written for, not its code.
  const nameOf = (e: Entry) =>
    t('dunning.page.templateOf', {
      kind: label('dunningStepKind', e.stepKind),
      when: e.offsetDays < 0 ? 'before' : e.offsetDays === 0 ? 'due' : 'after',
      days: Math.abs(e.offsetDays),
    });
  const list = useApi<Entry[]>('/api/dunning/templates');
  const [entry, setEntry] = useState<Entry | null>(null);
  const [source, setSource] = useState('');
  const [preview, setPreview] = useState<Preview | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  useEffect(() => {
    if (!entry) return;
    setPreview(null);
    api<{ source: string }>(`${pathOf(entry)}?stepKind=${entry.stepKind}`).then((tpl) =>
      setSource(tpl.source),
    );
  }, [entry]);
  // A live preview: rendered again once the text has not changed for a moment.
  useEffect(() => {
    if (!entry || source === '') return;
    const timer = setTimeout(async () => {
      try {
        setPreview(
          entry.channel === 'letter'
            ? await letterPreview(entry, source)
            : await api<Preview>(`${pathOf(entry)}/preview`, {
                method: 'POST',
                body: { source, stepKind: entry.stepKind },
              }),
        );
        setMessage(null);
      } catch (failure) {
        setMessage({ ok: false, text: failure instanceof ApiError ? failure.message : String(failure) });
      }
    }, 800);
    return () => clearTimeout(timer);
  }, [entry, source]);
  const save = async () => {
    if (!entry) return;
    try {
      const saved = await api<{ version: number }>(pathOf(entry), {
        method: 'PUT',
        body: { source, stepKind: entry.stepKind },
      });
      setMessage({ ok: true, text: t('dunningCases.page.templateSaved', { version: saved.version }) });
      list.reload();
    } catch (failure) {
      setMessage({ ok: false, text: failure instanceof ApiError ? failure.message : String(failure) });
    }
  };
  return (
    <Stack>
      <Title order={2}>{t('dunningCases.page.templatesTitle')}</Title>
      <Text c="dimmed">{t('dunningCases.page.templatesIntro')}</Text>
      <LoadState loading={list.loading && !list.data} error={list.error} />
      {list.data && (
        <Table data-testid="dunning-templates" highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('dunning.page.template')}</Table.Th>
              <Table.Th>{t('dunning.page.channel')}</Table.Th>
              <Table.Th>{t('dunningCases.page.language')}</Table.Th>
              <Table.Th>{t('dunning.page.version')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data.map((e) => (
              <Table.Tr key={pathOf(e)} onClick={() => setEntry(e)} style={{ cursor: 'pointer' }}>
                <Table.Td>{nameOf(e)}</Table.Td>
                <Table.Td>{label('dunningChannel', e.channel)}</Table.Td>
                <Table.Td>{label('language', e.lang)}</Table.Td>
                <Table.Td>
                  {e.version === null ? (
                    <Badge variant="light">{t('dunningCases.page.shipped')}</Badge>
                  ) : (
                    e.version
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {entry && (
        <Group align="start" grow>
          <Stack>
            <Textarea
              label={`${nameOf(entry)} · ${label('dunningChannel', entry.channel)} · ${label('language', entry.lang)}`}
              autosize
              minRows={16}
              value={source}
              onChange={(e) => setSource(e.currentTarget.value)}
              styles={{ input: { fontFamily: 'monospace', fontSize: 13 } }}
            />
            <Group>
              <Button onClick={save}>{t('dunning.page.saveVersion')}</Button>
            </Group>
            {message && (
              // A refusal lists one problem a line.
              <Alert color={message.ok ? 'green' : 'red'} style={{ whiteSpace: 'pre-line' }}>
                {message.text}
              </Alert>
            )}
            {preview && preview.warnings.length > 0 && (
              <Alert color="yellow" data-testid="dunning-template-warnings">
                <Text size="sm">{t('dunningCases.page.templateWarnings')}</Text>
                <List size="sm">
                  {preview.warnings.map((w) => (
                    <List.Item key={w}>{w}</List.Item>
                  ))}
                </List>
              </Alert>
            )}
          </Stack>
          <Stack data-testid="dunning-template-preview">
            <Title order={3} size="h5">
              {t('dunning.page.preview')}
            </Title>
            {preview?.channel === 'email' && (
              <>
                <Text fw={600}>{preview.subject}</Text>
                <iframe
                  title="email"
                  srcDoc={preview.html}
                  style={{ width: '100%', height: 480, border: 0 }}
                />
              </>
            )}
            {preview?.channel === 'sms' && (
              <>
                <Text>{preview.text}</Text>
                <Text c={preview.length > 160 ? 'red' : 'dimmed'} size="sm">
                  {t('dunningCases.page.smsLength', { length: preview.length })}
                </Text>
              </>
            )}
            {preview?.channel === 'letter' && (
              <iframe title="letter" src={preview.url} style={{ width: '100%', height: 640, border: 0 }} />
            )}
          </Stack>
        </Group>
      )}
    </Stack>
  );
}
