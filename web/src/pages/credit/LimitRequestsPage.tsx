/**
 * The limit-request inbox: requests waiting for a decision, with the role the delegation matrix
 * names (the decisions disabled for a reader below it), and a new request from here (the list
 * reloads once it is sent).
 */
import { Button } from '@mantine/core';
import { useState } from 'react';
import { api } from '../../api.ts';
import { useAuth } from '../../auth.tsx';
import { ActorName, useActorName } from '../../components/ActorName.tsx';
import { dateTime, money } from '../../format.ts';
import { useI18n } from '../../i18n.tsx';
import { canDecideCredit, canRequestLimit } from './credit-requests.ts';
import { DecisionQueue } from './DecisionQueue.tsx';
import { type LimitRequestDraft, LimitRequestModal } from './LimitRequestForm.tsx';

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
  /** The API's answer: whether this reader's role may approve or refuse it (delegation matrix). */
  mayDecide: boolean;
}

export function LimitRequestsPage() {
  const { t, lang, label } = useI18n();
  const { me } = useAuth();
  const nameOf = useActorName();
  const [draft, setDraft] = useState<LimitRequestDraft | null>(null);
  // A new key loads the queue again, with the request just sent.
  const [sentCount, setSentCount] = useState(0);
  return (
    <>
      <DecisionQueue<LimitRequest>
        canDecide={canDecideCredit(me)}
        // The API refuses a role below the one the request needs (403): the buttons say so first.
        refusedReason={(request) =>
          request.mayDecide
            ? null
            : t('credit.web.decisionNeedsRole', { role: label('role', request.requiredRole) })
        }
        key={sentCount}
        path="/api/credit/limit-requests?status=pending"
        title={t('credit.web.limitRequests')}
        actions={
          canRequestLimit(me) && (
            <Button onClick={() => setDraft({})}>{t('creditRequests.form.newRequest')}</Button>
          )
        }
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
          {
            header: t('credit.web.requestedBy'),
            cell: (request) => <ActorName actor={request.requestedBy} nameOf={nameOf} />,
          },
          { header: t('credit.web.approver'), cell: (request) => label('role', request.requiredRole) },
          { header: t('credit.web.dueAt'), cell: (request) => dateTime(request.dueAt, lang) },
        ]}
      />
      <LimitRequestModal
        draft={draft}
        onClose={() => setDraft(null)}
        onSent={() => setSentCount((count) => count + 1)}
      />
    </>
  );
}
