import '@mantine/core/styles.css';
import './app.css';
import { createTheme, MantineProvider } from '@mantine/core';
import { type ComponentType, lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { AuthProvider, canImport, checkSession, useAuth } from './auth.tsx';
import { loadCharts } from './components/EChart.tsx';
import { loadEnglish } from './english.ts';
import { I18nProvider } from './i18n.tsx';
import { prefetchCustomerFile } from './pages/customer/customer-requests.ts';
import { LoginPage } from './pages/LoginPage.tsx';

/** A page of its own chunk, which `load` also fetches ahead of its first render. */
function onDemand<M>(load: () => Promise<M>, pick: (module: M) => ComponentType) {
  return Object.assign(
    lazy(() => load().then((module) => ({ default: pick(module) }))),
    { load },
  );
}

// Charts weigh most of the bundle: the sign-in page loads without them.
const DashboardPage = onDemand(
  () => import('./pages/DashboardPage.tsx'),
  (m) => m.DashboardPage,
);
const CustomersPage = onDemand(
  () => import('./pages/CustomersPage.tsx'),
  (m) => m.CustomersPage,
);
const ImportsPage = lazy(() => import('./pages/ImportsPage.tsx').then((m) => ({ default: m.ImportsPage })));
const CustomerPage = onDemand(
  () => import('./pages/CustomerPage.tsx'),
  (m) => m.CustomerPage,
);
const AgingPage = lazy(() => import('./pages/AgingPage.tsx').then((m) => ({ default: m.AgingPage })));
const RiskPage = lazy(() => import('./pages/RiskPage.tsx').then((m) => ({ default: m.RiskPage })));
const AnomaliesPage = lazy(() =>
  import('./pages/AnomaliesPage.tsx').then((m) => ({ default: m.AnomaliesPage })),
);
const AuditPage = lazy(() => import('./pages/AuditPage.tsx').then((m) => ({ default: m.AuditPage })));
const AuditSignalsPage = lazy(() =>
  import('./pages/audit/AuditSignalsPage.tsx').then((m) => ({ default: m.AuditSignalsPage })),
);
// Everything but the sign-in loads on demand: an eager page (or the frame around the pages) pulls
// its components (scroll areas, menus, tables…) into the first load.
const Layout = onDemand(
  () => import('./Layout.tsx'),
  (m) => m.Layout,
);
const HeldOrdersPage = lazy(() =>
  import('./pages/credit/HeldOrdersPage.tsx').then((m) => ({ default: m.HeldOrdersPage })),
);
const OrderCheckPage = lazy(() =>
  import('./pages/credit/OrderCheckPage.tsx').then((m) => ({ default: m.OrderCheckPage })),
);
const LimitRequestsPage = lazy(() =>
  import('./pages/credit/LimitRequestsPage.tsx').then((m) => ({ default: m.LimitRequestsPage })),
);
const ScoringPage = lazy(() =>
  import('./pages/credit/ScoringPage.tsx').then((m) => ({ default: m.ScoringPage })),
);
const PromotionsPage = lazy(() =>
  import('./pages/promotions/PromotionsPage.tsx').then((m) => ({ default: m.PromotionsPage })),
);
const JobsPage = lazy(() => import('./pages/JobsPage.tsx').then((m) => ({ default: m.JobsPage })));
const OutboxPage = lazy(() => import('./pages/OutboxPage.tsx').then((m) => ({ default: m.OutboxPage })));
const OutboxMessagePage = lazy(() =>
  import('./pages/OutboxPage.tsx').then((m) => ({ default: m.OutboxMessagePage })),
);
const AgendaPage = lazy(() =>
  import('./pages/dunning/AgendaPage.tsx').then((m) => ({ default: m.AgendaPage })),
);
const DunningRunPage = lazy(() =>
  import('./pages/dunning/RunPage.tsx').then((m) => ({ default: m.RunPage })),
);
const DunningPoliciesPage = lazy(() =>
  import('./pages/dunning/PoliciesPage.tsx').then((m) => ({ default: m.PoliciesPage })),
);
const DunningTemplatesPage = lazy(() =>
  import('./pages/dunning/TemplatesPage.tsx').then((m) => ({ default: m.TemplatesPage })),
);
const DunningRatesPage = lazy(() =>
  import('./pages/dunning/RatesPage.tsx').then((m) => ({ default: m.RatesPage })),
);
const DisputesPage = lazy(() =>
  import('./pages/dunning/DisputesPage.tsx').then((m) => ({ default: m.DisputesPage })),
);
const PromisesPage = lazy(() =>
  import('./pages/dunning/PromisesPage.tsx').then((m) => ({ default: m.PromisesPage })),
);
const ForecastPage = lazy(() =>
  import('./pages/forecast/ForecastPage.tsx').then((m) => ({ default: m.ForecastPage })),
);
const ReplayPage = lazy(() =>
  import('./pages/procedure/ReplayPage.tsx').then((m) => ({ default: m.ReplayPage })),
);
const ProcedureReportsPage = lazy(() =>
  import('./pages/procedure/ReportsPage.tsx').then((m) => ({ default: m.ReportsPage })),
);
const OutsourcingPage = lazy(() =>
  import('./pages/legal/OutsourcingPage.tsx').then((m) => ({ default: m.OutsourcingPage })),
);
const WriteOffsPage = lazy(() =>
  import('./pages/legal/WriteOffsPage.tsx').then((m) => ({ default: m.WriteOffsPage })),
);
const ProceedingsPage = lazy(() =>
  import('./pages/legal/ProceedingsPage.tsx').then((m) => ({ default: m.ProceedingsPage })),
);
const LegalFilesPage = lazy(() =>
  import('./pages/legal/LegalFilesPage.tsx').then((m) => ({ default: m.LegalFilesPage })),
);
const InsuranceClaimsPage = lazy(() =>
  import('./pages/legal/InsuranceClaimsPage.tsx').then((m) => ({ default: m.InsuranceClaimsPage })),
);
const FactoringPage = lazy(() =>
  import('./pages/legal/FactoringPage.tsx').then((m) => ({ default: m.FactoringPage })),
);
const CashPage = lazy(() => import('./pages/cash/CashPage.tsx').then((m) => ({ default: m.CashPage })));
const ProcedureDiagramPage = lazy(() =>
  import('./pages/procedure/DiagramPage.tsx').then((m) => ({ default: m.DiagramPage })),
);
const UsersPage = lazy(() => import('./pages/admin/UsersPage.tsx').then((m) => ({ default: m.UsersPage })));
const TokensPage = lazy(() =>
  import('./pages/admin/TokensPage.tsx').then((m) => ({ default: m.TokensPage })),
);
const CompanyPage = lazy(() =>
  import('./pages/admin/CompanyPage.tsx').then((m) => ({ default: m.CompanyPage })),
);

// A focus ring on every focusable element, for keyboard users (Mantine's default shows it only
// sometimes); no transitions for a person who asks the system for less motion.
const theme = createTheme({
  primaryColor: 'indigo',
  focusRing: 'always',
  defaultRadius: 'sm',
  respectReducedMotion: true,
});

function Routed() {
  const { me, ready } = useAuth();
  if (!ready) return null;
  if (!me) return <LoginPage />;
  return (
    <Suspense>
      <Routes>
        <Route element={<Layout />}>
          <Route index element={<DashboardPage />} />
          <Route path="customers" element={<CustomersPage />} />
          <Route path="customers/:code" element={<CustomerPage />} />
          {canImport(me) && <Route path="imports" element={<ImportsPage />} />}
          {/* Pages a role may not use stay reachable by URL: they show the API's refusal plainly. */}
          <Route path="aging" element={<AgingPage />} />
          <Route path="risk" element={<RiskPage />} />
          <Route path="anomalies" element={<AnomaliesPage />} />
          <Route path="audit" element={<AuditPage />} />
          <Route path="audit/signals" element={<AuditSignalsPage />} />
          <Route path="promotions" element={<PromotionsPage />} />
          <Route path="jobs" element={<JobsPage />} />
          <Route path="forecast" element={<ForecastPage />} />
          <Route path="outsourcing" element={<OutsourcingPage />} />
          <Route path="write-offs" element={<WriteOffsPage />} />
          <Route path="legal/files" element={<LegalFilesPage />} />
          <Route path="legal/proceedings" element={<ProceedingsPage />} />
          <Route path="insurance" element={<InsuranceClaimsPage />} />
          <Route path="factoring" element={<FactoringPage />} />
          <Route path="dunning/agenda" element={<AgendaPage />} />
          <Route path="dunning/run" element={<DunningRunPage />} />
          <Route path="dunning/policies" element={<DunningPoliciesPage />} />
          <Route path="dunning/templates" element={<DunningTemplatesPage />} />
          <Route path="dunning/rates" element={<DunningRatesPage />} />
          <Route path="dunning/disputes" element={<DisputesPage />} />
          <Route path="dunning/promises" element={<PromisesPage />} />
          <Route path="credit/check" element={<OrderCheckPage />} />
          <Route path="credit/orders" element={<HeldOrdersPage />} />
          <Route path="procedure/replay" element={<ReplayPage />} />
          <Route path="credit/limit-requests" element={<LimitRequestsPage />} />
          <Route path="credit/scoring" element={<ScoringPage />} />
          <Route path="procedure/diagram" element={<ProcedureDiagramPage />} />
          <Route path="procedure/reports" element={<ProcedureReportsPage />} />
          <Route path="cash" element={<CashPage />} />
          <Route path="outbox" element={<OutboxPage />} />
          <Route path="outbox/:id" element={<OutboxMessagePage />} />
          <Route path="admin/users" element={<UsersPage />} />
          <Route path="admin/tokens" element={<TokensPage />} />
          <Route path="admin/company" element={<CompanyPage />} />
          <Route path="*" element={<Navigate to="/" replace />} />
        </Route>
      </Routes>
    </Suspense>
  );
}

/** A path segment as the router decodes it; null for one it cannot (« %E0 »): the page says not found. */
function decodedOrNull(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/**
 * The first page opened starts at once what it will wait for: the session check, the frame's and
 * the page's code and, for the customer file, its data. Left to the render, each would wait for
 * the one before (the session, then the frame's code, then the page's, then the file, then the
 * cards below it), one round trip and one parse after another. Signed out, it is a few requests
 * for nothing: the sign-in page shows.
 */
function startFirstPage(path: string): void {
  // Fetched ahead only: a chunk that fails to load says so when the render asks for it.
  const early = (...loads: (() => Promise<unknown>)[]) => {
    for (const load of loads) load().catch(() => undefined);
  };
  const session = checkSession();
  early(Layout.load);
  const customer = /^\/customers\/([^/]+)$/.exec(path)?.[1];
  if (customer !== undefined) {
    early(CustomerPage.load, loadCharts);
    const lang = localStorage.getItem('encours.lang') === 'en' ? 'en' : 'fr';
    const code = decodedOrNull(customer);
    if (code !== null) prefetchCustomerFile(code, lang, session);
  } else if (path === '/customers') early(CustomersPage.load);
  else if (path === '/') early(DashboardPage.load, loadCharts);
}

const root = document.getElementById('root');
startFirstPage(window.location.pathname);
// The first page carries French only: a person who chose English waits for it before the first
// render (French if it cannot be fetched).
const english = localStorage.getItem('encours.lang') === 'en' ? loadEnglish() : Promise.resolve();
if (root) {
  void english
    .catch((error: unknown) => console.error('English could not be loaded', error))
    .then(() =>
      createRoot(root).render(
        <StrictMode>
          <MantineProvider theme={theme}>
            <I18nProvider>
              <AuthProvider>
                <BrowserRouter>
                  <Routed />
                </BrowserRouter>
              </AuthProvider>
            </I18nProvider>
          </MantineProvider>
        </StrictMode>,
      ),
    );
}
