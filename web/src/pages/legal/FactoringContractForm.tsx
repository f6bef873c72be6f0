/**
 * A factoring contract, or a new version of one: rates are typed in percent and fees in euros on
 * screen, sent in basis points and minor units (the API's units).
 */
import { Button, Checkbox, Group, NumberInput, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import type { ContractResponse } from '../../../../src/http/schemas/factoring.ts';
import { api } from '../../api.ts';
import { DecimalInput } from '../../components/DecimalInput.tsx';
import { useI18n } from '../../i18n.tsx';

const TEXTS = [
  ['code', 'factoring.web.code'],
  ['factorName', 'factoring.web.factor'],
  ['factorIban', 'factoring.web.iban'],
  ['factorBic', 'factoring.web.bic'],
] as const;
const PERCENTS = [
  ['advanceRateBps', 'factoring.web.advanceRate', 10_000],
  ['reserveRateBps', 'factoring.web.reserveRate', 1_000],
  ['commissionBps', 'factoring.web.commission', 60],
  ['financingRateBps', 'factoring.web.financingRate', 450],
  ['feesVatRateBps', 'factoring.web.feesVat', 2_000],
] as const;
const AMOUNTS = [
  ['minCommissionMinor', 'factoring.web.minCommission'],
  ['feePerInvoiceMinor', 'factoring.web.feePerInvoice'],
  ['feePerBatchMinor', 'factoring.web.feePerBatch'],
] as const;
const DAYS = [
  ['recourseDays', 'factoring.web.recourseDays', 60],
  ['collectionDelayDays', 'factoring.web.collectionDelay', 10],
] as const;

type Figures = Record<string, number>;

const initialFigures = (): Figures => ({
  ...Object.fromEntries(PERCENTS.map(([name, , bps]) => [name, bps])),
  ...Object.fromEntries(AMOUNTS.map(([name]) => [name, 0])),
  ...Object.fromEntries(DAYS.map(([name, , days]) => [name, days])),
  dayCountBasis: 360,
});

export function FactoringContractForm({
  onSaved,
  onError,
}: {
  onSaved(contract: ContractResponse): void;
  onError(error: unknown): void;
}) {
  const { t } = useI18n();
  const [text, setText] = useState({ code: '', factorName: '', factorIban: '', factorBic: '' });
  const [figures, setFigures] = useState<Figures>(initialFigures);
  const [flags, setFlags] = useState({ withRecourse: true, factorCollects: false });
  const set = (name: string, value: number) => setFigures({ ...figures, [name]: value });
  const save = async () => {
    try {
      const saved = await api<ContractResponse>('/api/factoring/contracts', {
        method: 'POST',
        body: {
          ...text,
          factorIban: text.factorIban.trim() || null,
          factorBic: text.factorBic.trim() || null,
          ...figures,
          recourseDays: flags.withRecourse ? figures['recourseDays'] : 0,
          ...flags,
        },
      });
      onSaved(saved);
    } catch (error) {
      onError(error);
    }
  };
  return (
    <Stack gap="xs" data-testid="factoring-contract-form">
      <Title order={4}>{t('factoring.web.newContract')}</Title>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
        {TEXTS.map(([name, key]) => (
          <TextInput
            key={name}
            label={t(key)}
            value={text[name]}
            onChange={(e) => setText({ ...text, [name]: e.currentTarget.value })}
          />
        ))}
        {PERCENTS.map(([name, key]) => (
          <DecimalInput
            key={name}
            label={t(key)}
            decimalScale={2}
            unit="percent"
            value={(figures[name] ?? 0) / 100}
            onChange={(value) => set(name, Math.round(Number(value) * 100))}
          />
        ))}
        {AMOUNTS.map(([name, key]) => (
          <DecimalInput
            key={name}
            label={t(key)}
            decimalScale={2}
            unit="money"
            value={(figures[name] ?? 0) / 100}
            onChange={(value) => set(name, Math.round(Number(value) * 100))}
          />
        ))}
        {DAYS.map(([name, key]) => (
          <NumberInput
            key={name}
            label={t(key)}
            allowDecimal={false}
            min={0}
            value={figures[name] ?? 0}
            onChange={(value) => set(name, Number(value))}
          />
        ))}
        <NumberInput
          label={t('factoring.web.dayCount')}
          allowDecimal={false}
          value={figures['dayCountBasis']}
          onChange={(value) => set('dayCountBasis', Number(value) === 365 ? 365 : 360)}
        />
      </SimpleGrid>
      <Group>
        <Checkbox
          label={t('factoring.web.withRecourse')}
          checked={flags.withRecourse}
          onChange={(e) => setFlags({ ...flags, withRecourse: e.currentTarget.checked })}
        />
        <Checkbox
          label={t('factoring.web.factorCollects')}
          checked={flags.factorCollects}
          onChange={(e) => setFlags({ ...flags, factorCollects: e.currentTarget.checked })}
        />
        <Button onClick={save}>{t('factoring.web.save')}</Button>
      </Group>
    </Stack>
  );
}
