/** Who is signed in; the session itself is an HttpOnly cookie the page never sees. */
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { ApiError, api, type Me } from './api.ts';

interface Auth {
  me: Me | null;
  ready: boolean;
  signIn(email: string, password: string): Promise<void>;
  signOut(): Promise<void>;
}

const AuthContext = createContext<Auth | null>(null);

let session: Promise<Me | null> | undefined;

/**
 * Who the session cookie belongs to (null: nobody), asked once: main.tsx asks at start, before the
 * first render, beside the first page's code and data, rather than after the render that mounts
 * the provider.
 */
export function checkSession(): Promise<Me | null> {
  session ??= api<Me>('/api/auth/me').catch((error: unknown) => {
    if (!(error instanceof ApiError && error.status === 401)) console.error(error);
    return null;
  });
  return session;
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  const [ready, setReady] = useState(false);
  useEffect(() => {
    void checkSession()
      .then(setMe)
      .finally(() => setReady(true));
  }, []);
  const signIn = useCallback(async (email: string, password: string) => {
    setMe(await api<Me>('/api/auth/login', { method: 'POST', body: { email, password } }));
  }, []);
  const signOut = useCallback(async () => {
    await api('/api/auth/logout', { method: 'POST' }).catch(() => undefined);
    setMe(null);
  }, []);
  const value = useMemo(() => ({ me, ready, signIn, signOut }), [me, ready, signIn, signOut]);
  return <AuthContext value={value}>{children}</AuthContext>;
}

export function useAuth(): Auth {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth outside AuthProvider');
  return value;
}

export const canEditCustomers = (me: Me | null) =>
  me?.user.role === 'admin' || me?.user.role === 'credit_manager';
export const canReadAudit = (me: Me | null) => me !== null && me.user.role !== 'salesperson';
/** Spreadsheet imports (collectors load payments and customer files); the FEC stays with the credit department. */
export const canImport = (me: Me | null) =>
  me?.user.role === 'admin' || me?.user.role === 'credit_manager' || me?.user.role === 'collector';
export const canImportFec = canEditCustomers;
/** Bank statements (POST /api/imports/bank and the demo statement): the credit department. */
export const canImportBank = canEditCustomers;
/** Portfolio-wide reports (aged balance, risk table, anomalies) cannot be narrowed to one salesperson. */
export const canReadReports = (me: Me | null) => me !== null && me.user.role !== 'salesperson';
/** The global audit log (GET /api/audit). */
export const canReadAuditLog = (me: Me | null) =>
  me?.user.role === 'admin' ||
  me?.user.role === 'credit_manager' ||
  me?.user.role === 'director' ||
  me?.user.role === 'auditor';
/** The internal-audit signals (GET /api/audit/signals): not for the people they may be about. */
export const canReadAuditSignals = (me: Me | null) =>
  me?.user.role === 'admin' || me?.user.role === 'director' || me?.user.role === 'auditor';
export const isAdmin = (me: Me | null) => me?.user.role === 'admin';
