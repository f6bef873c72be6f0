/**
 * What a page shows when it cannot render. Pages are loaded on demand: after Encours is updated,
 * a tab opened before asks for files the new version no longer has, and React would leave the
 * page blank without a word. The boundary says so and offers to reload; any other error gets a
 * plain message rather than a blank page. Keyed by the location by its parent, so that moving to
 * another page tries again.
 */
import { Alert, Button, Stack, Text } from '@mantine/core';
import { Component, type ReactNode } from 'react';
import { useI18n } from '../i18n.tsx';

/** Browsers word a module that could not be fetched differently; all are a stale page. */
export function isStaleChunkError(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return /dynamically imported module|Importing a module script failed|error loading dynamically imported module|Unable to preload CSS/i.test(
    message,
  );
}

function PageFailed({ stale }: { stale: boolean }) {
  const { t } = useI18n();
  return (
    <Alert color={stale ? 'blue' : 'red'} data-testid="page-failed">
      <Stack gap="sm" align="flex-start">
        <Text size="sm">{t(stale ? 'common.pageUpdated' : 'common.pageFailed')}</Text>
        <Button size="xs" onClick={() => window.location.reload()}>
          {t('common.reload')}
        </Button>
      </Stack>
    </Alert>
  );
}

export class PageErrorBoundary extends Component<{ children: ReactNode }, { error: unknown }> {
  override state: { error: unknown } = { error: null };

  static getDerivedStateFromError(error: unknown) {
    return { error };
  }

  override componentDidCatch(error: unknown) {
    console.error('page failed', error);
  }

  override render() {
    if (this.state.error !== null) return <PageFailed stale={isStaleChunkError(this.state.error)} />;
    return this.props.children;
  }
}
