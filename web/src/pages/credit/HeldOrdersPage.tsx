/** The held-orders queue: each order with its reasons and the role that may release or refuse it. */
import { Text } from '@mantine/core';
import { api } from '../../api.ts';
import { useAuth } from '../../auth.tsx';
import { dateTime, money } from '../../format.ts';
import { useI18n } from '../../i18n.tsx';
import { canDecideCredit } from './credit-requests.ts';
import { DecisionQueue } from './DecisionQueue.tsx';

interface HeldOrder {
  orderRef: string;
  customerCode: string;
  customerName: string;
  amountMinor: number;
  currency: string;
  approverRole: string | null;
  checkedAt: string;
  reasons: { code: string; message: string }[];
  /** The API's answer: whether this reader's role may release or refuse it (delegation matrix). */
  mayDecide: boolean;
}

export function HeldOrdersPage() {
  const { t, lang, label } = useI18n();
  const { me } = useAuth();
  return (
    <DecisionQueue<HeldOrder>
      canDecide={canDecideCredit(me)}
      // The API refuses a role below the one the order needs (403): the buttons say so first.
      refusedReason={(order) =>
        order.mayDecide
          ? null
          : t('credit.web.decisionNeedsRole', { role: label('role', order.approverRole ?? 'director') })
      }
      path={`/api/credit/orders?status=held&lang=${lang}`}
      title={t('credit.web.heldOrders')}
      intro={t('credit.web.heldOrdersIntro')}
      empty={t('credit.web.noHeldOrders')}
      acceptLabel={t('credit.web.release')}
      keyOf={(order) => order.orderRef}
      decide={(order, accept, comment) =>
        api(`/api/credit/orders/${encodeURIComponent(order.orderRef)}/${accept ? 'release' : 'refuse'}`, {
          method: 'POST',
          body: { comment },
        })
      }
      columns={[
        { header: t('credit.web.order'), cell: (order) => order.orderRef },
        {
          header: t('credit.web.customer'),
          cell: (order) => (
            <>
              {order.customerName} ({order.customerCode})
            </>
          ),
        },
        {
          header: t('credit.web.amount'),
          alignRight: true,
          cell: (order) => money(order.amountMinor, order.currency, lang),
        },
        {
          header: t('credit.web.reasons'),
          cell: (order) =>
            order.reasons.map((r) => (
              <Text size="sm" key={r.code}>
                {r.message}
              </Text>
            )),
        },
        { header: t('credit.web.approver'), cell: (order) => label('role', order.approverRole) },
        { header: t('credit.web.checkedAt'), cell: (order) => dateTime(order.checkedAt, lang) },
      ]}
    />
  );
}
