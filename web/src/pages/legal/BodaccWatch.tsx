/**
 * The BODACC watch on the collective-procedures page: whether the daily watch is scheduled (the
 * job `legal.watch_bodacc` of the schedules), when it runs next and ran last; when it is not, the
 * page says its procedures come from the customers' status and story only, and the credit
 * department may schedule it (the same use case as `encours watch schedule`).
 */
import { Button, Group, Text } from '@mantine/core';
import { useState } from 'react';
import { cronWords } from '../../../../src/text/cron-words.ts';
import { api, problemText } from '../../api.ts';
import { dateTime } from '../../format.ts';
import { useI18n } from '../../i18n.tsx';
import { useApi } from '../../use-api.ts';

interface Schedule {
  kind: string;
  cron: string;
  enabled: boolean;
  lastFiredAt: string | null;
  nextFireAt: string | null;
}

export function BodaccWatch({ mayDeclare }: { mayDeclare: boolean }) {
  const { t, lang } = useI18n();
  const schedules = useApi<Schedule[]>('/api/jobs/schedules');
  const [error, setError] = useState<string | null>(null);
  if (!schedules.data) return null;
  const watch = schedules.data.find((s) => s.kind === 'legal.watch_bodacc' && s.enabled);
  const schedule = async () => {
    setError(null);
    try {
      await api('/api/watch/bodacc/schedule', { method: 'POST', body: {} });
      schedules.reload();
    } catch (failure) {
      setError(problemText(failure));
    }
  };
  if (watch)
    return (
      <Text size="sm" data-testid="bodacc-watch">
        {t('legal.watch.scheduled', {
          when: cronWords(lang, watch.cron),
          next: watch.nextFireAt ? dateTime(watch.nextFireAt, lang) : 'none',
          last: watch.lastFiredAt ? dateTime(watch.lastFiredAt, lang) : 'none',
        })}
      </Text>
    );
  return (
    <Group gap="sm" data-testid="bodacc-watch">
      <Text size="sm" c="dimmed" maw={760}>
        {t('legal.watch.off')}
      </Text>
      <Button
        size="xs"
        variant="light"
        disabled={!mayDeclare}
        title={mayDeclare ? undefined : t('legal.proceedings.creditOnly')}
        onClick={schedule}
      >
        {t('legal.watch.schedule')}
      </Button>
      {error && (
        <Text size="xs" c="red">
          {error}
        </Text>
      )}
    </Group>
  );
}
