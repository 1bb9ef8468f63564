/** The database's name, on its own so a reader can name it without loading Dexie. */
export const DB_NAME = 'rebound';
