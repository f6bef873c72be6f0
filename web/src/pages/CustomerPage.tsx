/** The 360° customer file: identity, limit against exposure, open items with ages, story, notes. */
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Loader,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { Link, useParams } from 'react-router';
import type { AuditEntry, CustomerFile } from '../api.ts';
import { canEditCustomers, canReadAudit, useAuth } from '../auth.tsx';
import { HorizontalScroll } from '../components/HorizontalScroll.tsx';
import { date, money } from '../format.ts';
import { useI18n } from '../i18n.tsx';
import { useApi } from '../use-api.ts';
import { CustomerEditForm } from './CustomerEditForm.tsx';
import { CustomerTimeline } from './CustomerTimeline.tsx';
import { RiskPanel, type RiskPanelData } from './credit/RiskPanel.tsx';
import { customerPaths } from './customer/customer-requests.ts';
import { DunningFollowUpCell } from './customer/DunningFollowUpCell.tsx';
import { useDunningDocuments } from './customer/dunning-documents.ts';
import { addressText } from './customer/identity-display.ts';
import { LimitUsageCard } from './customer/LimitUsageCard.tsx';
import { NoteForm } from './customer/NoteForm.tsx';
import { PaymentBehaviourCard } from './customer/PaymentBehaviourCard.tsx';
import { PredictedPayment, usePredictions } from './customer/PredictedPayment.tsx';

const CREDIT_STATUS_COLOURS: Record<string, string> = {
  held: 'orange',
  refused: 'red',
  approved: 'green',
  released: 'teal',
};

function Field({ label, value }: { label: string; value: string | null | undefined }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text>{value || '—'}</Text>
    </div>
  );
}

export function CustomerPage() {
  const { code = '' } = useParams();
  const { t, lang, customerType, status, label } = useI18n();
  const { me } = useAuth();
  const file = useApi<CustomerFile>(customerPaths.file(code));
  const audit = useApi<{ items: AuditEntry[] }>(canReadAudit(me) ? customerPaths.audit(code) : null);
  const predictions = usePredictions(code);
  const documentOf = useDunningDocuments(code);
  const data = file.data;
  // Fetched here for both the limit card and the risk panel: one request, one set of figures.
  const risk = useApi<RiskPanelData>(customerPaths.risk(code));
  const refresh = () => {
    file.reload();
    audit.reload();
    // An edited limit moves the gauge and « Disponible »: both read the risk answer.
    risk.reload();
  };

  if (file.error)
    return (
      <Stack>
        <Alert color="red" role="alert" data-testid="customer-error">
          {file.error.status === 404 ? t('notFound') : file.error.message}
        </Alert>
        <Anchor component={Link} to="/customers">
          {t('backToList')}
        </Anchor>
      </Stack>
    );
  if (!data) return <Loader aria-label={t('loading')} />;
  const c = data.customer;
  const address = addressText(c, lang);
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2} data-testid="customer-name">
          {c.name}{' '}
          <Text span c="dimmed">
            ({c.code})
          </Text>
        </Title>
        <Group>
          <Badge color={c.status === 'active' ? 'green' : 'red'}>{status(c.status)}</Badge>
          <Text c="dimmed">{t('asOf', { date: date(data.asOf, lang) })}</Text>
          {/* The printable file as of the same date, in the language on screen; the server names it. */}
          <Button
            component="a"
            href={`/api/customers/${encodeURIComponent(c.code)}/file.pdf?asOf=${data.asOf}&lang=${lang}`}
            download
            variant="light"
            size="xs"
            data-testid="customer-file-pdf"
          >
            {t('dunningHistory.customerFilePdf')}
          </Button>
        </Group>
      </Group>
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        <Card withBorder>
          <Title order={3} size="h4" mb="sm">
            {t('identity')}
          </Title>
          <SimpleGrid cols={2}>
            <Field label={t('customerType')} value={customerType(c.customerType)} />
            <Field label={t('salesperson')} value={c.salesperson} />
            <Field label={t('paymentTerms')} value={label('paymentTerms', c.paymentTerms)} />
            <Field label={t('billingEmail')} value={c.billingEmail} />
            <Field label={t('address')} value={address} />
            <Field
              label={t('contacts')}
              value={c.contacts
                .map((x) => [x.name, x.email, x.phone].filter(Boolean).join(' · '))
                .join(t('common.listSeparator'))}
            />
          </SimpleGrid>
        </Card>
        <Card withBorder>
          <Title order={3} size="h4" mb="sm">
            {t('legalIds')}
          </Title>
          <Stack gap="xs">
            <Field label="SIREN" value={c.siren} />
            <Field label="SIRET" value={c.siret} />
            <Field label={t('credit.web.vatNumber')} value={c.vatNumber} />
          </Stack>
        </Card>
        <LimitUsageCard file={data} risk={risk} />
      </SimpleGrid>
      {canEditCustomers(me) && <CustomerEditForm file={data} onSaved={refresh} />}
      <PaymentBehaviourCard code={c.code} />
      <RiskPanel code={c.code} panel={risk} />
      <Card withBorder>
        <Title order={3} size="h4" mb="sm">
          {t('openItems')}
        </Title>
        <HorizontalScroll minWidth={1050}>
          <Table striped data-testid="open-items">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('document')}</Table.Th>
                <Table.Th scope="col">{t('issueDate')}</Table.Th>
                <Table.Th scope="col">{t('dueDate')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('amount')}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('open')}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('daysPastDue')}
                </Table.Th>
                <Table.Th scope="col">{t('dunningFollowUp.openItems.lastStep')}</Table.Th>
                <Table.Th scope="col">{t('forecast.page.predictedColumn')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.openItems.map((item) => (
                <Table.Tr key={item.documentId}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{item.externalRef}</Table.Td>
                  <Table.Td>{date(item.issueDate, lang)}</Table.Td>
                  <Table.Td>{date(item.dueDate, lang)}</Table.Td>
                  <Table.Td ta="right">{money(item.amountMinor, item.currency, lang)}</Table.Td>
                  <Table.Td ta="right">{money(item.openMinor, item.currency, lang)}</Table.Td>
                  <Table.Td
                    ta="right"
                    c={item.daysPastDue > 60 ? 'red.8' : item.daysPastDue > 0 ? 'orange.8' : undefined}
                  >
                    {item.openMinor > 0 ? item.daysPastDue : ''}
                  </Table.Td>
                  <Table.Td>
                    <DunningFollowUpCell item={item} />
                  </Table.Td>
                  <Table.Td>
                    <PredictedPayment prediction={predictions.get(item.externalRef)} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </HorizontalScroll>
      </Card>
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <Card withBorder>
          <Title order={3} size="h4" mb="sm">
            {t('timeline')}
          </Title>
          <NoteForm code={c.code} onAdded={refresh} />
          <CustomerTimeline events={data.events} audit={audit.data?.items ?? []} documentOf={documentOf} />
        </Card>
        <Card withBorder>
          <Title order={3} size="h4" mb="sm">
            {t('orders')}
          </Title>
          <Table>
            <Table.Tbody>
              {data.orders.slice(0, 15).map((order) => (
                <Table.Tr key={order.number}>
                  <Table.Td>{order.number}</Table.Td>
                  <Table.Td>{date(order.orderDate, lang)}</Table.Td>
                  <Table.Td ta="right">{money(order.amountMinor, data.currency, lang)}</Table.Td>
                  <Table.Td>
                    {label('orderStatus', order.status)}
                    {/* The credit check's decision beside the ERP's status: « En attente » may be held. */}
                    {order.creditStatus && (
                      <Badge
                        ml={6}
                        size="xs"
                        variant="light"
                        color={CREDIT_STATUS_COLOURS[order.creditStatus] ?? 'gray'}
                        data-testid="order-credit-status"
                      >
                        {label('orderDecisionStatus', order.creditStatus)}
                      </Badge>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
      </SimpleGrid>
    </Stack>
  );
}
