// Submits to one request take turns on its lock in the database. Waiting there holds a pooled
// connection for the whole wait, so ten raters of one request could hold the pool's ten
// connections while submits to other requests queue behind them. Here they wait in this process
// instead, one after another per request, and only the one whose turn it is holds a connection.
// The database lock still decides across processes; this only keeps one process's queue off the pool.

const queues = new Map<string, Promise<unknown>>();

/** Runs `work` after every earlier `inTurn` of this key in this process has settled. */
export function inTurn<T>(key: string, work: () => Promise<T>): Promise<T> {
  const before = queues.get(key) ?? Promise.resolve();
  const mine = before.then(work, work);
  const settled = mine.then(
    () => {},
    () => {},
  );
  queues.set(key, settled);
  // The last in the queue removes it once done, so the map holds only requests being answered.
  settled.then(() => {
    if (queues.get(key) === settled) queues.delete(key);
  });
  return mine;
}
