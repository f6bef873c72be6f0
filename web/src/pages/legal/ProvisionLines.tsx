/**
 * The lines of the provision for doubtful debts under its totals (WriteOffsPage.tsx): each invoice
 * provided for, its customer (a link to their file), what is still owed with or without VAT, the
 * days past due, the basis and rate that applied (an invoice issued after its customer's opening
 * judgment says it takes the ordinary rule) and the provision, the largest provisions first,
 * a page at a time; each with « Proposer » a write-off of it (the invoice of a customer in
 * proceedings, or too old to collect), disabled with the reason for a reader who may not propose.
 */
import { Anchor, Button, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import type { ProvisionResponse } from '../../../../src/http/schemas/write-offs.ts';
import { formatDays } from '../../../../src/text/format.ts';
import { HorizontalScroll } from '../../components/HorizontalScroll.tsx';
import { PageNumbers } from '../../components/PageNumbers.tsx';
import { date, money, percentBps } from '../../format.ts';
import { useI18n } from '../../i18n.tsx';

const PAGE_SIZE = 25;

type Line = ProvisionResponse['lines'][number];

/** Largest provision first; among equal ones, the invoice reference, so the order never moves. */
const byProvision = (a: Line, b: Line) => b.provisionMinor - a.provisionMinor || a.ref.localeCompare(b.ref);

interface Proposing {
  /** Why the reader may not propose, or null when they may. */
  proposeRefused: string | null;
  onPropose(line: Line): void;
}

function LineRow({ line, proposeRefused, onPropose }: { line: Line } & Proposing) {
  const { t, lang } = useI18n();
  return (
    <Table.Tr>
      <Table.Td>{line.ref}</Table.Td>
      <Table.Td>
        <Anchor component={Link} to={`/customers/${encodeURIComponent(line.customerCode)}`} fz="sm">
          {line.customerCode}
        </Anchor>
        <Text fz="xs" c="dimmed">
          {line.customerName}
        </Text>
      </Table.Td>
      <Table.Td>{date(line.dueDate, lang)}</Table.Td>
      <Table.Td ta="right">
        {/* A disputed invoice not yet due is provisioned too: « 0 jour » would read as on time. */}
        {line.daysPastDue > 0 ? formatDays(lang, line.daysPastDue) : t('provision.web.notDue')}
      </Table.Td>
      <Table.Td ta="right">
        {money(line.openMinor, line.currency, lang)}
        <Text fz="xs" c="dimmed">
          {t('provision.web.vat', { vat: line.vatRateBps === 0 ? 'none' : 'included' })}
        </Text>
      </Table.Td>
      <Table.Td ta="right">{money(line.netMinor, line.currency, lang)}</Table.Td>
      <Table.Td>
        {t('provision.basis', { basis: line.basis })}
        {/* A customer in proceedings, but an invoice issued after the judgment: say why its rate is not the procedure's. */}
        {line.postJudgment && (
          <Text
            fz="xs"
            c="dimmed"
            title={t('provision.postJudgment', { issueDate: date(line.issueDate, lang) })}
            data-testid={`post-judgment-${line.ref}`}
          >
            {t('provision.web.postJudgment')}
          </Text>
        )}
      </Table.Td>
      <Table.Td ta="right">{percentBps(line.rateBps, lang)}</Table.Td>
      <Table.Td ta="right" fw={500}>
        {money(line.provisionMinor, line.currency, lang)}
      </Table.Td>
      <Table.Td>
        <Button
          size="compact-xs"
          variant="light"
          disabled={proposeRefused !== null}
          title={proposeRefused ?? undefined}
          onClick={() => onPropose(line)}
          data-testid={`propose-${line.ref}`}
        >
          {t('writeoff.web.proposeLine')}
        </Button>
      </Table.Td>
    </Table.Tr>
  );
}

export function ProvisionLines({ lines, ...proposing }: { lines: readonly Line[] } & Proposing) {
  const { t } = useI18n();
  const [page, setPage] = useState(1);
  const sorted = [...lines].sort(byProvision);
  const shown = sorted.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  return (
    <Stack gap="xs">
      <Title order={3}>{t('provision.web.lines')}</Title>
      {sorted.length === 0 ? (
        <Text c="dimmed">{t('provision.web.noLine')}</Text>
      ) : (
        <>
          <Text c="dimmed" fz="sm">
            {t('provision.web.lineCount', { n: sorted.length })}
          </Text>
          <HorizontalScroll minWidth={900}>
            <Table striped fz="sm" data-testid="provision-lines">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('provision.web.invoice')}</Table.Th>
                  <Table.Th>{t('provision.web.customer')}</Table.Th>
                  <Table.Th>{t('provision.web.dueDate')}</Table.Th>
                  <Table.Th ta="right">{t('provision.web.daysPastDue')}</Table.Th>
                  <Table.Th ta="right">{t('provision.web.open')}</Table.Th>
                  <Table.Th ta="right">{t('provision.web.net')}</Table.Th>
                  <Table.Th>{t('provision.web.basis')}</Table.Th>
                  <Table.Th ta="right">{t('provision.web.rate')}</Table.Th>
                  <Table.Th ta="right">{t('provision.web.provision')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {shown.map((line) => (
                  <LineRow key={line.documentId} line={line} {...proposing} />
                ))}
              </Table.Tbody>
            </Table>
          </HorizontalScroll>
          <PageNumbers total={sorted.length} pageSize={PAGE_SIZE} page={page} onChange={setPage} />
        </>
      )}
    </Stack>
  );
}
