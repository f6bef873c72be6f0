/** What a page shows while its data loads or when the API refused it (403 gets a plain explanation). */
import { Alert, Loader } from '@mantine/core';
import type { ApiError } from '../api.ts';
import { useI18n } from '../i18n.tsx';

/** The API refused the page to the reader's role: the page then shows the refusal and nothing to act on. */
export function refusedToRole(error: ApiError | null): boolean {
  return error?.status === 403;
}

export function LoadState({ loading, error }: { loading: boolean; error: ApiError | null }) {
  const { t } = useI18n();
  if (refusedToRole(error))
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
