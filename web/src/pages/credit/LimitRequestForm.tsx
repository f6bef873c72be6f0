/**
 * Asking for a credit limit, from the order check (prefilled after a held order), the request inbox
 * or the customer's risk panel: the limit wanted, permanent or until a date, and why. Once sent it
 * says which role the delegation matrix sent it to.
 */
import {
  Alert,
  Button,
  Group,
  Modal,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import { api, problemText } from '../../api.ts';
import { DayDateInput } from '../../components/DayDateInput.tsx';
import { DecimalInput } from '../../components/DecimalInput.tsx';
import { money } from '../../format.ts';
import { useI18n } from '../../i18n.tsx';
import { CustomerPicker } from './CustomerPicker.tsx';
import { customerText, inputValueOf, type PickedCustomer, typedMinor } from './credit-requests.ts';

/** What the form opens with. */
export interface LimitRequestDraft {
  /** Fixed when given; otherwise the form lets the person choose. */
  customer?: PickedCustomer | undefined;
  orderRef?: string | undefined;
  requestedMinor?: number | undefined;
  /** A line under the amount explaining where the suggested figure comes from. */
  suggestion?: string | undefined;
}

/** The API's answer (LimitRequestSchema). */
export interface SentLimitRequest {
  requestId: number;
  customerCode: string;
  customerName: string;
  requestedMinor: number;
  currency: string;
  requiredRole: string;
}

export function LimitRequestModal(props: {
  /** null: closed. */
  draft: LimitRequestDraft | null;
  onClose(): void;
  onSent?(request: SentLimitRequest): void;
}) {
  const { t } = useI18n();
  return (
    <Modal
      opened={props.draft !== null}
      onClose={props.onClose}
      title={t('creditRequests.form.title')}
      size="lg"
    >
      {/* Mounted per opening: each opening starts from its own draft. */}
      {props.draft && <LimitRequestForm draft={props.draft} onClose={props.onClose} onSent={props.onSent} />}
    </Modal>
  );
}

type Kind = 'permanent' | 'temporary';

interface Problems {
  customer?: string;
  amount?: string;
  expiresOn?: string;
  justification?: string;
}

function LimitRequestForm(props: {
  draft: LimitRequestDraft;
  onClose(): void;
  onSent?: ((request: SentLimitRequest) => void) | undefined;
}) {
  const { t } = useI18n();
  const { draft } = props;
  const [customer, setCustomer] = useState<PickedCustomer | null>(draft.customer ?? null);
  const [amount, setAmount] = useState<number | string>(
    draft.requestedMinor !== undefined && draft.customer
      ? inputValueOf(draft.requestedMinor, draft.customer.currency)
      : '',
  );
  const [kind, setKind] = useState<Kind>('permanent');
  const [expiresOn, setExpiresOn] = useState('');
  const [justification, setJustification] = useState('');
  const [problems, setProblems] = useState<Problems>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const [sent, setSent] = useState<SentLimitRequest | null>(null);

  const send = async () => {
    const requestedMinor = customer ? typedMinor(amount, customer.currency) : null;
    const found: Problems = {
      ...(customer ? {} : { customer: t('creditRequests.form.customerRequired') }),
      ...(requestedMinor !== null && requestedMinor > 0
        ? {}
        : { amount: t('creditRequests.check.amountInvalid') }),
      ...(kind === 'temporary' && !expiresOn ? { expiresOn: t('creditRequests.form.expiryRequired') } : {}),
      ...(justification.trim() ? {} : { justification: t('creditRequests.form.justificationRequired') }),
    };
    setProblems(found);
    if (Object.keys(found).length > 0 || !customer || requestedMinor === null) return;
    setSending(true);
    setFailure(null);
    try {
      const request = await api<SentLimitRequest>('/api/credit/limit-requests', {
        method: 'POST',
        body: {
          customerCode: customer.code,
          requestedMinor,
          kind,
          ...(kind === 'temporary' ? { expiresOn } : {}),
          justification: justification.trim(),
          ...(draft.orderRef ? { orderRef: draft.orderRef } : {}),
        },
      });
      setSent(request);
      props.onSent?.(request);
    } catch (error) {
      setFailure(problemText(error));
    } finally {
      setSending(false);
    }
  };

  if (sent) return <SentNotice sent={sent} onClose={props.onClose} />;
  return (
    <Stack data-testid="limit-request-form">
      {failure && <Alert color="red">{failure}</Alert>}
      {draft.customer ? (
        <TextInput label={t('creditRequests.check.customer')} value={customerText(draft.customer)} readOnly />
      ) : (
        <CustomerPicker value={customer} onChange={setCustomer} error={problems.customer} />
      )}
      {draft.orderRef && (
        <TextInput label={t('creditRequests.form.orderRef')} value={draft.orderRef} readOnly />
      )}
      <DecimalInput
        label={t('creditRequests.form.amount')}
        description={draft.suggestion ?? t('creditRequests.form.amountHelp')}
        unit="money"
        currency={customer?.currency ?? 'EUR'}
        min={0}
        decimalScale={2}
        required
        value={amount}
        onChange={setAmount}
        error={problems.amount}
      />
      <KindChoice
        kind={kind}
        onKind={setKind}
        expiresOn={expiresOn}
        onExpiresOn={setExpiresOn}
        problem={problems.expiresOn}
      />
      <Textarea
        label={t('creditRequests.form.justification')}
        description={t('creditRequests.form.justificationHelp')}
        required
        autosize
        minRows={3}
        maxLength={2000}
        value={justification}
        onChange={(event) => setJustification(event.currentTarget.value)}
        error={problems.justification}
      />
      <Group justify="flex-end">
        <Button variant="default" onClick={props.onClose}>
          {t('creditRequests.form.cancel')}
        </Button>
        <Button onClick={() => void send()} loading={sending}>
          {t('creditRequests.form.submit')}
        </Button>
      </Group>
    </Stack>
  );
}

/** Where the request went: the role the delegation matrix names for its amount and the customer's class. */
function SentNotice({ sent, onClose }: { sent: SentLimitRequest; onClose(): void }) {
  const { t, lang, label } = useI18n();
  return (
    <Stack>
      <Alert color="green" data-testid="limit-request-sent">
        {t('creditRequests.form.sent', {
          requestId: sent.requestId,
          amount: money(sent.requestedMinor, sent.currency, lang),
          customer: `${sent.customerName} (${sent.customerCode})`,
          role: label('role', sent.requiredRole),
        })}
      </Alert>
      <Group justify="flex-end">
        <Button onClick={onClose}>{t('creditRequests.form.close')}</Button>
      </Group>
    </Stack>
  );
}

/** Permanent, or temporary until a day typed day first. */
function KindChoice(props: {
  kind: Kind;
  onKind(kind: Kind): void;
  expiresOn: string;
  onExpiresOn(iso: string): void;
  problem: string | undefined;
}) {
  const { t } = useI18n();
  return (
    <>
      <div>
        <Text size="sm" fw={500} mb={4} id="limit-kind-label">
          {t('creditRequests.form.kind')}
        </Text>
        <SegmentedControl
          aria-labelledby="limit-kind-label"
          value={props.kind}
          onChange={(value) => props.onKind(value as Kind)}
          data={[
            { value: 'permanent', label: t('creditRequests.form.permanent') },
            { value: 'temporary', label: t('creditRequests.form.temporary') },
          ]}
        />
      </div>
      {props.kind === 'temporary' && (
        <div>
          <DayDateInput
            label={t('creditRequests.form.expiresOn')}
            required
            value={props.expiresOn}
            onChange={props.onExpiresOn}
          />
          {/* DayDateInput says when the text is no date; a missing date is said here. */}
          {props.problem && (
            <Text c="red" size="xs" mt={4} role="alert">
              {props.problem}
            </Text>
          )}
        </div>
      )}
    </>
  );
}
