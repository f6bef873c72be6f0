/**
 * The customer's credit-limit history in the risk panel: each change with its date, before → after,
 * who and why (a reason Encours gave worded in the language on screen, the approver's comment of
 * a request below it); a change brought in with an imported story is marked as imported and told
 * in its own words, with the amounts its text states.
 */
import { Table, Text, Title } from '@mantine/core';
import type { ImportOrigin, StoryMessage } from '../../../../src/core/types.ts';
import { importOriginName } from '../../../../src/text/actor-name.ts';
import { eventText } from '../../../../src/text/story.ts';
import { useActorName } from '../../components/ActorName.tsx';
import { HorizontalScroll } from '../../components/HorizontalScroll.tsx';
import { date, money } from '../../format.ts';
import { useI18n } from '../../i18n.tsx';
import { useApi } from '../../use-api.ts';
import { customerPaths } from '../customer/customer-requests.ts';

interface LimitChange {
  entryId: number;
  /** 'imported': a limit change of the story brought in by an import (a date and its text only). */
  source?: 'encours' | 'imported';
  kind: string;
  amountMinor: number | null;
  previousMinor: number | null;
  currency: string;
  validFrom: string;
  expiresOn: string | null;
  reason: string | null;
  /** The reason's catalogue message when Encours worded it; absent from older servers. */
  reasonMessage?: StoryMessage | null;
  /** The approver's comment on the request the change comes from. */
  comment?: string | null;
  createdBy: string | null;
  /** The import that wrote it (a customers file, the demo load); absent from older servers. */
  importOrigin?: ImportOrigin | null;
}

function Reason({ change }: { change: LimitChange }) {
  const { t, lang } = useI18n();
  // Worded here, in the language on screen: the panel keeps what it read when the language changes.
  const reason =
    change.reason === null ? null : eventText(lang, { detail: change.reason, message: change.reasonMessage });
  return (
    <>
      {reason ?? '—'}
      {change.comment ? (
        <Text size="xs" c="dimmed" data-testid="limit-comment">
          {t('credit.event.comment', { text: change.comment })}
        </Text>
      ) : null}
    </>
  );
}

/** Who made the change; one an import brought in is the import's (its file, who ran it), not a decision. */
function Author({ change }: { change: LimitChange }) {
  const { lang } = useI18n();
  const nameOf = useActorName();
  if (change.importOrigin) return <>{importOriginName(lang, change.importOrigin, nameOf)}</>;
  return <>{change.createdBy ? nameOf(change.createdBy) : '—'}</>;
}

/** The latest changes first; older ones stay in the API (`/limit-history`). */
const SHOWN = 10;

export function LimitHistory({ code }: { code: string }) {
  const { t, lang, label } = useI18n();
  const history = useApi<{ items: LimitChange[] }>(customerPaths.limitHistory(code));
  const items = history.data?.items;
  if (!items) return null;
  return (
    <div data-testid="limit-history">
      <Title order={4} size="h5" mt="md" mb="xs">
        {t('credit.web.limitHistory')}
      </Title>
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('credit.web.limitHistoryEmpty')}
        </Text>
      ) : (
        <HorizontalScroll minWidth={760}>
          <Table striped fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('credit.web.limitFrom')}</Table.Th>
                <Table.Th>{t('credit.web.limitKind')}</Table.Th>
                <Table.Th ta="right">{t('credit.web.limitBefore')}</Table.Th>
                <Table.Th ta="right">{t('credit.web.limitAfter')}</Table.Th>
                <Table.Th>{t('credit.web.limitUntil')}</Table.Th>
                <Table.Th>{t('credit.web.limitBy')}</Table.Th>
                <Table.Th>{t('credit.web.limitReason')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.slice(0, SHOWN).map((change) => (
                <Table.Tr key={`${change.source ?? 'encours'}-${change.entryId}`}>
                  <Table.Td>{date(change.validFrom, lang)}</Table.Td>
                  <Table.Td>{label('limitKind', change.kind)}</Table.Td>
                  <Table.Td ta="right">{money(change.previousMinor, change.currency, lang)}</Table.Td>
                  <Table.Td ta="right">{money(change.amountMinor, change.currency, lang)}</Table.Td>
                  <Table.Td>{change.expiresOn ? date(change.expiresOn, lang) : '—'}</Table.Td>
                  <Table.Td>
                    <Author change={change} />
                  </Table.Td>
                  <Table.Td>
                    <Reason change={change} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </HorizontalScroll>
      )}
    </div>
  );
}
