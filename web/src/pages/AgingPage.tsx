/** The aged balance at any date: grouping, basis, buckets, drill-down to the documents, exports. */
import { Stack } from '@mantine/core';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { LoadState, refusedToRole } from '../components/LoadState.tsx';
import { ReportHeader } from '../components/ReportHeader.tsx';
import { useI18n } from '../i18n.tsx';
import { type AgingGroup, type AgingReport, reportPath } from '../reports.ts';
import { useApi } from '../use-api.ts';
import { AgingControls, type AgingSettings } from './aging/AgingControls.tsx';
import { AgingDrill } from './aging/AgingDrill.tsx';
import { AgingTable, type DrillTarget } from './aging/AgingTable.tsx';

function useSettings(): [AgingSettings, (next: Partial<AgingSettings>) => void] {
  const [params, setParams] = useSearchParams();
  const settings: AgingSettings = {
    by: params.get('by') ?? 'customer_type',
    basis: params.get('basis') ?? 'due',
    asOf: params.get('asOf') ?? '',
    buckets: params.get('buckets') ?? '',
  };
  const update = (next: Partial<AgingSettings>) => {
    const merged = { ...settings, ...next };
    setParams(Object.fromEntries(Object.entries(merged).filter(([, value]) => value !== '')), {
      replace: true,
    });
  };
  return [settings, update];
}

export function AgingPage() {
  const { t, lang, customerType } = useI18n();
  const [settings, update] = useSettings();
  const [drill, setDrill] = useState<DrillTarget | null>(null);
  const params = {
    by: settings.by,
    basis: settings.basis,
    asOf: settings.asOf || undefined,
    buckets: settings.buckets || undefined,
  };
  const path = reportPath('aging', lang, params);
  const report = useApi<AgingReport>(path);
  const data = report.data;
  const refused = refusedToRole(report.error);
  const groupLabel = (group: AgingGroup) => {
    if (data?.groupBy === 'customer_type') return customerType(group.key);
    if (data?.groupBy === 'customer' || data?.groupBy === 'group') return `${group.name} (${group.key})`;
    return group.name;
  };
  const bucketLabel = (key: string) =>
    key === 'credits' ? t('credits') : (data?.buckets.find((b) => b.key === key)?.label ?? key);
  const drillTitle = drill
    ? drill.bucketKey
      ? t('drillBucket', { group: groupLabel(drill.group), bucket: bucketLabel(drill.bucketKey) })
      : t('drillTitle', { group: groupLabel(drill.group) })
    : '';
  const drillPath = drill
    ? reportPath('aging', lang, { ...params, drill: drill.group.key, bucket: drill.bucketKey })
    : null;
  return (
    <Stack>
      <ReportHeader title="aging" intro="agingIntro" asOf={data?.asOf} exportPath={refused ? null : path} />
      {!refused && (
        <AgingControls
          key={`${settings.asOf || data?.asOf}|${settings.buckets}`}
          settings={{ ...settings, asOf: settings.asOf || (data?.asOf ?? '') }}
          onChange={update}
        />
      )}
      {!data && <LoadState loading={report.loading} error={report.error} />}
      {data && report.error && <LoadState loading={false} error={report.error} />}
      {data && <AgingTable report={data} groupLabel={groupLabel} onDrill={setDrill} />}
      <AgingDrill
        path={drillPath}
        title={drillTitle}
        bucketLabel={bucketLabel}
        onClose={() => setDrill(null)}
      />
    </Stack>
  );
}
