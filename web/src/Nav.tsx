/** The navigation: only the pages the signed-in role may use (the API refuses the others anyway). */
import { NavLink as MantineNavLink, Stack, Text } from '@mantine/core';
import { NavLink } from 'react-router';
import type { Me } from './api.ts';
import { canImport, canReadAuditLog, canReadAuditSignals, canReadReports, isAdmin } from './auth.tsx';
import { type Key, useI18n } from './i18n.tsx';
import { canCheckOrders } from './pages/credit/credit-requests.ts';

interface Entry {
  to: string;
  label: Key;
  allowed(me: Me | null): boolean;
}

const always = () => true;
const DECIDERS = (me: Me | null) => ['admin', 'credit_manager', 'director'].includes(me?.user.role ?? '');

/** The pages by the credit manager's work: see, decide, collect, cash, improve the procedure. */
const SECTIONS: { title: Key | null; entries: Entry[] }[] = [
  {
    title: null,
    entries: [
      { to: '/', label: 'dashboard', allowed: always },
      { to: '/customers', label: 'customers', allowed: always },
      { to: '/aging', label: 'aging', allowed: canReadReports },
      { to: '/risk', label: 'risk', allowed: canReadReports },
      { to: '/anomalies', label: 'anomalies', allowed: canReadReports },
      { to: '/forecast', label: 'forecast.nav' as Key, allowed: canReadReports },
    ],
  },
  {
    title: 'app.navSection.credit' as Key,
    entries: [
      { to: '/credit/check', label: 'creditRequests.nav.orderCheck' as Key, allowed: canCheckOrders },
      { to: '/credit/orders', label: 'credit.nav.heldOrders' as Key, allowed: always },
      { to: '/credit/limit-requests', label: 'credit.nav.limitRequests' as Key, allowed: always },
      { to: '/credit/scoring', label: 'credit.nav.scoring' as Key, allowed: canReadReports },
      { to: '/promotions', label: 'promotions.title' as Key, allowed: always },
    ],
  },
  {
    title: 'app.navSection.collection' as Key,
    entries: [
      { to: '/dunning/agenda', label: 'dunning.nav.agenda' as Key, allowed: always },
      { to: '/dunning/run', label: 'dunning.nav.run' as Key, allowed: canReadReports },
      { to: '/dunning/disputes', label: 'dunning.nav.disputes' as Key, allowed: always },
      { to: '/dunning/promises', label: 'dunningFollowUp.promises.nav' as Key, allowed: always },
      { to: '/dunning/policies', label: 'dunning.nav.policies' as Key, allowed: canReadReports },
      { to: '/dunning/templates', label: 'dunningCases.nav.templates' as Key, allowed: canReadReports },
      { to: '/dunning/rates', label: 'dunningReview.ratesLink' as Key, allowed: canReadReports },
      {
        to: '/outbox',
        // A full catalogue key: t() reads it as is.
        label: 'mail.title' as Key,
        allowed: (me) => ['admin', 'credit_manager', 'collector'].includes(me?.user.role ?? ''),
      },
      { to: '/write-offs', label: 'writeoff.web.nav' as Key, allowed: canReadReports },
      { to: '/legal/files', label: 'legalFile.web.nav' as Key, allowed: canReadReports },
      { to: '/legal/proceedings', label: 'legal.proceedings.nav' as Key, allowed: canReadReports },
      { to: '/insurance', label: 'insurance.web.nav' as Key, allowed: canReadReports },
      { to: '/factoring', label: 'factoring.web.nav' as Key, allowed: canReadReports },
    ],
  },
  {
    title: 'app.navSection.cash' as Key,
    entries: [
      { to: '/cash', label: 'cash.page.title' as Key, allowed: canImport },
      { to: '/imports', label: 'imports', allowed: canImport },
    ],
  },
  {
    title: 'app.navSection.procedure' as Key,
    entries: [
      { to: '/procedure/replay', label: 'procedure.page.nav' as Key, allowed: DECIDERS },
      { to: '/procedure/diagram', label: 'procedureDiagram.web.nav' as Key, allowed: canReadReports },
      { to: '/procedure/reports', label: 'procedureReports.web.nav' as Key, allowed: DECIDERS },
      { to: '/outsourcing', label: 'outsourcing.nav' as Key, allowed: DECIDERS },
      { to: '/audit', label: 'auditLog', allowed: canReadAuditLog },
      { to: '/audit/signals', label: 'auditSignals.nav' as Key, allowed: canReadAuditSignals },
      { to: '/jobs', label: 'jobs.title' as Key, allowed: canReadReports },
    ],
  },
];
const ADMIN: Entry[] = [
  { to: '/admin/users', label: 'users', allowed: isAdmin },
  { to: '/admin/tokens', label: 'tokens', allowed: isAdmin },
  { to: '/admin/company', label: 'company', allowed: isAdmin },
];

function Links({ entries, me }: { entries: Entry[]; me: Me | null }) {
  const { t } = useI18n();
  return entries
    .filter((entry) => entry.allowed(me))
    .map((entry) => (
      <MantineNavLink
        key={entry.to}
        component={NavLink}
        to={entry.to}
        // The audit log's link must not light up on the audit signals page below it.
        end={entry.to === '/' || entry.to === '/audit'}
        label={t(entry.label)}
      />
    ));
}

function SectionTitle({ children }: { children: string }) {
  return (
    <Text size="xs" c="dimmed" tt="uppercase" fw={700} mt="md" px="sm">
      {children}
    </Text>
  );
}

export function Nav({ me }: { me: Me | null }) {
  const { t } = useI18n();
  return (
    <nav aria-label="Navigation">
      <Stack gap={2}>
        {SECTIONS.map((section) => {
          const visible = section.entries.filter((entry) => entry.allowed(me));
          if (visible.length === 0) return null;
          return (
            <Stack gap={2} key={section.title ?? 'main'}>
              {section.title && <SectionTitle>{t(section.title)}</SectionTitle>}
              <Links entries={visible} me={me} />
            </Stack>
          );
        })}
        {isAdmin(me) && (
          <>
            <SectionTitle>{t('administration')}</SectionTitle>
            <Links entries={ADMIN} me={me} />
          </>
        )}
      </Stack>
    </nav>
  );
}
