/**
 * One training at a time for the same database, company and date. Before the week's model is kept
 * (a first import, the first minute after a first start), every forecast call trains on its own: the
 * dashboard asks for the collection forecast and the cost of lateness at once, so the whole history
 * was read and folded twice, side by side. Calls that arrive while a training runs now wait for it.
 * Nothing is kept once it ends: a later call trains on the data as they are then, as before.
 */
const running = new WeakMap<object, Map<string, Promise<unknown>>>();

export function sharedTraining<T>(db: object, key: string, train: () => Promise<T>): Promise<T> {
  let ofDatabase = running.get(db);
  if (!ofDatabase) {
    ofDatabase = new Map();
    running.set(db, ofDatabase);
  }
  const pending = ofDatabase.get(key);
  if (pending) return pending as Promise<T>;
  const started = train().finally(() => ofDatabase.delete(key));
  ofDatabase.set(key, started);
  return started;
}
