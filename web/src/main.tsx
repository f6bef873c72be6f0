import '@mantine/core/styles.css';
import './app.css';
import { createTheme, MantineProvider } from '@mantine/core';
import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { AuthProvider, canImport, useAuth } from './auth.tsx';
import { I18nProvider } from './i18n.tsx';
import { Layout } from './Layout.tsx';
import { LoginPage } from './pages/LoginPage.tsx';

// Charts weigh most of the bundle: the sign-in page loads without them.
const DashboardPage = lazy(() =>
  import('./pages/DashboardPage.tsx').then((m) => ({ default: m.DashboardPage })),
);
const CustomersPage = lazy(() =>
  import('./pages/CustomersPage.tsx').then((m) => ({ default: m.CustomersPage })),
);
const ImportsPage = lazy(() => import('./pages/ImportsPage.tsx').then((m) => ({ default: m.ImportsPage })));
const CustomerPage = lazy(() =>
  import('./pages/CustomerPage.tsx').then((m) => ({ default: m.CustomerPage })),
);

// A focus ring on every focusable element, for keyboard users (Mantine's default shows it only sometimes).
const theme = createTheme({ primaryColor: 'indigo', focusRing: 'always', defaultRadius: 'sm' });

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
          <Route path="*" element={<Navigate to="/" replace />} />
        </Route>
      </Routes>
    </Suspense>
  );
}

const root = document.getElementById('root');
if (root) {
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
  );
}
