/**
 * What the dunning letters print beside the company's identity (admin › Société): how to reach it
 * (telephone, e-mail), how to pay it (IBAN, BIC) and who signs (name, title). The IBAN and the BIC
 * are checked here as the API checks them (ibantools, src/core/dunning/sender-details.ts), with
 * the catalogue's words, before anything is sent; the API checks and audits the change again.
 */
import { Alert, Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useEffect, useState } from 'react';
import {
  checkSenderDetails,
  SENDER_FIELD_MAX,
  type SenderDetails,
  type SenderProblem,
} from '../../../../src/core/dunning/sender-details.ts';
import { api, problemText } from '../../api.ts';
import { LoadState } from '../../components/LoadState.tsx';
import { useI18n } from '../../i18n.tsx';
import { useApi } from '../../use-api.ts';

const FIELDS = ['phone', 'email', 'iban', 'bic', 'signatoryName', 'signatoryTitle'] as const;
type Field = (typeof FIELDS)[number];
type Form = Record<Field, string>;
type Settings = Record<Field, string | null>;

const toForm = (settings: Settings): Form =>
  Object.fromEntries(FIELDS.map((field) => [field, settings[field] ?? ''])) as Form;

export function LetterDetailsCard() {
  const { t } = useI18n();
  const settings = useApi<Settings>('/api/dunning/settings');
  const [form, setForm] = useState<Form | null>(null);
  const [problems, setProblems] = useState<SenderProblem[]>([]);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (settings.data) setForm(toForm(settings.data));
  }, [settings.data]);
  const problemOf = (field: Field): string | undefined => {
    const problem = problems.find((p) => p.field === field);
    return problem
      ? t(`errors.dunning.sender.${problem.code}`, {
          value: problem.value,
          field: t(`auditField.${field}`),
          max: SENDER_FIELD_MAX,
        })
      : undefined;
  };
  const field = (name: Field) => ({
    value: form?.[name] ?? '',
    error: problemOf(name),
    maxLength: SENDER_FIELD_MAX,
    onChange: (event: { currentTarget: { value: string } }) => {
      const value = event.currentTarget.value;
      setForm((previous) => previous && { ...previous, [name]: value });
      setProblems((previous) => previous.filter((problem) => problem.field !== name));
    },
  });
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!form) return;
    setMessage(null);
    const checked = checkSenderDetails(form as SenderDetails);
    setProblems(checked.problems);
    if (checked.problems.length > 0) return;
    setBusy(true);
    try {
      const saved = await api<Settings>('/api/dunning/settings', { method: 'PATCH', body: checked.details });
      setForm(toForm(saved));
      setMessage({ ok: true, text: t('letterDetailsSaved') });
    } catch (failure) {
      setMessage({ ok: false, text: problemText(failure) });
    } finally {
      setBusy(false);
    }
  };
  const defaultTitle = t('dunning.letter.signatoryTitle');
  // One refusal per page: whoever may not read the letters' settings is told so by the company card.
  if (settings.error?.status === 403) return null;
  return (
    <Stack maw={720}>
      <LoadState loading={settings.loading && !settings.data} error={settings.error} />
      {form && (
        <Card withBorder>
          <form onSubmit={submit} data-testid="letter-details-form" noValidate>
            <Stack gap="sm">
              <div>
                <Title order={3} size="h4">
                  {t('letterDetails')}
                </Title>
                <Text size="xs" c="dimmed">
                  {t('letterDetailsHint')}
                </Text>
              </div>
              <Group align="flex-start" grow>
                <TextInput label={t('letterPhone')} inputMode="tel" {...field('phone')} />
                <TextInput label={t('letterEmail')} inputMode="email" {...field('email')} />
              </Group>
              <Group align="flex-start">
                <TextInput label={t('letterIban')} style={{ flex: 1 }} {...field('iban')} />
                <TextInput label={t('letterBic')} w={200} {...field('bic')} />
              </Group>
              {/* The title's hint above its field: both fields on one line. */}
              <Group align="flex-end" grow>
                <TextInput label={t('letterSignatoryName')} {...field('signatoryName')} />
                <TextInput
                  label={t('letterSignatoryTitle')}
                  description={t('letterSignatoryTitleHint', { title: defaultTitle })}
                  placeholder={defaultTitle}
                  {...field('signatoryTitle')}
                />
              </Group>
              <Group>
                <Button type="submit" loading={busy}>
                  {t('save')}
                </Button>
              </Group>
            </Stack>
          </form>
        </Card>
      )}
      {message && (
        <Alert
          color={message.ok ? 'teal' : 'red'}
          role={message.ok ? 'status' : 'alert'}
          data-testid="letter-details-message"
        >
          {message.text}
        </Alert>
      )}
    </Stack>
  );
}
