/**
 * The company's financing rate, the price of money collected late that every cost of money over
 * time uses (the dashboard's forecast card, the indicators, the procedure reports, the outsourcing
 * simulator): read by everyone who reads the forecast, set by
 * the administrator and the credit manager (as PUT /api/company/financing-rate allows), audited.
 * Until it is set the default applies, and the card says so.
 */
import { Alert, Button, Card, Group, Text, Title } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import type { FinancingRateResponse } from '../../../../src/http/schemas/forecast-cost.ts';
import { api, problemText } from '../../api.ts';
import { useAuth } from '../../auth.tsx';
import { useActorName } from '../../components/ActorName.tsx';
import { DecimalInput } from '../../components/DecimalInput.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { dateTime, percentBps } from '../../format.ts';
import { useI18n } from '../../i18n.tsx';
import { useApi } from '../../use-api.ts';

/** The roles PUT /api/company/financing-rate accepts (CREDIT_DEPARTMENT, and the use case's check). */
const RATE_SETTERS: readonly string[] = ['admin', 'credit_manager'];
export const FINANCING_RATE_ANCHOR = 'financing-rate';

/** « 4,5 » (percent, as typed) → 450 bp; null when it is no rate from 0 to 100 %. */
export function typedRateBps(value: number | string): number | null {
  if (value === '') return null;
  const bps = Math.round(Number(value) * 100);
  return Number.isFinite(bps) && bps >= 0 && bps <= 10_000 ? bps : null;
}

export function FinancingRateCard() {
  const { t, lang } = useI18n();
  const { me } = useAuth();
  const canSet = me !== null && RATE_SETTERS.includes(me.user.role);
  const rate = useApi<FinancingRateResponse>('/api/company/financing-rate');
  const nameOf = useActorName();
  const [typed, setTyped] = useState<number | string>('');
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const data = rate.data;
  // The dashboard's « Fixer le taux » lands here.
  const card = useRef<HTMLDivElement>(null);
  const loaded = data !== null;
  useEffect(() => {
    if (loaded && window.location.hash === `#${FINANCING_RATE_ANCHOR}`) card.current?.scrollIntoView();
  }, [loaded]);
  const save = async () => {
    const rateBps = typedRateBps(typed);
    if (rateBps === null) return setOutcome({ ok: false, text: t('forecastCost.web.rateInvalid') });
    try {
      const saved = await api<FinancingRateResponse>('/api/company/financing-rate', {
        method: 'PUT',
        body: { rateBps },
      });
      setOutcome({
        ok: true,
        text: t('forecastCost.web.rateSaved', { rate: percentBps(saved.rateBps, lang) }),
      });
      setTyped('');
      rate.reload();
    } catch (failure) {
      setOutcome({ ok: false, text: problemText(failure) });
    }
  };
  return (
    <Card withBorder ref={card} id={FINANCING_RATE_ANCHOR} data-testid="financing-rate">
      <Title order={3} size="h4" mb="xs">
        {t('forecastCost.web.rateTitle')}
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        {t('forecastCost.web.rateIntroEverywhere')}
      </Text>
      <LoadState loading={rate.loading && !data} error={rate.error} />
      {data && (
        <Text size="sm" fw={500} data-testid="financing-rate-current">
          {t('forecastCost.web.rateCurrent', {
            rate: percentBps(data.rateBps, lang),
            source: data.source,
            by: data.updatedBy ? nameOf(data.updatedBy) : '',
            on: data.updatedAt ? dateTime(data.updatedAt, lang) : '',
          })}
        </Text>
      )}
      {canSet && data && (
        <Group align="flex-end" mt="sm">
          <DecimalInput
            label={t('forecastCost.web.rateLabel')}
            unit="percent"
            decimalScale={2}
            min={0}
            max={100}
            allowNegative={false}
            value={typed}
            onChange={setTyped}
            placeholder={percentBps(data.rateBps, lang)}
            // Wide enough for « Nouveau taux annuel » on one line; nowrap keeps it there at any zoom.
            w={180}
            styles={{ label: { whiteSpace: 'nowrap' } }}
          />
          <Button onClick={save} disabled={typed === ''}>
            {t('forecastCost.web.rateSave')}
          </Button>
        </Group>
      )}
      {outcome && (
        <Alert mt="sm" color={outcome.ok ? 'green' : 'red'} role={outcome.ok ? 'status' : 'alert'}>
          {outcome.text}
        </Alert>
      )}
    </Card>
  );
}
