/**
 * One run already sent, read back from the API (so it is still there after a reload, its id in the
 * address): its date, who sent it and when, what was just sent when it comes from this page; its
 * print batch to print and post, the registered letters to deposit (with the deposit list to
 * download, and what became of each: RunRegisteredLetters.tsx), where its e-mails stand, and its
 * reminders customer by customer with their documents.
 */
import { Alert, Anchor, Card, Group, Stack, Tabs, Text, Title } from '@mantine/core';
import { actorEmail } from '../../../../src/text/actor-name.ts';
import { useActorName } from '../../components/ActorName.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { date, dateTime } from '../../format.ts';
import { useI18n } from '../../i18n.tsx';
import { useApi } from '../../use-api.ts';
import { RunRecordActions } from './RunRecordActions.tsx';
import { RunRegisteredLetters } from './RunRegisteredLetters.tsx';
import { RunTotalsTable } from './RunTotals.tsx';
import type { RunDelivery } from './run-record-types.ts';

function PrintBatch({ delivery }: { delivery: RunDelivery }) {
  const { t, lang } = useI18n();
  const parts = delivery.batchFiles.length;
  return (
    <Stack gap={4}>
      <Title order={4}>{t('dunningHistory.batchTitle')}</Title>
      <Text size="sm">{t('dunningHistory.batchIntro', { letters: delivery.letters })}</Text>
      <Group>
        {delivery.batchFiles.map((file, index) => (
          <Anchor
            key={file.letterId}
            // Saved under a name in the reader's language (« lot-relances-… », "reminder-batch-…").
            href={`${file.path}?lang=${lang}`}
            target="_blank"
            data-testid="dunning-batch-file"
          >
            {t('dunningHistory.batchPart', { part: index + 1, parts })}
          </Anchor>
        ))}
      </Group>
    </Stack>
  );
}

/** The run's reminders (courtesy e-mails among them) and its call tasks, which send nothing. */
export const sentCounts = ({ totals }: RunDelivery) => ({
  sent: totals.claimed + totals.courtesy,
  courtesy: totals.courtesy,
  tasks: totals.callTasks,
});

export function RunRecord({ runId, justSent }: { runId: number; justSent: number | null }) {
  const { t, lang } = useI18n();
  const nameOf = useActorName();
  const delivery = useApi<RunDelivery>(`/api/dunning/runs/${runId}/delivery`);
  const data = delivery.data;
  if (delivery.error?.status === 404)
    return (
      <Alert color="orange" data-testid="dunning-run-missing">
        {t('dunningHistory.notFound')}
      </Alert>
    );
  if (!data) return <LoadState loading={delivery.loading} error={delivery.error} />;
  return (
    <Card withBorder data-testid="dunning-run-record">
      <Stack>
        <div>
          <Title order={3} size="h4">
            {t('dunningHistory.runTitle', { date: date(data.asOf, lang) })}
          </Title>
          {/* The sender by name; their e-mail behind it, as ActorName shows it. */}
          <Text size="sm" c="dimmed" title={actorEmail(data.createdBy) ?? undefined}>
            {t('dunningHistory.runBy', { when: dateTime(data.createdAt, lang), who: nameOf(data.createdBy) })}
          </Text>
        </div>
        {/* A call task sends nothing: it is counted apart from the reminders, never as one sent. */}
        {justSent !== null && (
          <Alert color="green" data-testid="dunning-run-sent">
            {t('dunning.page.executedSplit', sentCounts(data))}
          </Alert>
        )}
        {/* « Relances » counts what was sent: the call tasks are on the line below, apart. */}
        <RunTotalsTable totals={{ ...data.totals, actions: sentCounts(data).sent }} scope="run" />
        <Text size="sm" data-testid="dunning-run-counts">
          {t('dunning.page.runCounts', sentCounts(data))}
        </Text>
        <PrintBatch delivery={data} />
        <Text size="sm" data-testid="dunning-run-emails">
          {t('dunningHistory.emailsState', data.emails)}
        </Text>
        {/* A run of a real day posts dozens of registered letters: a tab of their own, not a page long. */}
        <Tabs defaultValue="actions">
          <Tabs.List>
            <Tabs.Tab value="actions">{t('dunningHistory.actionsTitle')}</Tabs.Tab>
            <Tabs.Tab value="registered" data-testid="dunning-registered-tab">
              {t('dunningHistory.registeredTab', { count: data.registeredLetters.length })}
            </Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="actions">
            <RunRecordActions runId={runId} />
          </Tabs.Panel>
          <Tabs.Panel value="registered">
            <RunRegisteredLetters delivery={data} onChanged={delivery.reload} />
          </Tabs.Panel>
        </Tabs>
      </Stack>
    </Card>
  );
}
