/**
 * Opens the history database and closes it at once, to have the browser open its backing store
 * early. Chromium opens a database's files on its first connection and keeps them open a couple
 * of seconds after the last one closes; the popup's warm-up script (warm-up.ts) runs this while
 * the page is still parsed, before its module is even fetched, so home's own read finds the
 * database ready. A missing database is not created (the open is aborted, as in home-reader.ts).
 */
export function warmUpDatabase(factory: IDBFactory, name: string): void {
  const request = factory.open(name);
  request.onupgradeneeded = () => request.transaction?.abort();
  request.onsuccess = () => request.result.close();
  // Nothing waits on it: a failed warm-up only means home's own open does the work.
  request.onerror = (event) => event.preventDefault();
}
