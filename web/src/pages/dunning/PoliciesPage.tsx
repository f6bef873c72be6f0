/**
 * Dunning policies: the versions in force and their steps, edited as a table (PolicySteps.tsx), and
 * their escalation with the account; a change is checked (problem codes worded by the catalogue) and
 * saved as a new version, the history kept.
 */
import { Alert, Button, Checkbox, Group, List, NativeSelect, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { ApiError, api } from '../../api.ts';
import { DayDateInput } from '../../components/DayDateInput.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { date } from '../../format.ts';
import { useI18n } from '../../i18n.tsx';
import { useApi } from '../../use-api.ts';
import { PolicyStepsTable, type TemplateEntry } from './PolicySteps.tsx';
import { stepName } from './RunReviewModel.ts';
import type { Policy, PolicyProblem, PolicySet } from './types.ts';

/** The date the app gives the built-in policy (src/app/dunning/plan-data.ts): in force since always. */
const BUILT_IN_FROM = '1900-01-01';
/** The policy every company starts with (src/app/dunning/plan-data.ts): named, not shown by its code. */
const BUILT_IN_CODE = 'standard';

function draftOf(policy: Policy) {
  const { version: _version, ...draft } = policy;
  return draft;
}

/**
 * The escalation with the account, on unless a version says otherwise (versions saved before the
 * settings were stored say nothing); a change is saved with the new version.
 */
function EscalationSettings({ policy, onChange }: { policy: Policy; onChange: (policy: Policy) => void }) {
  const { t } = useI18n();
  return (
    <Stack gap="xs" data-testid="dunning-policy-escalation">
      <Checkbox
        checked={policy.accountFloor !== false}
        label={t('dunningEscalation.accountFloor')}
        description={t('dunningEscalation.accountFloorHelp')}
        onChange={(e) => onChange({ ...policy, accountFloor: e.currentTarget.checked })}
      />
      <Checkbox
        checked={policy.catchUpByAge !== false}
        label={t('dunningEscalation.catchUpByAge')}
        description={t('dunningEscalation.catchUpByAgeHelp')}
        onChange={(e) => onChange({ ...policy, catchUpByAge: e.currentTarget.checked })}
      />
    </Stack>
  );
}

export function PoliciesPage() {
  const { t, lang, label } = useI18n();
  const set = useApi<PolicySet>('/api/dunning/policies');
  const templates = useApi<TemplateEntry[]>('/api/dunning/templates');
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
          value: p.scope.customerType
            ? label('customerType', p.scope.customerType)
            : (p.scope.riskClass ?? p.scope.customerCode ?? ''),
        });
  const policyName = (code: string) => (code === BUILT_IN_CODE ? t('dunning.page.policyStandard') : code);
  // A problem names its step as the table does.
  const stepOf = (code: string | null) => {
    const step = policy?.steps.find((s) => s.code === code);
    return step ? stepName(t, label, { step: step.code, stepKind: step.kind, channel: step.channel }) : code;
  };
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
                <Table.Td>{policyName(p.code)}</Table.Td>
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
          <EscalationSettings policy={policy} onChange={setPolicy} />
          <PolicyStepsTable
            steps={policy.steps}
            templates={templates.data ?? []}
            onChange={(steps) => setPolicy({ ...policy, steps })}
          />
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
                  {p.stepCode ? ` (${stepOf(p.stepCode)})` : ''}
                </List.Item>
              ))}
            </List>
          )}
        </>
      )}
    </Stack>
  );
}
