/** The anomalies report: findings grouped by severity, with their evidence and the customers concerned. */
import { Stack, Text, Title } from '@mantine/core';
import { LoadState, refusedToRole } from '../components/LoadState.tsx';
import { ReportHeader } from '../components/ReportHeader.tsx';
import { useI18n } from '../i18n.tsx';
import { type AnomalyReport, reportPath } from '../reports.ts';
import { useApi } from '../use-api.ts';
import { FindingCard } from './anomalies/FindingCard.tsx';

const SEVERITIES = ['critical', 'warning', 'info'] as const;

export function AnomaliesPage() {
  const { t, lang } = useI18n();
  const path = reportPath('anomalies', lang);
  const report = useApi<AnomalyReport>(path);
  const data = report.data;
  const refused = refusedToRole(report.error);
  return (
    <Stack>
      <ReportHeader
        title="anomalies"
        intro="anomaliesIntro"
        asOf={data?.asOf}
        exportPath={refused ? null : path}
      />
      <LoadState loading={report.loading && !data} error={report.error} />
      {data && data.findings.length === 0 && <Text c="dimmed">{t('noAnomalies')}</Text>}
      {data &&
        SEVERITIES.map((severity) => {
          const findings = data.findings.filter((finding) => finding.severity === severity);
          if (!findings.length) return null;
          return (
            <section
              key={severity}
              aria-labelledby={`severity-${severity}`}
              data-testid={`severity-${severity}`}
            >
              <Title order={3} size="h4" mb="sm" id={`severity-${severity}`}>
                {t(`severity_${severity}`)} ({findings.length})
              </Title>
              <Stack>
                {findings.map((finding) => (
                  <FindingCard
                    key={`${finding.kind}-${finding.title}`}
                    finding={finding}
                    currency={data.currency}
                    thresholds={data.thresholds}
                  />
                ))}
              </Stack>
            </section>
          );
        })}
    </Stack>
  );
}
