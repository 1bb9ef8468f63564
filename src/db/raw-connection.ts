/**
 * Raw IndexedDB beside Dexie, for the two paths that must not wait for Dexie: the popup's home
 * reads (home-reader.ts) and the worker's call writes (call-writes.ts).
 */

/** A request's result as a promise. */
export const done = <T>(request: IDBRequest<T>): Promise<T> =>
  new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
/**
 * Opens the database as it is, whatever its version; undefined when there is none yet. A missing
 * database is not created here (the open is aborted): Dexie creates it with its schema, and a
 * bare one would get in its way. The connection steps aside for an upgrade or a delete.
 */
function openExisting(factory: IDBFactory, name: string, onClosed: () => void): Promise<IDBDatabase | undefined> {
  return new Promise((resolve, reject) => {
    const request = factory.open(name);
    let missing = false;
    request.onupgradeneeded = () => {
      missing = true;
      request.transaction?.abort();
    };
    request.onsuccess = () => {
      const db = request.result;
      db.onversionchange = () => {
        db.close();
        onClosed();
      };
      db.onclose = onClosed;
      resolve(db);
    };
    request.onerror = () => (missing ? resolve(undefined) : reject(request.error));
  });
}

export interface ExistingConnection {
  /**
   * The connection kept, or a new one; undefined while there is no database yet (the next call
   * looks again, it may exist by then). Rejects when the open fails, and the next call retries.
   */
  connect(): Promise<IDBDatabase | undefined>;
  /** Drops the connection kept: the next `connect` opens a fresh one. */
  forget(): void;
}

/** A connection opened at once and kept until it closes or steps aside for an upgrade. */
export function existingConnection(factory: IDBFactory, name: string): ExistingConnection {
  const forget = () => {
    opened = undefined;
  };
  let opened: Promise<IDBDatabase | undefined> | undefined = openExisting(factory, name, forget);
  opened.catch(() => undefined);
  return {
    async connect() {
      opened ??= openExisting(factory, name, forget);
      const db = await opened.catch((failure) => {
        forget();
        throw failure;
      });
      if (!db) forget();
      return db;
    },
    forget,
  };
}
