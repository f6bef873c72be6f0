/**
 * The company's identity (admin): legal name, SIREN and postal address, as printed at the top of
 * its reports, customer files and letters, and the legal mentions of its letters (legal form, share
 * capital, RCS city); then what its dunning letters print beside it (LetterDetailsCard.tsx). The
 * API checks and audits every change.
 */
import { Alert, Button, Card, Divider, Group, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { parseAmountToMinor } from '../../../../src/core/money.ts';
import type { CompanyIdentityCard as CompanyIdentity } from '../../../../src/http/schemas/company-legal.ts';
import { formatMoney } from '../../../../src/text/format.ts';
import { api, problemText } from '../../api.ts';
import { LoadState } from '../../components/LoadState.tsx';
import { type Lang, useI18n } from '../../i18n.tsx';
import { useApi } from '../../use-api.ts';
import { LetterDetailsCard } from './LetterDetailsCard.tsx';

type Form = Record<Exclude<keyof CompanyIdentity, 'country' | 'shareCapitalMinor'>, string> & {
  country: string;
  shareCapital: string;
};

const OPTIONAL = [
  'siren',
  'addressLine1',
  'addressLine2',
  'postalCode',
  'city',
  'legalForm',
  'rcsCity',
] as const;
/** Region codes that name no country (the European Union, the euro area, the United Nations…). */
const NOT_COUNTRIES = new Set(['EU', 'EZ', 'UN', 'QO', 'ZZ']);

/** Every country the browser can name in `lang`, by name; the value sent is its ISO code. */
function countryOptions(lang: Lang): { value: string; label: string }[] {
  const names = new Intl.DisplayNames([lang], { type: 'region', fallback: 'none' });
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  const options: { value: string; label: string }[] = [];
  for (const first of letters)
    for (const second of letters) {
      const code = first + second;
      const name = NOT_COUNTRIES.has(code) ? undefined : names.of(code);
      if (name && name !== code) options.push({ value: code, label: name });
    }
  return options.sort((a, b) => a.label.localeCompare(b.label, lang));
}

/** « 150 000 » as a person types it: the capital without its currency sign, cents only if any. */
function capitalText(minor: number | null, lang: Lang): string {
  if (minor === null) return '';
  const text = formatMoney(lang, minor, 'EUR', { plain: true });
  return minor % 100 === 0 ? text.replace(/[.,]00$/, '') : text;
}

/** The capital typed (« 150 000 », « 37 000,50 »): minor units, null when empty, undefined when not an amount. */
function capitalMinor(text: string): number | null | undefined {
  if (text.trim() === '') return null;
  return parseAmountToMinor(text, { exponent: 2 }) ?? undefined;
}

const toForm = (identity: CompanyIdentity, lang: Lang): Form => {
  const { shareCapitalMinor, ...rest } = identity;
  return {
    ...rest,
    ...Object.fromEntries(OPTIONAL.map((key) => [key, identity[key] ?? ''])),
    shareCapital: capitalText(shareCapitalMinor, lang),
  } as Form;
};

const toIdentity = (form: Form): CompanyIdentity => {
  const { shareCapital, ...rest } = form;
  return {
    ...rest,
    ...Object.fromEntries(OPTIONAL.map((key) => [key, form[key].trim() || null])),
    shareCapitalMinor: capitalMinor(shareCapital) ?? null,
  } as CompanyIdentity;
};

export function CompanyPage() {
  const { t, lang } = useI18n();
  const identity = useApi<CompanyIdentity>('/api/company/identity');
  const [form, setForm] = useState<Form | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const countries = useMemo(() => countryOptions(lang), [lang]);
  useEffect(() => {
    if (identity.data) setForm(toForm(identity.data, lang));
  }, [identity.data, lang]);
  const field = (name: keyof Form) => ({
    value: form?.[name] ?? '',
    onChange: (event: { currentTarget: { value: string } }) => {
      const value = event.currentTarget.value;
      setForm((previous) => previous && { ...previous, [name]: value });
    },
  });
  const capitalInvalid = form !== null && capitalMinor(form.shareCapital) === undefined;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!form) return;
    setBusy(true);
    setMessage(null);
    try {
      const saved = await api<CompanyIdentity>('/api/company/identity', {
        method: 'PUT',
        body: toIdentity(form),
      });
      setForm(toForm(saved, lang));
      setMessage({ ok: true, text: t('companySaved') });
    } catch (failure) {
      setMessage({ ok: false, text: problemText(failure) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack>
      <div>
        <Title order={2}>{t('company')}</Title>
        <Text c="dimmed" size="sm">
          {t('companyIntro')}
        </Text>
      </div>
      <LoadState loading={identity.loading && !identity.data} error={identity.error} />
      {form && (
        <Card withBorder maw={720}>
          <form onSubmit={submit} data-testid="company-identity-form">
            <Stack gap="sm">
              <TextInput label={t('companyName')} required maxLength={200} {...field('name')} />
              <TextInput
                label={t('companySiren')}
                description={t('companySirenHint')}
                pattern="[0-9]{9}"
                inputMode="numeric"
                maxLength={9}
                w={200}
                {...field('siren')}
              />
              <TextInput label={t('companyAddressLine1')} maxLength={200} {...field('addressLine1')} />
              <TextInput label={t('companyAddressLine2')} maxLength={200} {...field('addressLine2')} />
              <Group align="flex-end">
                <TextInput label={t('companyPostalCode')} maxLength={20} w={140} {...field('postalCode')} />
                <TextInput label={t('companyCity')} maxLength={100} style={{ flex: 1 }} {...field('city')} />
              </Group>
              <Select
                label={t('companyCountry')}
                searchable
                allowDeselect={false}
                data={countries}
                value={form.country}
                onChange={(country) => country && setForm({ ...form, country })}
                w={320}
              />
              <Divider
                mt="xs"
                label={t('companyLegalMentions')}
                labelPosition="left"
                data-testid="company-legal-mentions"
              />
              <Text size="xs" c="dimmed">
                {t('companyLegalMentionsHint')}
              </Text>
              <Group align="flex-start">
                <TextInput
                  label={t('companyLegalForm')}
                  description={t('companyLegalFormHint')}
                  maxLength={60}
                  w={220}
                  {...field('legalForm')}
                />
                <TextInput
                  label={t('companyShareCapital')}
                  description={t('companyShareCapitalHint')}
                  inputMode="decimal"
                  error={capitalInvalid ? t('companyShareCapitalInvalid') : undefined}
                  w={220}
                  {...field('shareCapital')}
                />
                <TextInput
                  label={t('companyRcsCity')}
                  description={t('companyRcsCityHint')}
                  maxLength={100}
                  style={{ flex: 1 }}
                  {...field('rcsCity')}
                />
              </Group>
              <Group>
                <Button type="submit" loading={busy} disabled={capitalInvalid}>
                  {t('save')}
                </Button>
              </Group>
            </Stack>
          </form>
        </Card>
      )}
      {message && (
        <Alert
          maw={720}
          color={message.ok ? 'teal' : 'red'}
          role={message.ok ? 'status' : 'alert'}
          data-testid="company-message"
        >
          {message.text}
        </Alert>
      )}
      <LetterDetailsCard />
    </Stack>
  );
}
