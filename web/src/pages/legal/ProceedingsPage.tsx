/**
 * Collective procedures: each customer in safeguard, receivership or liquidation (known from the
 * BODACC watch, else from its status dated by its story), its judgment, the mandataire, the claim
 * to declare (the invoices from before the judgment) and its deadline — exact from the BODACC
 * publication, or estimated from the judgment's date with the reason — and the declaration's
 * state, with the actions: prepare it, print its letter, record it as declared. The API says who
 * may act (`mayDeclare`, `mayPrintLetter`); the buttons of the others are disabled with the reason.
 * Above the list, the BODACC watch's schedule (BodaccWatch.tsx).
 */
import { Anchor, Badge, Button, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { daysBetween } from '../../../../src/core/calendar.ts';
import type { ClaimListResponse, ClaimResponse } from '../../../../src/http/schemas/legal-claims.ts';
import { download, problemText } from '../../api.ts';
import { HorizontalScroll } from '../../components/HorizontalScroll.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { date, money } from '../../format.ts';
import { useI18n } from '../../i18n.tsx';
import { useApi } from '../../use-api.ts';
import { BodaccWatch } from './BodaccWatch.tsx';
import { DeclareClaimModal, PrepareClaimModal } from './ClaimModals.tsx';

type Dialog = { kind: 'prepare' | 'declare'; claim: ClaimResponse } | null;

/** Whose date the judgment's is, as the catalogue words it: the story's words are the judgment's own date. */
export const judgmentSource = (claim: ClaimResponse): string =>
  claim.judgmentDateStated && claim.source === 'story' ? 'told' : claim.source;

function ProcedureCell({ claim }: { claim: ClaimResponse }) {
  const { t, lang, label } = useI18n();
  return (
    <Stack gap={2}>
      <Text size="sm" fw={500}>
        {label('customerStatus', claim.procedure)}
        {!claim.inProceedings && ` (${t('legal.proceedings.closed')})`}
      </Text>
      <Text size="xs">
        {claim.judgmentDate
          ? t('legal.proceedings.judgment', {
              source: judgmentSource(claim),
              date: date(claim.judgmentDate, lang),
            })
          : t('legal.proceedings.judgmentUnknown')}
        {claim.publicationDate &&
          `, ${t('legal.proceedings.publication', { date: date(claim.publicationDate, lang) })}`}
      </Text>
      {claim.court && <Text size="xs">{claim.court}</Text>}
      <Text size="xs" c="dimmed">
        {t('legal.proceedings.source', { source: claim.source })}
      </Text>
    </Stack>
  );
}

function DeadlineCell({ claim, asOf }: { claim: ClaimResponse; asOf: string }) {
  const { t, lang } = useI18n();
  if (!claim.deadline)
    return (
      <Text size="xs" c="red" maw={260}>
        {t('legal.proceedings.deadlineUnknown')}
      </Text>
    );
  const days = daysBetween(asOf, claim.deadline);
  const open = claim.status === 'to_declare';
  return (
    <Stack gap={2} maw={280}>
      <Text size="sm" fw={500} data-testid="claim-deadline">
        {date(claim.deadline, lang)}
      </Text>
      {open && (
        // Whole and as the catalogue words it: a badge shrinks to its column and cuts its words off.
        <Badge
          color={days < 0 ? 'red' : days <= 15 ? 'orange' : 'green'}
          variant="light"
          tt="none"
          miw="max-content"
          data-testid="claim-days"
        >
          {days < 0
            ? t('legal.proceedings.late', { days: -days })
            : t('legal.proceedings.daysLeft', { days })}
        </Badge>
      )}
      {claim.deadlineEstimated && claim.judgmentDate && (
        <Text size="xs" c="dimmed" data-testid="deadline-estimated">
          {t('legal.proceedings.deadlineEstimated', {
            date: date(claim.judgmentDate, lang),
            source: judgmentSource(claim),
          })}
        </Text>
      )}
    </Stack>
  );
}

function Actions(props: {
  claim: ClaimResponse;
  list: ClaimListResponse;
  onOpen(dialog: Dialog): void;
  onError(text: string): void;
}) {
  const { t, lang } = useI18n();
  const { claim, list } = props;
  const refused = list.mayDeclare ? null : t('legal.proceedings.creditOnly');
  const letter = () =>
    download(`/api/legal/claims/${claim.claimId}/letter.pdf?lang=${lang}`).catch((error: unknown) =>
      props.onError(problemText(error)),
    );
  return (
    <Stack gap={4} title={refused ?? undefined} miw={200}>
      {claim.claimId === null && (
        <Button
          size="xs"
          disabled={refused !== null}
          onClick={() => props.onOpen({ kind: 'prepare', claim })}
        >
          {t('legal.proceedings.prepare')}
        </Button>
      )}
      {claim.claimId !== null && (
        <Button size="xs" variant="light" disabled={!list.mayPrintLetter} onClick={letter}>
          {t('legal.proceedings.letter')}
        </Button>
      )}
      {claim.claimId !== null && claim.status === 'to_declare' && (
        <Button
          size="xs"
          disabled={refused !== null}
          onClick={() => props.onOpen({ kind: 'declare', claim })}
        >
          {t('legal.proceedings.declare')}
        </Button>
      )}
      {refused !== null && claim.status === 'to_declare' && (
        <Text size="xs" c="dimmed" data-testid="claim-refused">
          {refused}
        </Text>
      )}
    </Stack>
  );
}

function ClaimRow(props: {
  claim: ClaimResponse;
  list: ClaimListResponse;
  onOpen(d: Dialog): void;
  onError(text: string): void;
}) {
  const { t, lang } = useI18n();
  const { claim } = props;
  const cash = (minor: number) => money(minor, claim.currency, lang);
  return (
    <Table.Tr data-testid={`claim-${claim.customerCode}`}>
      <Table.Td>
        <Anchor component={Link} to={`/customers/${encodeURIComponent(claim.customerCode)}`} fz="sm">
          {claim.customerName}
        </Anchor>
        <Text size="xs" c="dimmed">
          {claim.customerCode}
        </Text>
      </Table.Td>
      <Table.Td>
        <ProcedureCell claim={claim} />
      </Table.Td>
      <Table.Td maw={260}>
        <Text size="sm">{claim.mandataire ?? '—'}</Text>
        {claim.claimId !== null && claim.status === 'to_declare' && !claim.mandataireAddress?.trim() && (
          // The prepared letter cannot be posted by registered mail as it stands: said where it is printed.
          <Text size="xs" c="orange.8" data-testid="claim-mandataire-missing">
            {t('legal.proceedings.mandataireMissing', { missing: claim.mandataire ? 'address' : 'name' })}
          </Text>
        )}
        {claim.storyLine && (
          <Text size="xs" c="dimmed">
            {t('legal.proceedings.story', {
              date: date(claim.storyLine.date, lang),
              text: claim.storyLine.text,
            })}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Text size="sm" fw={500} data-testid="claim-total">
          {cash(claim.totalMinor)}
        </Text>
        <Text size="xs" c="dimmed" maw={220}>
          {t('legal.proceedings.amount', {
            total: t('legal.proceedings.invoices', { count: claim.items.length }),
            principal: cash(claim.principalMinor),
            interest: cash(claim.interestMinor),
            indemnity: cash(claim.indemnityMinor),
          })}
        </Text>
      </Table.Td>
      <Table.Td>
        <DeadlineCell claim={claim} asOf={props.list.asOf} />
      </Table.Td>
      <Table.Td>
        <Text size="sm">
          {claim.claimId === null
            ? t('legal.proceedings.notPrepared')
            : t('legal.proceedings.state', {
                status: claim.status,
                date: claim.declaredOn ? date(claim.declaredOn, lang) : '',
              })}
        </Text>
      </Table.Td>
      <Table.Td>
        <Actions {...props} />
      </Table.Td>
    </Table.Tr>
  );
}

export function ProceedingsPage() {
  const { t, lang } = useI18n();
  const claims = useApi<ClaimListResponse>(`/api/legal/claims?lang=${lang}`);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  const list = claims.data;
  const done = (claim: ClaimResponse) => {
    const prepared = dialog?.kind === 'prepare';
    setDialog(null);
    setNotice({
      ok: true,
      text: prepared
        ? t('legal.proceedings.prepared', {
            claimId: claim.claimId ?? 0,
            deadline: date(claim.deadline, lang),
          })
        : t('legal.proceedings.declared', { claimId: claim.claimId ?? 0 }),
    });
    claims.reload();
  };
  return (
    <Stack>
      <Title order={2}>{t('legal.proceedings.title')}</Title>
      <Text size="sm" maw={900}>
        {t('legal.proceedings.intro')}
      </Text>
      {list && <BodaccWatch mayDeclare={list.mayDeclare} />}
      {notice && (
        <Text c={notice.ok ? 'green' : 'red'} data-testid="claims-notice">
          {notice.text}
        </Text>
      )}
      <LoadState loading={claims.loading && !list} error={claims.error} />
      {list && list.items.length === 0 && <Text>{t('legal.proceedings.none')}</Text>}
      {list && list.items.length > 0 && (
        <HorizontalScroll minWidth={1100}>
          <Table striped fz="sm" data-testid="claims-table" verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('legal.proceedings.customer')}</Table.Th>
                <Table.Th>{t('legal.proceedings.procedure')}</Table.Th>
                <Table.Th>{t('legal.proceedings.mandataire')}</Table.Th>
                <Table.Th>{t('legal.proceedings.claim')}</Table.Th>
                <Table.Th>{t('legal.proceedings.deadline')}</Table.Th>
                <Table.Th>{t('legal.proceedings.status')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.items.map((claim) => (
                <ClaimRow
                  key={`${claim.customerCode}-${claim.claimId ?? 'new'}`}
                  claim={claim}
                  list={list}
                  onOpen={setDialog}
                  onError={(text) => setNotice({ ok: false, text })}
                />
              ))}
            </Table.Tbody>
          </Table>
        </HorizontalScroll>
      )}
      {dialog?.kind === 'prepare' && (
        <PrepareClaimModal claim={dialog.claim} onClose={() => setDialog(null)} onDone={done} />
      )}
      {dialog?.kind === 'declare' && list && (
        <DeclareClaimModal
          claim={dialog.claim}
          asOf={list.asOf}
          onClose={() => setDialog(null)}
          onDone={done}
        />
      )}
    </Stack>
  );
}
