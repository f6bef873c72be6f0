/** Links that download a report file (CSV, XLSX, PDF): same URL as the JSON with `format=`, sent with the session cookie. */
import { Button, Group } from '@mantine/core';
import { useI18n } from '../i18n.tsx';

const FORMATS = ['csv', 'xlsx', 'pdf'] as const;

export function ExportButtons({ path }: { path: string }) {
  const { t } = useI18n();
  const separator = path.includes('?') ? '&' : '?';
  return (
    <Group gap="xs" role="group" aria-label={t('export')}>
      {FORMATS.map((format) => (
        <Button
          key={format}
          component="a"
          href={`${path}${separator}format=${format}`}
          download
          variant="default"
          size="xs"
          aria-label={t('exportAs', { format: format.toUpperCase() })}
          data-testid={`export-${format}`}
        >
          {format.toUpperCase()}
        </Button>
      ))}
    </Group>
  );
}
