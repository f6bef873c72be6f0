/** Loads one API resource for a component, reloading when the path changes. */
import { useCallback, useEffect, useState } from 'react';
import { ApiError, api, prefetched } from './api.ts';

export interface Loaded<T> {
  data: T | null;
  error: ApiError | null;
  loading: boolean;
  reload(): void;
}

export function useApi<T>(path: string | null): Loaded<T> {
  const [state, setState] = useState<{ data: T | null; error: ApiError | null; loading: boolean }>({
    data: null,
    error: null,
    loading: path !== null,
  });
  const [version, setVersion] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `version` is there to force a reload
  useEffect(() => {
    if (path === null) return;
    let current = true;
    setState((previous) => ({ ...previous, loading: true }));
    (prefetched<T>(path) ?? api<T>(path))
      .then((data) => current && setState({ data, error: null, loading: false }))
      .catch((error: unknown) => {
        const apiError = error instanceof ApiError ? error : new ApiError(0, 'network', String(error));
        if (current) setState({ data: null, error: apiError, loading: false });
      });
    return () => {
      current = false;
    };
  }, [path, version]);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { ...state, reload };
}
