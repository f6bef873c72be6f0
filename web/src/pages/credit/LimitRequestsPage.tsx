/** The limit-request inbox: requests waiting for a decision, with the role the delegation matrix names. */
import { api } from '../../api.ts';
import { dateTime, money } from '../../format.ts';
import { useI18n } from '../../i18n.tsx';
import { DecisionQueue } from './DecisionQueue.tsx';

interface LimitRequest {
  requestId: number;
  customerCode: string;
  customerName: string;
  requestedMinor: number;
  currency: string;
  requiredRole: string;
  justification: string;
  requestedBy: string;
  dueAt: string;
}

export function LimitRequestsPage() {
  const { t, lang, label } = useI18n();
  return (
    <DecisionQueue<LimitRequest>
      path="/api/credit/limit-requests?status=pending"
      title={t('credit.web.limitRequests')}
      intro={t('credit.web.limitRequestsIntro')}
      empty={t('credit.web.noRequests')}
      acceptLabel={t('credit.web.approve')}
      keyOf={(request) => request.requestId}
      decide={(request, approve, comment) =>
        api(`/api/credit/limit-requests/${request.requestId}/decision`, {
          method: 'POST',
          body: { approve, comment },
        })
      }
      columns={[
        {
          header: t('credit.web.customer'),
          cell: (request) => (
            <>
              {request.customerName} ({request.customerCode})
            </>
          ),
        },
        {
          header: t('credit.web.requested'),
          alignRight: true,
          cell: (request) => money(request.requestedMinor, request.currency, lang),
        },
        { header: t('credit.web.justification'), cell: (request) => request.justification },
        { header: t('credit.web.requestedBy'), cell: (request) => request.requestedBy },
        { header: t('credit.web.approver'), cell: (request) => label('role', request.requiredRole) },
        { header: t('credit.web.dueAt'), cell: (request) => dateTime(request.dueAt, lang) },
      ]}
    />
  );
}
