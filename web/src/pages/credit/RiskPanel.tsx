/** The risk panel of the customer file: score and class, the explanation criterion by criterion, the history chart, limit, exposure and cover. */
import { Alert, Badge, Button, Card, Group, SimpleGrid, Table, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useAuth } from '../../auth.tsx';
import { type ChartOption, EChart } from '../../components/EChart.tsx';
import { HorizontalScroll } from '../../components/HorizontalScroll.tsx';
import { date, money, number, percentBps } from '../../format.ts';
import { useI18n } from '../../i18n.tsx';
import type { Loaded } from '../../use-api.ts';
import { canRequestLimit } from './credit-requests.ts';
import { criterionValueText } from './criterion-value.ts';
import { LimitHistory } from './LimitHistory.tsx';
import { type LimitRequestDraft, LimitRequestModal } from './LimitRequestForm.tsx';

interface Criterion {
  criterion: string;
  group: string;
  value: number | string;
  points: number;
  maxPoints: number;
  weight: number;
  contributionScore: number;
}

export interface RiskPanelData {
  asOf: string;
  currency: string;
  score: {
    asOf: string;
    score: number | null;
    riskClass: string | null;
    methodVersion: string;
    criteria: Criterion[];
    missing: string[];
    /** Set when a fact forced the class (collective proceedings), with what forced it. */
    override?: { reason: string; riskClass: string; procedure: string } | null;
    /** The open amount with no payment expected the score read (its share is a criterion). */
    noPaymentExpectedMinor?: number | null;
  } | null;
  history: { asOf: string; score: number | null; riskClass: string | null }[];
  exposure: {
    totalMinor: number;
    buckets: { bucket: string; amountMinor: number }[];
    insuredMinor: number;
    uninsuredMinor: number;
    /** Invoices the cover no longer guarantees: their threatened loss was not declared in time. */
    notGuaranteed?: { ref: string; openMinor: number; deadline: string }[];
  };
  group: {
    parentCode: string;
    parentName?: string;
    memberCodes: string[];
    exposureMinor: number;
    insuredMinor: number;
    uninsuredMinor: number;
    limitMinor: number | null;
    availableMinor: number | null;
  } | null;
  limit: { limitMinor: number | null; source: string };
  availableMinor: number | null;
  cover: {
    insurer: string;
    status: string;
    grantedMinor: number;
    insuredShareBps: number;
    expiresOn: string | null;
  } | null;
}

const CLASS_COLOURS: Record<string, string> = { A: 'green', B: 'teal', C: 'yellow', D: 'orange', E: 'red' };

/** `panel`: the risk answer, asked by the customer file once for this panel and its limit card. */
export function RiskPanel({ code, panel }: { code: string; panel: Loaded<RiskPanelData> }) {
  const { t, lang, label, status } = useI18n();
  const { me } = useAuth();
  const [requestDraft, setRequestDraft] = useState<LimitRequestDraft | null>(null);
  const data = panel.data;
  const option = useMemo<ChartOption | null>(() => {
    if (!data || data.history.length === 0) return null;
    return {
      tooltip: { trigger: 'axis' },
      grid: { left: 40, right: 20, top: 20, bottom: 30 },
      xAxis: { type: 'category', data: data.history.map((h) => date(h.asOf, lang)) },
      yAxis: { type: 'value', min: 0, max: 100 },
      series: [{ name: t('credit.web.score'), type: 'line', data: data.history.map((h) => h.score) }],
    };
  }, [data, lang, t]);
  if (!data) return null;
  const score = data.score;
  return (
    <Card withBorder data-testid="risk-panel">
      <Group justify="space-between" mb="sm">
        <Title order={3} size="h4">
          {t('credit.web.riskPanel')}
        </Title>
        {canRequestLimit(me) && (
          <Button
            size="xs"
            variant="light"
            onClick={() => setRequestDraft({ customer: { code, currency: data.currency } })}
          >
            {t('creditRequests.requestIncrease')}
          </Button>
        )}
      </Group>
      <LimitRequestModal draft={requestDraft} onClose={() => setRequestDraft(null)} />
      <SimpleGrid cols={{ base: 2, md: 4 }} mb="md">
        <div>
          <Text size="xs" c="dimmed">
            {t('credit.web.score')}
          </Text>
          <Group gap="xs">
            <Text fw={700}>
              {score?.score === null || !score ? t('credit.web.notScored') : number(score.score, lang, 1)}
            </Text>
            {score?.riskClass && (
              <Badge color={CLASS_COLOURS[score.riskClass] ?? 'gray'}>{score.riskClass}</Badge>
            )}
          </Group>
        </div>
        <div>
          <Text size="xs" c="dimmed">
            {t('credit.web.limit')}
          </Text>
          <Text fw={700}>{money(data.limit.limitMinor, data.currency, lang)}</Text>
        </div>
        <div>
          <Text size="xs" c="dimmed">
            {t('credit.web.exposure')}
          </Text>
          <Text fw={700}>{money(data.exposure.totalMinor, data.currency, lang)}</Text>
        </div>
        <div>
          <Text size="xs" c="dimmed">
            {t('credit.web.available')}
          </Text>
          <Text fw={700} c={(data.availableMinor ?? 0) < 0 ? 'red' : undefined}>
            {money(data.availableMinor, data.currency, lang)}
          </Text>
        </div>
      </SimpleGrid>
      {score?.override && (
        <Alert color="red" mb="md" data-testid="risk-class-override">
          {score.override.procedure === 'insolvency'
            ? t('credit.web.classOverrideStory', { riskClass: score.override.riskClass })
            : t('credit.web.classOverride', {
                riskClass: score.override.riskClass,
                procedure: status(score.override.procedure),
              })}
        </Alert>
      )}
      {score && score.criteria.length > 0 && (
        <HorizontalScroll minWidth={640}>
          <Table striped mb="md">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('credit.web.group')}</Table.Th>
                <Table.Th>{t('credit.web.criterion')}</Table.Th>
                <Table.Th>{t('credit.web.value')}</Table.Th>
                <Table.Th ta="right">{t('credit.web.points')}</Table.Th>
                <Table.Th ta="right">{t('credit.web.weight')}</Table.Th>
                <Table.Th ta="right">{t('credit.web.contribution')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {score.criteria.map((c) => (
                <Table.Tr key={c.criterion}>
                  <Table.Td>{label('criterionGroup', c.group)}</Table.Td>
                  <Table.Td>{label('scoringCriterion', c.criterion)}</Table.Td>
                  <Table.Td>
                    {criterionValueText(lang, t, label, c, {
                      amountMinor: score.noPaymentExpectedMinor ?? null,
                      currency: data.currency,
                    })}
                  </Table.Td>
                  <Table.Td ta="right">
                    {c.points} / {c.maxPoints}
                  </Table.Td>
                  {/* A weight split by a share scored as the worst case is not whole (« 2,15 »). */}
                  <Table.Td ta="right">
                    {Number.isInteger(c.weight) ? c.weight : number(c.weight, lang, 2)}
                  </Table.Td>
                  <Table.Td ta="right">{number(c.contributionScore, lang, 1)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </HorizontalScroll>
      )}
      {score && score.missing.length > 0 && (
        <Text size="sm" c="dimmed" mb="md">
          {t('credit.web.labelled', {
            label: t('credit.web.missing'),
            value: score.missing.map((m) => label('scoringCriterion', m)).join(', '),
          })}
        </Text>
      )}
      {option && <EChart option={option} height={200} label={t('credit.web.history')} />}
      <Text size="sm" mt="sm" data-testid="risk-insured">
        {t('credit.web.labelled', {
          label: t('credit.web.insured'),
          value: money(data.exposure.insuredMinor, data.currency, lang),
        })}{' '}
        ·{' '}
        {t('credit.web.labelled', {
          label: t('credit.web.uninsured'),
          value: money(data.exposure.uninsuredMinor, data.currency, lang),
        })}
      </Text>
      {(data.exposure.notGuaranteed ?? []).map((invoice) => (
        <Text key={invoice.ref} size="sm" c="red" data-testid="risk-not-guaranteed">
          {t('credit.web.notGuaranteedInvoice', {
            ref: invoice.ref,
            amount: money(invoice.openMinor, data.currency, lang),
            deadline: date(invoice.deadline, lang),
          })}
        </Text>
      ))}
      {data.group && <GroupLine group={data.group} currency={data.currency} />}
      <LimitHistory code={code} />
      <Text size="sm" mt="sm">
        {t('credit.web.labelled', {
          label: t('credit.web.cover'),
          value: data.cover
            ? `${data.cover.insurer} · ${label('coverStatus', data.cover.status)} · ${money(data.cover.grantedMinor, data.currency, lang)} · ${percentBps(data.cover.insuredShareBps, lang)} · ${t('credit.web.expiresOn')} ${date(data.cover.expiresOn, lang)}`
            : t('credit.web.noCover'),
        })}
      </Text>
    </Card>
  );
}

/** The group the customer belongs to: its exposure against the parent's limit, all members counted. */
function GroupLine({ group, currency }: { group: NonNullable<RiskPanelData['group']>; currency: string }) {
  const { t, lang } = useI18n();
  return (
    <Text size="sm" mt="sm" data-testid="risk-group">
      {[
        // The group by its parent's name, as a person knows it, not by the parent's code.
        [t('credit.web.customerGroup'), group.parentName ?? group.parentCode],
        [t('credit.web.groupExposureTotal'), money(group.exposureMinor, currency, lang)],
        // Its members' insured parts added up: each member's cover insures that member.
        [t('credit.web.insured'), money(group.insuredMinor, currency, lang)],
        [t('credit.web.groupLimit'), money(group.limitMinor, currency, lang)],
        [t('credit.web.available'), money(group.availableMinor, currency, lang)],
      ]
        .map(([name, value]) => t('credit.web.labelled', { label: name ?? '', value: value ?? '' }))
        .concat(
          t('credit.web.groupMembers', {
            n: group.memberCodes.length,
            members: group.memberCodes.join(', '),
          }),
        )
        .join(' · ')}
    </Text>
  );
}
