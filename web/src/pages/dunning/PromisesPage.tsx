/**
 * Promises to pay (promesses de paiement): every promise recorded in Encours, its instalments and
 * where it stands at the company's date (pending, kept, partially kept, broken, as the API assesses
 * it from the payments received since), the customer linking to its file; below them, read-only,
 * the promises of the imported history (ImportedPromises.tsx), which the API serves a page at a
 * time; both filtered by status (the imported ones by the API).
 */
import { Anchor, Badge, Group, NativeSelect, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { query } from '../../api.ts';
import { HorizontalScroll } from '../../components/HorizontalScroll.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { date, money } from '../../format.ts';
import { useI18n } from '../../i18n.tsx';
import { useApi } from '../../use-api.ts';
import { type ImportedPromisePage, ImportedPromises } from './ImportedPromises.tsx';

/** A recorded promise's statuses, then the one only an imported line can have. */
const STATUSES = ['pending', 'kept', 'partially_kept', 'broken', 'unverifiable'] as const;
const IMPORTED_PAGE_SIZE = 25;
const STATUS_COLOURS: Record<string, string> = {
  pending: 'blue',
  kept: 'green',
  partially_kept: 'orange',
  broken: 'red',
};

/** A row of `GET /api/dunning/promises` (src/http/routes/dunning-follow-up.ts). */
export interface PromiseItem {
  promiseId: number;
  customerCode: string;
  customerName: string;
  madeOn: string;
  currency: string;
  note: string;
  /** None: every open invoice of the customer. */
  documentRefs: string[];
  assessment: {
    status: string;
    promisedMinor: number;
    paidMinor: number;
    shortfallMinor: number;
    instalments: { dueDate: string; amountMinor: number; paidMinor: number; status: string }[];
  };
}

function PromiseRow({ promise }: { promise: PromiseItem }) {
  const { t, lang, label } = useI18n();
  const { assessment, currency } = promise;
  return (
    <Table.Tr data-testid={`promise-${promise.promiseId}`}>
      <Table.Td>
        <Anchor component={Link} to={`/customers/${encodeURIComponent(promise.customerCode)}`}>
          {promise.customerName}
        </Anchor>{' '}
        <Text span c="dimmed" size="sm">
          ({promise.customerCode})
        </Text>
        {promise.note && (
          <Text size="xs" c="dimmed">
            {promise.note}
          </Text>
        )}
      </Table.Td>
      <Table.Td>{date(promise.madeOn, lang)}</Table.Td>
      <Table.Td>
        <Stack gap={0}>
          {assessment.instalments.map((instalment, index) => (
            <Text
              // biome-ignore lint/suspicious/noArrayIndexKey: a promise's instalments never move; two may share a day
              key={index}
              size="sm"
              c={instalment.status === 'pending' ? undefined : `${STATUS_COLOURS[instalment.status]}.8`}
              title={label('dunningPromiseStatus', instalment.status)}
            >
              {t('dunningFollowUp.promises.instalment', {
                date: date(instalment.dueDate, lang),
                amount: money(instalment.amountMinor, currency, lang),
              })}
            </Text>
          ))}
        </Stack>
      </Table.Td>
      <Table.Td ta="right">{money(assessment.promisedMinor, currency, lang)}</Table.Td>
      <Table.Td ta="right">{money(assessment.paidMinor, currency, lang)}</Table.Td>
      <Table.Td>
        <Badge color={STATUS_COLOURS[assessment.status]} variant="light">
          {label('dunningPromiseStatus', assessment.status)}
        </Badge>
      </Table.Td>
      <Table.Td>
        <Text size="sm">
          {promise.documentRefs.length === 0
            ? t('dunningFollowUp.promises.allInvoices')
            : promise.documentRefs.join(', ')}
        </Text>
      </Table.Td>
    </Table.Tr>
  );
}

/**
 * No promise recorded yet: where one comes from (a call in the agenda), and, when the imported
 * history has some, that they are the ones listed below, which pause nothing.
 */
function NoPromise({ imported }: { imported: boolean }) {
  const { t } = useI18n();
  return (
    <Stack gap={4} data-testid="promises-empty">
      <Text c="dimmed">{t('dunningFollowUp.promises.empty')}</Text>
      <Text c="dimmed" size="sm">
        {t('dunningFollowUp.promises.emptyHow')}
      </Text>
      {imported && (
        <Text c="dimmed" size="sm">
          {t('dunningFollowUp.promises.emptyImported')}
        </Text>
      )}
      <Anchor component={Link} to="/dunning/agenda" size="sm">
        {t('dunningFollowUp.promises.toAgenda')}
      </Anchor>
    </Stack>
  );
}

export function PromisesPage() {
  const { t, label } = useI18n();
  const [status, setStatus] = useState('');
  const [importedPage, setImportedPage] = useState(1);
  const promises = useApi<PromiseItem[]>('/api/dunning/promises');
  // A recorded promise's status (partially kept) keeps no imported line: the API answers none.
  const imported = useApi<ImportedPromisePage>(
    `/api/dunning/promises/imported${query({
      status: status || undefined,
      limit: IMPORTED_PAGE_SIZE,
      offset: (importedPage - 1) * IMPORTED_PAGE_SIZE,
    })}`,
  );
  const all = promises.data;
  const shown = all?.filter((p) => status === '' || p.assessment.status === status);
  const importedData = imported.data;
  const importedInAll = Object.values(importedData?.counts ?? {}).reduce((sum, count) => sum + count, 0);
  return (
    <Stack>
      <Title order={2}>{t('dunningFollowUp.promises.title')}</Title>
      <Text c="dimmed">{t('dunningFollowUp.promises.intro')}</Text>
      <Group align="end">
        <NativeSelect
          label={t('dunningFollowUp.promises.statusFilter')}
          value={status}
          onChange={(e) => {
            setStatus(e.currentTarget.value);
            setImportedPage(1);
          }}
          data={[
            { value: '', label: t('dunningFollowUp.promises.allStatuses') },
            ...STATUSES.map((value) => ({ value, label: label('dunningPromiseStatus', value) })),
          ]}
        />
        {shown && shown.length > 0 && (
          <Text c="dimmed" data-testid="promise-count">
            {t('dunningFollowUp.promises.count', { count: shown.length })}
          </Text>
        )}
      </Group>
      <LoadState loading={promises.loading && !all} error={promises.error} />
      {all && <Title order={3}>{t('dunningFollowUp.promises.recordedTitle')}</Title>}
      {all && all.length === 0 && <NoPromise imported={importedInAll > 0} />}
      {all && all.length > 0 && shown?.length === 0 && (
        <Text c="dimmed">{t('dunningFollowUp.promises.emptyStatus')}</Text>
      )}
      {shown && shown.length > 0 && (
        <HorizontalScroll minWidth={900}>
          <Table striped data-testid="dunning-promises">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('dunningFollowUp.promises.customer')}</Table.Th>
                <Table.Th scope="col">{t('dunningFollowUp.promises.madeOn')}</Table.Th>
                <Table.Th scope="col">{t('dunningFollowUp.promises.instalments')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('dunningFollowUp.promises.total')}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('dunningFollowUp.promises.paid')}
                </Table.Th>
                <Table.Th scope="col">{t('dunningFollowUp.promises.status')}</Table.Th>
                <Table.Th scope="col">{t('dunningFollowUp.promises.invoices')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.map((promise) => (
                <PromiseRow key={promise.promiseId} promise={promise} />
              ))}
            </Table.Tbody>
          </Table>
        </HorizontalScroll>
      )}
      <LoadState loading={imported.loading && !importedData} error={imported.error} />
      {importedData && (
        <ImportedPromises
          data={importedData}
          pageSize={IMPORTED_PAGE_SIZE}
          page={importedPage}
          onPage={setImportedPage}
        />
      )}
    </Stack>
  );
}
