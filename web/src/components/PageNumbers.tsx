/** The page numbers under a list the API serves `pageSize` rows at a time; nothing when one page holds it. */
import { Pagination } from '@mantine/core';
import { useI18n } from '../i18n.tsx';

export function PageNumbers({
  total,
  pageSize,
  page,
  onChange,
}: {
  total: number;
  pageSize: number;
  page: number;
  onChange: (page: number) => void;
}) {
  const { t } = useI18n();
  if (total <= pageSize) return null;
  return (
    <Pagination total={Math.ceil(total / pageSize)} value={page} onChange={onChange} aria-label={t('page')} />
  );
}
