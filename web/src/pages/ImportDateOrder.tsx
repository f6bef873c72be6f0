/**
 * The order of the numbers of dates such as 03/04/2026. Automatic by default: the server reads each
 * column's order from its values and says how in the summary's notices; a person who knows the
 * file's order imposes it here (the notices tell them when they should).
 */
import { Group, Radio } from '@mantine/core';
import { useI18n } from '../i18n.tsx';
import { DATE_ORDER_CHOICES, type DateOrderChoice } from '../upload.ts';

const LABEL_KEYS = {
  auto: 'dateOrderAuto',
  dmy: 'dateOrderDmy',
  mdy: 'dateOrderMdy',
  ymd: 'dateOrderYmd',
} as const satisfies Record<DateOrderChoice, string>;

export function ImportDateOrder(props: {
  value: DateOrderChoice;
  disabled: boolean;
  onChange(value: DateOrderChoice): void;
}) {
  const { t } = useI18n();
  return (
    <Radio.Group
      label={t('dateOrder')}
      description={t('dateOrderHint')}
      value={props.value}
      onChange={(value) => props.onChange(value as DateOrderChoice)}
      data-testid="import-date-order"
    >
      <Group mt="xs">
        {DATE_ORDER_CHOICES.map((choice) => (
          <Radio key={choice} value={choice} label={t(LABEL_KEYS[choice])} disabled={props.disabled} />
        ))}
      </Group>
    </Radio.Group>
  );
}
