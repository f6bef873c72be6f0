/** What a page shows while its data loads or when the API refused it (403 gets a plain explanation). */
import { Alert, Loader } from '@mantine/core';
import type { ApiError } from '../api.ts';
import { useI18n } from '../i18n.tsx';

export function LoadState({ loading, error }: { loading: boolean; error: ApiError | null }) {
  const { t } = useI18n();
  if (error?.status === 403)
    return (
      <Alert color="yellow" data-testid="forbidden">
        {t('forbidden')}
      </Alert>
    );
  if (error)
    return (
      <Alert color="red" data-testid="load-error">
        {t('errorWithDetail', { detail: error.message })}
      </Alert>
    );
  if (loading) return <Loader aria-label={t('loading')} />;
  return null;
}
