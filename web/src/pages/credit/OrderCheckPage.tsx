/**
 * « Contrôle de commande »: a salesperson (or anyone but the auditor) checks an order before
 * accepting it. The API decides; the page shows its decision with the reasons as the API words
 * them, and the customer's limit and exposure once the order counts, as the API computes them (an
 * order may weigh more than its amount). A held or refused order leads to a limit request
 * prefilled with the customer, the order and a limit the order fits in. A check with an order
 * reference is recorded: it carries an Idempotency-Key, the same when that check is sent again
 * after a failure, so a double click or a retry records one decision.
 */
import { Alert, Badge, Button, Card, Group, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useRef, useState } from 'react';
import { api, newIdempotencyKey, problemText } from '../../api.ts';
import { useAuth } from '../../auth.tsx';
import { DecimalInput } from '../../components/DecimalInput.tsx';
import { money } from '../../format.ts';
import { useI18n } from '../../i18n.tsx';
import { CustomerPicker } from './CustomerPicker.tsx';
import {
  canRequestLimit,
  customerText,
  type PickedCustomer,
  suggestedLimitMinor,
  typedMinor,
} from './credit-requests.ts';
import { type LimitRequestDraft, LimitRequestModal } from './LimitRequestForm.tsx';

/** The answer of POST /api/orders/check (OrderCheckSchema), the fields shown here. */
interface OrderCheck {
  decision: 'approve' | 'hold' | 'refuse';
  reasons: { code: string; message: string }[];
  waived: { code: string; message: string }[];
  approverRole: string | null;
  exposureMinor: number;
  exposureAfterOrderMinor: number;
  limitMinor: number | null;
  availableAfterOrderMinor: number | null;
  class: string | null;
  currency: string;
  orderRef: string | null;
  created: boolean;
}

/** A decision with what was asked: the customer and the amount it was checked for. */
interface Checked {
  customer: PickedCustomer;
  amountMinor: number;
  answer: OrderCheck;
}

const DECISION_COLOURS = { approve: 'green', hold: 'orange', refuse: 'red' } as const;

export function OrderCheckPage() {
  const { t } = useI18n();
  const [customer, setCustomer] = useState<PickedCustomer | null>(null);
  const [amount, setAmount] = useState<number | string>('');
  const [orderRef, setOrderRef] = useState('');
  const [problems, setProblems] = useState<{ customer?: string; amount?: string }>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);
  const [checked, setChecked] = useState<Checked | null>(null);
  // Refs, not state: a second click in the same tick must see the first one's request and key.
  const sending = useRef(false);
  const unanswered = useRef<{ body: string; key: string } | null>(null);

  const check = async () => {
    if (sending.current) return;
    const amountMinor = customer ? typedMinor(amount, customer.currency) : null;
    const found = {
      ...(customer ? {} : { customer: t('creditRequests.form.customerRequired') }),
      ...(amountMinor !== null && amountMinor > 0 ? {} : { amount: t('creditRequests.check.amountInvalid') }),
    };
    setProblems(found);
    if (!customer || amountMinor === null || amountMinor <= 0) return;
    const reference = orderRef.trim();
    const body = { customerCode: customer.code, amountMinor, ...(reference ? { orderRef: reference } : {}) };
    // The same check sent again after a failure keeps its key: if the API recorded it before the
    // answer was lost, it replays that decision instead of judging the order twice.
    const sent = JSON.stringify(body);
    if (unanswered.current?.body !== sent) unanswered.current = { body: sent, key: newIdempotencyKey() };
    const headers = reference ? { 'idempotency-key': unanswered.current.key } : undefined;
    sending.current = true;
    setChecking(true);
    setFailure(null);
    setChecked(null);
    try {
      const answer = await api<OrderCheck>('/api/orders/check', { method: 'POST', body, headers });
      unanswered.current = null;
      setChecked({ customer, amountMinor, answer });
    } catch (error) {
      setFailure(problemText(error));
    } finally {
      sending.current = false;
      setChecking(false);
    }
  };

  return (
    <Stack maw={900} data-testid="order-check">
      <Title order={2}>{t('creditRequests.check.title')}</Title>
      <Text c="dimmed">{t('creditRequests.check.intro')}</Text>
      <Card withBorder>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void check();
          }}
        >
          <Stack>
            <CustomerPicker value={customer} onChange={setCustomer} error={problems.customer} />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <DecimalInput
                label={t('creditRequests.check.amount')}
                unit="money"
                currency={customer?.currency ?? 'EUR'}
                min={0}
                decimalScale={2}
                required
                value={amount}
                onChange={setAmount}
                error={problems.amount}
              />
              <TextInput
                label={t('creditRequests.check.orderRef')}
                description={t('creditRequests.check.orderRefHelp')}
                maxLength={100}
                value={orderRef}
                onChange={(event) => setOrderRef(event.currentTarget.value)}
              />
            </SimpleGrid>
            <Group>
              <Button type="submit" loading={checking}>
                {t('creditRequests.check.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Card>
      {failure && <Alert color="red">{failure}</Alert>}
      {checked && <CheckResult checked={checked} />}
    </Stack>
  );
}

function CheckResult({ checked }: { checked: Checked }) {
  const { t, lang, label } = useI18n();
  const { me } = useAuth();
  const [draft, setDraft] = useState<LimitRequestDraft | null>(null);
  const { answer, customer, amountMinor } = checked;
  const currency = answer.currency;
  // The API's figures: under a promotion's longer terms an order weighs more than its amount.
  const exposureAfterMinor = answer.exposureAfterOrderMinor;
  const availableAfterMinor = answer.availableAfterOrderMinor;
  const figures: [string, string, boolean][] = [
    [
      t('creditRequests.check.limit'),
      answer.limitMinor === null
        ? t('creditRequests.check.noLimit')
        : money(answer.limitMinor, currency, lang),
      false,
    ],
    [t('creditRequests.check.exposureBefore'), money(answer.exposureMinor, currency, lang), false],
    [t('creditRequests.check.exposureAfter'), money(exposureAfterMinor, currency, lang), false],
    [
      t('creditRequests.check.availableAfter'),
      availableAfterMinor === null ? '—' : money(availableAfterMinor, currency, lang),
      (availableAfterMinor ?? 0) < 0,
    ],
  ];
  const openRequest = () => {
    const suggested = suggestedLimitMinor(exposureAfterMinor, answer.limitMinor, currency);
    setDraft({
      customer: { ...customer, currency },
      orderRef: answer.orderRef ?? undefined,
      requestedMinor: suggested ?? undefined,
      suggestion:
        suggested === null
          ? undefined
          : t('creditRequests.form.suggested', { exposure: money(exposureAfterMinor, currency, lang) }),
    });
  };
  return (
    <Card withBorder data-testid="order-check-result">
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <Badge size="xl" color={DECISION_COLOURS[answer.decision]} data-testid="order-check-decision">
            {t('creditRequests.check.decision', { decision: answer.decision })}
          </Badge>
          <Text size="sm" c="dimmed">
            {t('creditRequests.check.forCustomer', {
              customer: customerText(customer),
              amount: money(amountMinor, currency, lang),
            })}
          </Text>
        </Group>
        <Text size="sm">
          {answer.orderRef === null
            ? t('creditRequests.check.question')
            : t(answer.created ? 'creditRequests.check.recorded' : 'creditRequests.check.replayed', {
                orderRef: answer.orderRef,
              })}
        </Text>
        <ReasonList title={t('creditRequests.check.reasons')} reasons={answer.reasons} />
        {answer.reasons.length === 0 && <Text size="sm">{t('creditRequests.check.noReason')}</Text>}
        {answer.waived.length > 0 && (
          <ReasonList title={t('creditRequests.check.waived')} reasons={answer.waived} />
        )}
        {answer.approverRole && (
          <Text size="sm" fw={500}>
            {t('creditRequests.check.approver', { role: label('role', answer.approverRole) })}
          </Text>
        )}
        <SimpleGrid cols={{ base: 2, md: 4 }} data-testid="order-check-figures">
          {figures.map(([name, value, negative]) => (
            <div key={name}>
              <Text size="xs" c="dimmed">
                {name}
              </Text>
              <Text fw={700} c={negative ? 'red' : undefined}>
                {value}
              </Text>
            </div>
          ))}
        </SimpleGrid>
        <Text size="sm">
          {t('creditRequests.check.riskClass', {
            riskClass: answer.class ?? t('creditRequests.check.notScored'),
          })}
        </Text>
        {answer.decision !== 'approve' && canRequestLimit(me) && (
          <Group>
            <Button variant="light" onClick={openRequest}>
              {t('creditRequests.requestIncrease')}
            </Button>
          </Group>
        )}
      </Stack>
      <LimitRequestModal draft={draft} onClose={() => setDraft(null)} />
    </Card>
  );
}

function ReasonList({ title, reasons }: { title: string; reasons: { code: string; message: string }[] }) {
  if (reasons.length === 0) return null;
  return (
    <div>
      <Text size="sm" fw={600}>
        {title}
      </Text>
      <ul style={{ margin: 0, paddingInlineStart: '1.25rem' }}>
        {reasons.map((reason) => (
          <li key={reason.code}>
            <Text size="sm">{reason.message}</Text>
          </li>
        ))}
      </ul>
    </div>
  );
}
