/**
 * Reads shared by the calls that see the same data. Before the week's model is kept (a first
 * import, a demo loaded without its forecast history), every forecast call trained on its own: the
 * dashboard asks for the collection forecast and the cost of lateness at once, and again at each
 * visit, so the whole history was read and folded twice a visit, and the collection curves read
 * again. The caller's key holds the version of the company's forecast inputs its read-only
 * transaction sees (db/forecast/forecast-input-version.ts), which every committed write to what the
 * forecast reads changes, and nothing else: calls that see the same inputs share one result,
 * running or done, whatever else was written between them (a sign-in, an audit line, a job); after
 * a write to the inputs the next call reads them as they are then. (Keyed by the snapshot, which
 * every commit changes, the first dashboard after signing in trained again.) Each kind of read
 * keeps its last few results per database; a failed one is not kept.
 */
export type SharedRead = <T>(db: object, key: string, read: () => Promise<T>) => Promise<T>;

export function sharedReads(kept: number): SharedRead {
  const byDatabase = new WeakMap<object, Map<string, Promise<unknown>>>();
  return <T>(db: object, key: string, read: () => Promise<T>): Promise<T> => {
    let ofDatabase = byDatabase.get(db);
    if (!ofDatabase) {
      ofDatabase = new Map();
      byDatabase.set(db, ofDatabase);
    }
    const known = ofDatabase.get(key);
    if (known) {
      // The latest used last out (a Map keeps its insertion order).
      ofDatabase.delete(key);
      ofDatabase.set(key, known);
      return known as Promise<T>;
    }
    const started = read();
    const results = ofDatabase;
    results.set(key, started);
    started.catch(() => {
      if (results.get(key) === started) results.delete(key);
    });
    for (const oldest of results.keys()) {
      if (results.size <= kept) break;
      results.delete(oldest);
    }
    return started;
  };
}

/** A training holds the fitted model, not the history: a dashboard asks for one date at a time. */
export const TRAININGS_KEPT = 2;

/** One training per database, company, date and version of the inputs (the key says them). */
export const sharedTraining: SharedRead = sharedReads(TRAININGS_KEPT);

/**
 * The open invoices' predictions are kept only up to this many: the dashboard's two calls (and the
 * predictions list) read the same ones. Beyond it each call predicts as it sums, as before, so that
 * what is held does not grow with the open items: a prediction with its candidate days takes about
 * 1.6 kB (the demo's 1,138: 94 days each on average), so at most 2 × 16 MB per database.
 */
export const SHARED_PREDICTIONS_MAX = 10_000;

/** One prediction pass per database, company, date, model and version of the inputs (the key says them). */
export const sharedPredictions: SharedRead = sharedReads(2);
