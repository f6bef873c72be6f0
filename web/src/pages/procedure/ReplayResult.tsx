/**
 * The comparison of a finished replay: both policies side by side, effects, the proposal's class
 * changes when it re-scores, lists, assumptions.
 */
import { List, Stack, Table, Text, Title } from '@mantine/core';
import type { ReplayResultView as Result } from '../../../../src/http/schemas/procedure-replay.ts';
import { date, money, number } from '../../format.ts';
import { useI18n } from '../../i18n.tsx';

const ROWS = 50;

function SideBySide({ result }: { result: Result }) {
  const { t, lang } = useI18n();
  const count = (n: number) => number(n, lang, 0);
  const rows: [string, string, string][] = [
    ['ordersChecked', count(result.current.ordersChecked), count(result.proposed.ordersChecked)],
    ['ordersApproved', count(result.current.ordersApproved), count(result.proposed.ordersApproved)],
    ['ordersHeld', count(result.current.ordersHeld), count(result.proposed.ordersHeld)],
    ['ordersRefused', count(result.current.ordersRefused), count(result.proposed.ordersRefused)],
    [
      'heldOrRefused',
      money(result.current.heldOrRefusedMinor, result.currency, lang),
      money(result.proposed.heldOrRefusedMinor, result.currency, lang),
    ],
    ['reminders', count(result.current.reminders), count(result.proposed.reminders)],
    ['invoicesReminded', count(result.current.invoicesReminded), count(result.proposed.invoicesReminded)],
  ];
  return (
    <Table striped withTableBorder>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('procedure.replay.column.indicator')}</Table.Th>
          <Table.Th ta="right">{t('procedure.replay.column.current')}</Table.Th>
          <Table.Th ta="right">{t('procedure.replay.column.proposed')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map(([key, current, proposed]) => (
          <Table.Tr key={key}>
            <Table.Td>{t(`procedure.replay.${key}`)}</Table.Td>
            <Table.Td ta="right">{current}</Table.Td>
            <Table.Td ta="right">{proposed}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function Effects({ result }: { result: Result }) {
  const { t, lang } = useI18n();
  const m = (minor: number) => money(minor, result.currency, lang);
  const e = result.effects;
  const days = (n: number | null) => number(n, lang, 1);
  return (
    <List>
      <List.Item>
        {t('procedure.replay.ordersStopped', { count: e.ordersStopped, amount: m(e.ordersStoppedMinor) })}
      </List.Item>
      <List.Item>{t('procedure.replay.exposureAvoided', { amount: m(e.exposureAvoidedMinor) })}</List.Item>
      <List.Item>
        {t('procedure.replay.overdueAvoided', {
          amount: m(e.overdueAvoidedMinor),
          total: m(e.overdueAtEndMinor),
        })}
      </List.Item>
      <List.Item>
        {t('procedure.replay.badDebtsAvoided', {
          amount: m(e.badDebtsAvoidedMinor),
          total: m(e.badDebtsMinor),
        })}
      </List.Item>
      <List.Item>{t('procedure.replay.salesForgone', { amount: m(e.salesForgoneMinor) })}</List.Item>
      <List.Item>
        {t('procedure.replay.dso', { current: days(e.dsoCurrentDays), proposed: days(e.dsoProposedDays) })}
      </List.Item>
      <List.Item>{t('procedure.replay.ordersReleased', { count: e.ordersReleased })}</List.Item>
      <List.Item>
        {e.firstReminderEarlierDays === null
          ? t('procedure.replay.firstReminderNone')
          : t('procedure.replay.firstReminder', {
              days: t('common.days', { n: Math.round(Math.abs(e.firstReminderEarlierDays)) }),
              direction: e.firstReminderEarlierDays >= 0 ? 'earlier' : 'later',
              count: e.invoicesRemindedOnlyByProposed,
            })}
      </List.Item>
    </List>
  );
}

/** A proposed scoring method: customers re-scored, and the moves from the class recorded to the proposed one. */
function ClassChanges({ result }: { result: Result }) {
  const { t, lang } = useI18n();
  const scoring = result.scoring;
  if (!scoring) return null;
  const riskClass = (value: string | null) => value ?? t('procedure.replay.unscored');
  return (
    <Stack gap="xs">
      <Title order={4}>{t('procedure.replay.migrationHeading')}</Title>
      <Text size="sm">
        {t('procedure.replay.scoring', {
          method: scoring.methodVersion,
          customers: scoring.customersRescored,
          changed: scoring.customersChanged,
          scoringsChanged: scoring.scoringsChanged,
          scorings: scoring.scorings,
        })}
      </Text>
      {scoring.migration.length > 0 && (
        <Table striped withTableBorder maw={520}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('procedure.page.classFrom')}</Table.Th>
              <Table.Th>{t('procedure.page.classTo')}</Table.Th>
              <Table.Th ta="right">{t('procedure.page.customers')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {scoring.migration.map((move) => (
              <Table.Tr key={`${move.from}-${move.to}`}>
                <Table.Td>{riskClass(move.from)}</Table.Td>
                <Table.Td>{riskClass(move.to)}</Table.Td>
                <Table.Td ta="right">{number(move.customers, lang, 0)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

function Orders({ result }: { result: Result }) {
  const { t, lang } = useI18n();
  const reason = (code: string) => t(`procedure.reason.${code}`);
  return (
    <Table striped withTableBorder>
      <Table.Thead>
        <Table.Tr>
          {['order', 'customer', 'date', 'amount'].map((key) => (
            <Table.Th key={key}>{t(`procedure.page.${key}`)}</Table.Th>
          ))}
          <Table.Th>{t('procedure.replay.column.current')}</Table.Th>
          <Table.Th>{t('procedure.replay.column.proposed')}</Table.Th>
          <Table.Th>{t('procedure.page.reasons')}</Table.Th>
          <Table.Th>{t('procedure.page.fate')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {result.orders.slice(0, ROWS).map((o) => (
          <Table.Tr key={o.ref}>
            <Table.Td>{o.ref}</Table.Td>
            <Table.Td>{o.customerCode}</Table.Td>
            <Table.Td>{date(o.checkedOn, lang)}</Table.Td>
            <Table.Td ta="right">{money(o.amountMinor, o.currency, lang)}</Table.Td>
            <Table.Td>{t(`procedure.decision.${o.current.decision}`)}</Table.Td>
            <Table.Td>{t(`procedure.decision.${o.proposed.decision}`)}</Table.Td>
            <Table.Td>{o.proposed.reasonCodes.map(reason).join(t('common.listSeparator'))}</Table.Td>
            <Table.Td>{t(`procedure.fate.${o.fate}`)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function Reminders({ result }: { result: Result }) {
  const { t, lang, label } = useI18n();
  return (
    <Table striped withTableBorder>
      <Table.Thead>
        <Table.Tr>
          {['date', 'customer', 'step', 'channel', 'invoices', 'amount'].map((key) => (
            <Table.Th key={key}>{t(`procedure.page.${key}`)}</Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {result.reminders.slice(0, ROWS).map((r) => (
          <Table.Tr key={`${r.date}-${r.customerCode}-${r.stepCode}-${r.channel}`}>
            <Table.Td>{date(r.date, lang)}</Table.Td>
            <Table.Td>{r.customerCode}</Table.Td>
            <Table.Td>{label('dunningStepKind', r.stepKind)}</Table.Td>
            <Table.Td>{label('dunningChannel', r.channel)}</Table.Td>
            <Table.Td>{r.invoiceRefs.join(' ')}</Table.Td>
            <Table.Td ta="right">{money(r.openTotalMinor, result.currency, lang)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

export function ReplayResultView({ result }: { result: Result }) {
  const { t, lang } = useI18n();
  const shown = (total: number) => t('procedure.page.shown', { shown: Math.min(ROWS, total), total });
  return (
    <Stack>
      <Title order={3}>
        {t('procedure.replay.title', { from: date(result.from, lang), to: date(result.to, lang) })}
      </Title>
      <Text c="dimmed">{t('procedure.replay.subtitle', { proposed: result.proposedLabel })}</Text>
      {result.proposedDunning && (
        <Text size="sm" c="dimmed">
          {t('procedure.replay.proposedDunning', { policies: result.proposedDunning.join(', ') })}
        </Text>
      )}
      <SideBySide result={result} />
      <Text size="sm" c="dimmed">
        {t('procedure.replay.ordersNote', { recorded: result.fidelity.ordersCompared })}
      </Text>
      <Title order={4}>{t('procedure.replay.effects')}</Title>
      <Effects result={result} />
      <Text size="sm">
        {t('procedure.replay.fidelity', {
          ordersMatching: result.fidelity.ordersMatching,
          ordersCompared: result.fidelity.ordersCompared,
          remindersMatching: result.fidelity.remindersMatching,
          remindersRecorded: result.fidelity.remindersRecorded,
        })}
      </Text>
      <ClassChanges result={result} />
      <Title order={4}>{t('procedure.replay.ordersHeading')}</Title>
      <Text size="sm" c="dimmed">
        {shown(result.ordersTotal)}
      </Text>
      <Orders result={result} />
      <Title order={4}>{t('procedure.replay.remindersHeading')}</Title>
      <Text size="sm" c="dimmed">
        {shown(result.remindersTotal)}
      </Text>
      <Reminders result={result} />
      <Title order={4}>{t('procedure.replay.assumptions')}</Title>
      <List>
        {result.assumptions.map((code) => (
          <List.Item key={code}>{t(`procedure.assumption.${code}`)}</List.Item>
        ))}
      </List>
    </Stack>
  );
}
