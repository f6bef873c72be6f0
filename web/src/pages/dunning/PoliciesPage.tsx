/**
 * Dunning policies: the versions in force and their steps, edited as a table; a change is checked
 * (problem codes worded by the catalogue) and saved as a new version, the history kept.
 */
import {
  Alert,
  Button,
  Checkbox,
  Group,
  List,
  NativeSelect,
  NumberInput,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useEffect, useState } from 'react';
import { ApiError, api } from '../../api.ts';
import { DayDateInput } from '../../components/DayDateInput.tsx';
import { DecimalInput } from '../../components/DecimalInput.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { date } from '../../format.ts';
import { useI18n } from '../../i18n.tsx';
import { useApi } from '../../use-api.ts';
import { stepName } from './RunReviewModel.ts';
import type { Policy, PolicyProblem, PolicySet, PolicyStep } from './types.ts';

/** The date the app gives the built-in policy (src/app/dunning/plan-data.ts): in force since always. */
const BUILT_IN_FROM = '1900-01-01';
const KINDS = ['courtesy', 'reminder', 'formal_notice', 'handover'];
const CHANNELS = ['email', 'letter', 'registered_letter', 'call_task', 'sms'];

function StepRow({ step, onChange }: { step: PolicyStep; onChange(step: PolicyStep): void }) {
  const { t, label } = useI18n();
  return (
    <Table.Tr>
      <Table.Td miw={170}>
        {/* The step's name is what a person reads; its code (used by the API and the exports) is
            kept editable but secondary. */}
        <Text size="sm" fw={500}>
          {stepName(t, label, { step: step.code, stepKind: step.kind, channel: step.channel })}
        </Text>
        <TextInput
          size="xs"
          variant="unstyled"
          c="dimmed"
          value={step.code}
          aria-label={t('dunning.page.stepCode')}
          title={t('dunning.page.stepCode')}
          styles={{ input: { fontSize: 11, minHeight: 0, height: 18, color: 'var(--mantine-color-dimmed)' } }}
          onChange={(e) => onChange({ ...step, code: e.currentTarget.value })}
        />
      </Table.Td>
      <Table.Td>
        <NativeSelect
          size="xs"
          w={205}
          value={step.kind}
          onChange={(e) => onChange({ ...step, kind: e.currentTarget.value })}
          data={KINDS.map((value) => ({ value, label: label('dunningStepKind', value) }))}
        />
      </Table.Td>
      <Table.Td>
        <NumberInput
          size="xs"
          w={80}
          value={step.offsetDays}
          onChange={(v) => onChange({ ...step, offsetDays: Number(v) || 0 })}
        />
      </Table.Td>
      <Table.Td>
        <NativeSelect
          size="xs"
          w={205}
          value={step.channel}
          onChange={(e) => onChange({ ...step, channel: e.currentTarget.value })}
          data={CHANNELS.map((value) => ({ value, label: label('dunningChannel', value) }))}
        />
      </Table.Td>
      <Table.Td>
        <DecimalInput
          size="xs"
          w={110}
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
          w={90}
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
      <Table.Td>
        <Checkbox
          checked={step.claimInterest}
          onChange={(e) => onChange({ ...step, claimInterest: e.currentTarget.checked })}
        />
      </Table.Td>
      <Table.Td>
        <Checkbox
          checked={step.claimIndemnity}
          onChange={(e) => onChange({ ...step, claimIndemnity: e.currentTarget.checked })}
        />
      </Table.Td>
      <Table.Td>
        <Text size="sm">{label('dunningStepKind', step.kind)}</Text>
        <TextInput
          size="xs"
          variant="unstyled"
          aria-label={t('dunning.page.templateCode')}
          title={t('dunning.page.templateCode')}
          styles={{ input: { fontSize: 11, minHeight: 0, height: 18, color: 'var(--mantine-color-dimmed)' } }}
          value={step.templateCode}
          onChange={(e) => onChange({ ...step, templateCode: e.currentTarget.value })}
        />
      </Table.Td>
    </Table.Tr>
  );
}

function draftOf(policy: Policy) {
  const { version: _version, ...draft } = policy;
  return draft;
}

export function PoliciesPage() {
  const { t, lang, label } = useI18n();
  const set = useApi<PolicySet>('/api/dunning/policies');
  const [policy, setPolicy] = useState<Policy | null>(null);
  const [problems, setProblems] = useState<PolicyProblem[] | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  useEffect(() => {
    if (!set.data || policy) return;
    const first = set.data.inForce[0] ?? set.data.versions[0] ?? null;
    // The built-in policy applies since always (a placeholder date): a new version starts at the
    // company's reference date, the date the policies were read at.
    setPolicy(
      first && first.effectiveFrom === BUILT_IN_FROM ? { ...first, effectiveFrom: set.data.asOf } : first,
    );
  }, [set.data, policy]);
  const check = async () => {
    if (!policy) return;
    setProblems(
      (
        await api<{ problems: PolicyProblem[] }>('/api/dunning/policies/validate', {
          method: 'POST',
          body: draftOf(policy),
        })
      ).problems,
    );
  };
  const save = async () => {
    if (!policy) return;
    try {
      const saved = await api<{ policy: Policy; problems: PolicyProblem[] }>('/api/dunning/policies', {
        method: 'POST',
        body: draftOf(policy),
      });
      setPolicy(saved.policy);
      setProblems(saved.problems);
      setMessage(t('dunning.page.saved'));
      set.reload();
    } catch (failure) {
      setMessage(failure instanceof ApiError ? failure.message : String(failure));
    }
  };
  const scope = (p: Policy) =>
    p.scope.kind === 'default'
      ? t('dunningPolicyScope.default')
      : t(`dunningPolicyScope.${p.scope.kind}`, {
          value: p.scope.customerType ?? p.scope.riskClass ?? p.scope.customerCode ?? '',
        });
  return (
    <Stack>
      <Title order={2}>{t('dunning.page.policiesTitle')}</Title>
      <Text c="dimmed">{t('dunning.page.policiesIntro')}</Text>
      <LoadState loading={set.loading && !set.data} error={set.error} />
      {set.data && (
        <Table data-testid="dunning-policy-versions">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('dunning.page.policy')}</Table.Th>
              <Table.Th>{t('dunning.page.version')}</Table.Th>
              <Table.Th>{t('dunning.page.effectiveFrom')}</Table.Th>
              <Table.Th>{t('dunning.page.scope')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {set.data.versions.map((p) => (
              <Table.Tr
                key={`${p.code}-${p.version}`}
                onClick={() => setPolicy(p)}
                style={{ cursor: 'pointer' }}
              >
                <Table.Td>{p.code}</Table.Td>
                <Table.Td>{p.version}</Table.Td>
                <Table.Td>
                  {p.effectiveFrom === BUILT_IN_FROM
                    ? t('dunningReview.policy.builtIn')
                    : date(p.effectiveFrom, lang)}
                </Table.Td>
                <Table.Td>{scope(p)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {policy && (
        <>
          <Group align="end">
            <DayDateInput
              label={t('dunning.page.effectiveFrom')}
              value={policy.effectiveFrom}
              onChange={(effectiveFrom) => setPolicy({ ...policy, effectiveFrom })}
              w={150}
            />
            <NativeSelect
              label={t('dunningCases.page.stepDates')}
              value={policy.stepDates ?? 'as_is'}
              onChange={(e) =>
                setPolicy({
                  ...policy,
                  stepDates: e.currentTarget.value === 'next_business_day' ? 'next_business_day' : 'as_is',
                })
              }
              data={['as_is', 'next_business_day'].map((value) => ({
                value,
                label: label('dunningStepDates', value),
              }))}
            />
          </Group>
          {/* Wide enough for the step and channel names: scrolls sideways on a narrow screen. */}
          <Table.ScrollContainer minWidth={1100}>
            <Table data-testid="dunning-policy-steps">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('dunning.page.step')}</Table.Th>
                  <Table.Th />
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
                {policy.steps.map((step, index) => (
                  <StepRow
                    // biome-ignore lint/suspicious/noArrayIndexKey: a step is its row; its code changes as it is typed
                    key={index}
                    step={step}
                    onChange={(next) =>
                      setPolicy({ ...policy, steps: policy.steps.map((s, i) => (i === index ? next : s)) })
                    }
                  />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Group>
            <Button
              variant="subtle"
              onClick={() =>
                setPolicy({
                  ...policy,
                  steps: [
                    ...policy.steps,
                    {
                      code: `step_${policy.steps.length + 1}`,
                      kind: 'reminder',
                      offsetDays: (policy.steps.at(-1)?.offsetDays ?? 0) + 10,
                      channel: 'email',
                      templateCode: 'dunning.reminder',
                      minimumAmountMinor: 0,
                      claimInterest: false,
                      claimIndemnity: false,
                    },
                  ],
                })
              }
            >
              {t('dunning.page.addStep')}
            </Button>
            <Button variant="light" onClick={check}>
              {t('dunning.page.validate')}
            </Button>
            <Button onClick={save} disabled={!policy.effectiveFrom}>
              {t('dunning.page.saveVersion')}
            </Button>
          </Group>
          {message && <Alert color="blue">{message}</Alert>}
          {problems && problems.length === 0 && <Alert color="green">{t('dunning.page.valid')}</Alert>}
          {problems && problems.length > 0 && (
            <List>
              {problems.map((p) => (
                <List.Item key={`${p.code}-${p.stepCode}`}>
                  {p.severity === 'error' ? '⛔' : '⚠'} {label('dunningPolicyProblem', p.code)}
                  {p.stepCode ? ` (${p.stepCode})` : ''}
                </List.Item>
              ))}
            </List>
          )}
        </>
      )}
    </Stack>
  );
}
