/**
 * An open invoice's place in the dunning, in the customer file: the last step it reached, in words
 * (« Relance 2 », « Mise en demeure »: the step kind's label, numbered like its step), when and how
 * it was sent (an imported reminder that had reached the formal notice says the level stops below
 * it; an imported formal notice by registered letter says it is known from the history), and a
 * badge once it went to a lawyer or an agency. The words are dunning-step-words.ts's.
 */
import { Badge, Stack, Text } from '@mantine/core';
import type { OpenItem } from '../../api.ts';
import { useI18n } from '../../i18n.tsx';
import { stepDetail, stepName } from './dunning-step-words.ts';

export function DunningFollowUpCell({
  item,
}: {
  item: Pick<OpenItem, 'lastDunningStep' | 'handedOver' | 'dueDate'>;
}) {
  const { t, lang } = useI18n();
  const step = item.lastDunningStep;
  if (!step && !item.handedOver) return null;
  return (
    <Stack gap={2} align="flex-start">
      {step && (
        <>
          <Text size="sm">{stepName(lang, step, item.dueDate)}</Text>
          <Text size="xs" c="dimmed">
            {stepDetail(lang, step)}
          </Text>
        </>
      )}
      {item.handedOver && (
        <Badge color="red" variant="light" size="sm" data-testid="handed-over">
          {t('dunningFollowUp.openItems.handedOver')}
        </Badge>
      )}
    </Stack>
  );
}
