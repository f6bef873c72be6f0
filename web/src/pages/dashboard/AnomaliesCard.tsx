/** The dashboard's short list of anomalies, linking to the full report. */
import { Anchor, Card, Group, List, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useI18n } from '../../i18n.tsx';
import type { AnomalyReport } from '../../reports.ts';

export function AnomaliesCard({ report, loading }: { report: AnomalyReport | null; loading: boolean }) {
  const { t } = useI18n();
  return (
    <Card withBorder data-testid="dashboard-anomalies">
      <Group justify="space-between" mb="sm">
        <Title order={3} size="h4">
          {t('anomalies')}
        </Title>
        {report && (
          <Anchor component={Link} to="/anomalies" size="sm">
            {t('showAll')}
          </Anchor>
        )}
      </Group>
      {report?.findings.length ? (
        <List size="sm" spacing={4}>
          {report.findings.slice(0, 8).map((finding) => (
            <List.Item key={`${finding.kind}-${finding.title}`}>
              <Text span fw={600} c={finding.severity === 'critical' ? 'red' : undefined}>
                {finding.title}
              </Text>
              {/* A finding names customers: the count says so (18 customers, not 18 invoices); a
                  portfolio's finding names those it lists as such (« (5 clients) » after the
                  portfolio's DSO drift read as if five customers drifted). */}
              {finding.customers.length > 0 &&
                ` (${t('anomaly.customersNamed', { kind: finding.kind, n: finding.customers.length })})`}
            </List.Item>
          ))}
        </List>
      ) : (
        <Text c="dimmed">{loading ? t('loading') : t('noAnomalies')}</Text>
      )}
    </Card>
  );
}
