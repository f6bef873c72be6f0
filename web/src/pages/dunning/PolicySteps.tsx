/**
 * The steps of a dunning policy, edited as a table (split from PoliciesPage.tsx). A person reads
 * each step by its name (« Relance 2 (courrier) ») and picks its template by the step it was
 * written for, in the credit department's short form (« Mise en demeure · J+45 »; the templates
 * page's full name, « … 45 jours après l’échéance », on hover): the full names were cut by the
 * field's width. The codes stay in the data the API takes, out of sight, but for a template of the
 * person's own choosing (« Autre modèle »). Eight columns, the kind under the step's name: the
 * table fits a 1366-pixel screen beside the menu, and scrolls sideways inside its box on a
 * narrower one.
 */
import { Checkbox, NativeSelect, NumberInput, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { DecimalInput } from '../../components/DecimalInput.tsx';
import { HorizontalScroll } from '../../components/HorizontalScroll.tsx';
import { useI18n } from '../../i18n.tsx';
import { stepName } from './RunReviewModel.ts';
import type { PolicyStep } from './types.ts';

const KINDS = ['courtesy', 'reminder', 'formal_notice', 'handover'];
const CHANNELS = ['email', 'letter', 'registered_letter', 'call_task', 'sms'];
/** The choice that lets a person type a template code of their own. */
const OTHER = '';

/** What GET /api/dunning/templates says of a template (one line per channel and language). */
export interface TemplateEntry {
  templateCode: string;
  stepKind: string;
  offsetDays: number;
}

type Translate = (key: string, values?: Record<string, string | number>) => string;
type Label = (domain: string, code: string) => string;

/** A template's name as the templates page writes it: the step it was written for. */
export function templateName(t: Translate, label: Label, entry: TemplateEntry): string {
  return t('dunning.page.templateOf', {
    kind: label('dunningStepKind', entry.stepKind),
    when: entry.offsetDays < 0 ? 'before' : entry.offsetDays === 0 ? 'due' : 'after',
    days: Math.abs(entry.offsetDays),
  });
}

/** The same name in the short form a select shows whole: « Mise en demeure · J+45 ». */
export function templateShortName(t: Translate, entry: TemplateEntry): string {
  return t('dunning.page.templateShort', {
    kind: t(`dunningReview.kind.${entry.stepKind}`),
    when: entry.offsetDays < 0 ? 'before' : entry.offsetDays === 0 ? 'due' : 'after',
    days: Math.abs(entry.offsetDays),
  });
}

/** One choice per template code, named; the step's own code stays a choice even when no policy uses it yet. */
function templateChoices(t: Translate, label: Label, templates: readonly TemplateEntry[]) {
  const byCode = new Map<string, TemplateEntry>();
  for (const entry of templates) if (!byCode.has(entry.templateCode)) byCode.set(entry.templateCode, entry);
  return [...byCode.values()].map((entry) => ({
    value: entry.templateCode,
    label: templateShortName(t, entry),
    fullName: templateName(t, label, entry),
  }));
}

function TemplateChoice({
  step,
  templates,
  onChange,
}: {
  step: PolicyStep;
  templates: readonly TemplateEntry[];
  onChange(templateCode: string): void;
}) {
  const { t, label } = useI18n();
  const choices = templateChoices(t, label, templates);
  const known = choices.some((choice) => choice.value === step.templateCode);
  const [typing, setTyping] = useState(!known && templates.length > 0);
  // The templates page's full name on hover.
  const chosenName = choices.find((choice) => choice.value === step.templateCode)?.fullName;
  return (
    <Stack gap={2}>
      <NativeSelect
        size="xs"
        w={230}
        aria-label={t('dunning.page.template')}
        title={chosenName}
        value={known && !typing ? step.templateCode : OTHER}
        onChange={(e) => {
          const code = e.currentTarget.value;
          setTyping(code === OTHER);
          if (code !== OTHER) onChange(code);
        }}
        data={[
          ...choices.map(({ value, label }) => ({ value, label })),
          { value: OTHER, label: t('dunning.page.templateOther') },
        ]}
      />
      {(typing || !known) && (
        <TextInput
          size="xs"
          w={230}
          aria-label={t('dunning.page.templateCode')}
          placeholder={t('dunning.page.templateCode')}
          value={step.templateCode}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
      )}
    </Stack>
  );
}

function StepRow({
  step,
  templates,
  onChange,
}: {
  step: PolicyStep;
  templates: readonly TemplateEntry[];
  onChange(step: PolicyStep): void;
}) {
  const { t, label } = useI18n();
  return (
    <Table.Tr>
      <Table.Td>
        <Text size="sm" fw={500} mb={4}>
          {stepName(t, label, { step: step.code, stepKind: step.kind, channel: step.channel })}
        </Text>
        <NativeSelect
          size="xs"
          w={200}
          aria-label={t('dunning.page.stepKind')}
          value={step.kind}
          onChange={(e) => onChange({ ...step, kind: e.currentTarget.value })}
          data={KINDS.map((value) => ({ value, label: label('dunningStepKind', value) }))}
        />
      </Table.Td>
      <Table.Td>
        <NumberInput
          size="xs"
          w={72}
          aria-label={t('dunning.page.offset')}
          value={step.offsetDays}
          onChange={(v) => onChange({ ...step, offsetDays: Number(v) || 0 })}
        />
      </Table.Td>
      <Table.Td>
        {/* Wide enough for the longest channel, « Lettre recommandée avec AR ». */}
        <NativeSelect
          size="xs"
          w={212}
          aria-label={t('dunning.page.channel')}
          value={step.channel}
          onChange={(e) => onChange({ ...step, channel: e.currentTarget.value })}
          data={CHANNELS.map((value) => ({ value, label: label('dunningChannel', value) }))}
        />
      </Table.Td>
      <Table.Td>
        <DecimalInput
          size="xs"
          w={100}
          unit="money"
          min={0}
          value={step.minimumAmountMinor / 100}
          decimalScale={2}
          aria-label={t('dunning.page.minimum')}
          onChange={(v) => onChange({ ...step, minimumAmountMinor: Math.round((Number(v) || 0) * 100) })}
        />
      </Table.Td>
      <Table.Td>
        {/* Before the due date only: the likely on time (by the payment-date model) are left alone. */}
        <DecimalInput
          size="xs"
          w={80}
          unit="percent"
          decimalScale={2}
          min={0}
          max={100}
          disabled={step.offsetDays >= 0 && !step.minimumLateProbabilityBp}
          aria-label={t('forecastDunning.minimumLateProbability')}
          title={t('forecastDunning.minimumLateProbabilityHelp')}
          data-testid={`late-probability-${step.code}`}
          value={step.minimumLateProbabilityBp ? step.minimumLateProbabilityBp / 100 : ''}
          onChange={(v) => {
            const { minimumLateProbabilityBp: _old, ...rest } = step;
            const bp = Math.round((Number(v) || 0) * 100);
            onChange(v === '' || bp === 0 ? rest : { ...rest, minimumLateProbabilityBp: bp });
          }}
        />
      </Table.Td>
      {/* A call sends nothing, so it claims nothing either: no box to tick beside « Aucun ». */}
      <Table.Td>
        {step.channel === 'call_task' ? (
          <Text size="sm" c="dimmed" data-testid="claim-none">
            —
          </Text>
        ) : (
          <Checkbox
            aria-label={t('dunning.page.claimInterest')}
            checked={step.claimInterest}
            onChange={(e) => onChange({ ...step, claimInterest: e.currentTarget.checked })}
          />
        )}
      </Table.Td>
      <Table.Td>
        {step.channel === 'call_task' ? (
          <Text size="sm" c="dimmed" data-testid="claim-none">
            —
          </Text>
        ) : (
          <Checkbox
            aria-label={t('dunning.page.claimIndemnity')}
            checked={step.claimIndemnity}
            onChange={(e) => onChange({ ...step, claimIndemnity: e.currentTarget.checked })}
          />
        )}
      </Table.Td>
      <Table.Td>
        {/* A call sends nothing, so it has no template to choose (src/app/dunning/templates.ts). */}
        {step.channel === 'call_task' ? (
          <Text size="sm" c="dimmed">
            {t('dunning.page.templateNone')}
          </Text>
        ) : (
          <TemplateChoice
            step={step}
            templates={templates}
            onChange={(templateCode) => onChange({ ...step, templateCode })}
          />
        )}
      </Table.Td>
    </Table.Tr>
  );
}

export function PolicyStepsTable({
  steps,
  templates,
  onChange,
}: {
  steps: readonly PolicyStep[];
  templates: readonly TemplateEntry[];
  onChange(steps: PolicyStep[]): void;
}) {
  const { t } = useI18n();
  return (
    <HorizontalScroll minWidth={1000}>
      <Table data-testid="dunning-policy-steps" verticalSpacing={6} horizontalSpacing={6}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('dunning.page.step')}</Table.Th>
            <Table.Th>{t('dunning.page.offset')}</Table.Th>
            <Table.Th>{t('dunning.page.channel')}</Table.Th>
            <Table.Th>{t('dunning.page.minimum')}</Table.Th>
            <Table.Th title={t('forecastDunning.minimumLateProbabilityHelp')}>
              {t('forecastDunning.minimumLateProbability')}
            </Table.Th>
            <Table.Th>{t('dunning.page.claimInterest')}</Table.Th>
            <Table.Th>{t('dunning.page.claimIndemnity')}</Table.Th>
            <Table.Th>{t('dunning.page.template')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {steps.map((step, index) => (
            <StepRow
              // biome-ignore lint/suspicious/noArrayIndexKey: a step is its row; its code may change
              key={index}
              step={step}
              templates={templates}
              onChange={(next) => onChange(steps.map((s, i) => (i === index ? next : s)))}
            />
          ))}
        </Table.Tbody>
      </Table>
    </HorizontalScroll>
  );
}
