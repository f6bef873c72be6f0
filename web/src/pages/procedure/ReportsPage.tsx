/**
 * « Rapports »: the procedure review's two written reports. Choose the report, the date, the
 * language and the financing rate (the company's, unless one is typed for this report); preview
 * the figures it states; download it as PDF or Word; edit the wording of its sections (Liquid
 * templates fed with the computed figures).
 */
import {
  Alert,
  Anchor,
  Button,
  Group,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import type { FinancingRateResponse } from '../../../../src/http/schemas/forecast-cost.ts';
import type {
  ProcedureReportModelView,
  SectionTemplateView,
} from '../../../../src/http/schemas/procedure-reports.ts';
import { hasMessage } from '../../../../src/text/catalogue.ts';
import { gapScope } from '../../../../src/text/gap-scope.ts';
import { api, problemText, query } from '../../api.ts';
import { DayDateInput } from '../../components/DayDateInput.tsx';
import { DecimalInput } from '../../components/DecimalInput.tsx';
import { money, number, percent, percentBps } from '../../format.ts';
import { type Key, type Lang, useI18n } from '../../i18n.tsx';
import { useApi } from '../../use-api.ts';

type Report = 'dysfunctions' | 'measures';
type Dysfunctions = Extract<ProcedureReportModelView, { report: 'dysfunctions' }>['model'];
type Measures = Extract<ProcedureReportModelView, { report: 'measures' }>['model'];

/**
 * Days and shares as the report's PDF prints them (« 82,6 j », « 14,7 % »): the shared
 * formatters, one decimal, in the report's language.
 */
function reportDays(k: (key: string, params?: Record<string, string>) => string, lang: Lang) {
  return (v: number | null) => (v === null ? '—' : k('days', { value: number(v, lang, 1) }));
}

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <Paper withBorder p="sm">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="lg">
        {value}
      </Text>
    </Paper>
  );
}

function DysfunctionsPreview({ model, lang }: { model: Dysfunctions; lang: Lang }) {
  const { t } = useI18n();
  const k = (key: string, params?: Record<string, string | number>) =>
    t(`procedureReports.${key}` as Key, params);
  const eur = (minor: number) => money(minor, model.currency, lang);
  const days = reportDays(k, lang);
  return (
    <Stack>
      <SimpleGrid cols={{ base: 2, md: 4 }}>
        <Figure label={k('key.receivables')} value={eur(model.portfolio.totalMinor)} />
        <Figure label={k('key.overdue')} value={eur(model.portfolio.overdueMinor)} />
        <Figure label={k('key.lateCost')} value={eur(model.lateCost.costMinor)} />
        <Figure label={k('key.anomalies')} value={String(model.anomalies.length)} />
      </SimpleGrid>
      <Title order={4}>{k('section.indicators')}</Title>
      <Table striped>
        <Table.Tbody>
          {model.indicators.map((i) => (
            <Table.Tr key={i.key}>
              <Table.Td>{k(`indicator.${i.key}`)}</Table.Td>
              <Table.Td ta="right">
                {i.kind === 'days' ? days(i.periodValue) : percent(i.periodValue, lang, 1)}
              </Table.Td>
              <Table.Td>{k(`trend.${i.trend}`)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Title order={4}>{k('section.gaps')}</Title>
      {/* Headed as the report's table, each count saying what it counts (« 419 commandes de 74 clients »). */}
      <Table striped data-testid="report-gaps">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{k('col.gap')}</Table.Th>
            <Table.Th ta="right">{k('col.scope')}</Table.Th>
            <Table.Th ta="right">{k('col.amount')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {model.gaps.map((g) => (
            <Table.Tr key={g.code}>
              <Table.Td>
                {/* The report's own title, which says what a gap of reminders leaves out. */}
                {hasMessage(`procedureReports.gapTitle.${g.code}`)
                  ? k(`gapTitle.${g.code}`, { days: 15 })
                  : k(`gap.${g.code}`, { days: 15 })}
              </Table.Td>
              <Table.Td ta="right">{gapScope(t, g)}</Table.Td>
              <Table.Td ta="right">{eur(g.amountMinor)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

function MeasuresPreview({ model, lang }: { model: Measures; lang: Lang }) {
  const { t } = useI18n();
  const k = (key: string, params?: Record<string, string | number>) =>
    t(`procedureReports.${key}` as Key, params);
  const eur = (minor: number) => money(minor, model.currency, lang);
  return (
    <Stack>
      <Text>{model.configured.map((c) => k(`area.${c.area}`, { version: c.version })).join(' · ')}</Text>
      <Alert color={model.replay ? 'blue' : 'gray'}>
        {model.replay
          ? [
              t('common.labelled', { label: k('replay.policy'), value: model.replay.policy }),
              t('common.labelled', { label: k('replay.ordersHeld'), value: model.replay.ordersHeld }),
            ].join(' — ')
          : k('web.noReplay')}
      </Alert>
      <Title order={4}>{k('section.proposals')}</Title>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{k('col.measure')}</Table.Th>
            <Table.Th ta="right">{k('col.amount')}</Table.Th>
            <Table.Th ta="right">{k('col.dsoEffect')}</Table.Th>
            <Table.Th ta="right">{k('col.annualCost')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {model.proposals.map((p) => (
            <Table.Tr key={p.code}>
              <Table.Td>{k(`web.proposal.${p.code}`)}</Table.Td>
              <Table.Td ta="right">{eur(p.amountMinor)}</Table.Td>
              {/* Under a header in days (« Effet sur le DSO (j) »): the number, as the PDF's column. */}
              <Table.Td ta="right">{number(p.dsoEffectDays, lang, 1)}</Table.Td>
              <Table.Td ta="right">{eur(p.annualCashCostMinor)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

function TemplateEditor({ report, lang }: { report: Report; lang: Lang }) {
  const { t } = useI18n();
  const k = (key: string) => t(`procedureReports.${key}` as Key);
  const [version, setVersion] = useState(0);
  const templates = useApi<SectionTemplateView[]>(
    `/api/procedure/reports/${report}/templates${query({ lang, v: version })}`,
  );
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const save = async (section: string, body: string) => {
    try {
      await api(`/api/procedure/reports/${report}/templates/${section}`, {
        method: 'PUT',
        body: { lang, body },
      });
      setMessage({ ok: true, text: k('web.saved') });
      setVersion((v) => v + 1);
    } catch (error) {
      setMessage({ ok: false, text: problemText(error) });
    }
  };
  return (
    <Stack>
      <Text c="dimmed" size="sm">
        {k('web.templatesIntro')}
      </Text>
      {message && <Alert color={message.ok ? 'green' : 'red'}>{message.text}</Alert>}
      {templates.data?.map((template) => {
        const body = drafts[template.section] ?? template.body;
        return (
          <Paper key={template.section} withBorder p="sm">
            <Group justify="space-between" mb="xs">
              <Text fw={600}>
                {template.section === 'summary' ? k('summary') : k(`section.${template.section}`)}
              </Text>
              <Text size="xs" c="dimmed">
                {template.edited ? `v${template.version}` : k('web.default')}
              </Text>
            </Group>
            <Textarea
              autosize
              minRows={3}
              value={body}
              onChange={(e) => setDrafts({ ...drafts, [template.section]: e.currentTarget.value })}
            />
            <Button
              mt="xs"
              size="xs"
              disabled={body === template.body}
              onClick={() => save(template.section, body)}
            >
              {k('web.save')}
            </Button>
          </Paper>
        );
      })}
    </Stack>
  );
}

export function ReportsPage() {
  const { t, lang: uiLang } = useI18n();
  const k = (key: string, params?: Record<string, string>) => t(`procedureReports.${key}` as Key, params);
  const [report, setReport] = useState<Report>('dysfunctions');
  // No rate typed (null): the report is priced at the company's financing rate, as every cost of
  // money is; a typed one holds for this report only.
  const [draft, setDraft] = useState<{ asOf: string; rateBps: number | null; replayJobId: string }>({
    asOf: '',
    rateBps: null,
    replayJobId: '',
  });
  const [shown, setShown] = useState(draft);
  const [lang, setLang] = useState<Lang>(uiLang);
  const companyRate = useApi<FinancingRateResponse>('/api/company/financing-rate').data;
  const params = {
    asOf: shown.asOf || undefined,
    rateBps: shown.rateBps ?? undefined,
    lang,
    replayJobId: report === 'measures' && shown.replayJobId ? shown.replayJobId : undefined,
  };
  const preview = useApi<ProcedureReportModelView>(`/api/procedure/reports/${report}${query(params)}`);
  const file = (format: string) => `/api/procedure/reports/${report}${query({ ...params, format })}`;
  return (
    <Stack>
      <Title order={2}>{k('web.title')}</Title>
      <Text c="dimmed">{k('web.intro')}</Text>
      <SegmentedControl
        value={report}
        onChange={(value) => setReport(value as Report)}
        data={[
          { value: 'dysfunctions', label: k('dysfunctions.title') },
          { value: 'measures', label: k('measures.title') },
        ]}
      />
      <Group align="end">
        {/* No date typed: the report is as of the company's reference date, which the field shows. */}
        <DayDateInput
          label={k('web.asOf')}
          value={draft.asOf || preview.data?.model.asOf || ''}
          data-testid="report-as-of"
          onChange={(asOf) => setDraft({ ...draft, asOf })}
          w={150}
        />
        <DecimalInput
          label={k('web.rateBps')}
          unit="percent"
          decimalScale={2}
          value={draft.rateBps !== null ? draft.rateBps / 100 : companyRate ? companyRate.rateBps / 100 : ''}
          min={0}
          max={1000}
          onChange={(value) =>
            setDraft({ ...draft, rateBps: value === '' ? null : Math.round((Number(value) || 0) * 100) })
          }
          description={
            companyRate &&
            k('web.rateSource', {
              source: draft.rateBps === null ? companyRate.source : 'given',
              rate: percentBps(companyRate.rateBps, uiLang),
            })
          }
          data-testid="report-rate"
          w={190}
        />
        {report === 'measures' && (
          <TextInput
            label={k('web.replayJob')}
            value={draft.replayJobId}
            onChange={(e) => setDraft({ ...draft, replayJobId: e.currentTarget.value })}
          />
        )}
        <SegmentedControl
          value={lang}
          onChange={(value) => setLang(value as Lang)}
          data={[
            { value: 'fr', label: 'FR' },
            { value: 'en', label: 'EN' },
          ]}
        />
        <Button onClick={() => setShown(draft)}>{k('web.preview')}</Button>
      </Group>
      <Group gap="md">
        <Text size="sm">{k('web.download')}</Text>
        <Anchor href={file('pdf')} size="sm">
          PDF
        </Anchor>
        <Anchor href={file('docx')} size="sm">
          Word (DOCX)
        </Anchor>
      </Group>
      {preview.error && <Alert color="red">{preview.error.message}</Alert>}
      {preview.loading && <Text c="dimmed">{k('web.loading')}</Text>}
      {preview.data?.report === 'dysfunctions' && (
        <DysfunctionsPreview model={preview.data.model} lang={lang} />
      )}
      {preview.data?.report === 'measures' && <MeasuresPreview model={preview.data.model} lang={lang} />}
      <Title order={3}>{k('web.templates')}</Title>
      {/* A new report or language starts from its stored texts, not the other's drafts. */}
      <TemplateEditor key={`${report}-${lang}`} report={report} lang={lang} />
    </Stack>
  );
}
