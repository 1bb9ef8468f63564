import { sessionSlot } from '../platform/session-store';

/**
 * In storage.session: when the background last wrote calls or heard that a page wrote resets or
 * deleted history. Open History and Insights pages watch it and read again.
 */
export const HISTORY_CHANGED_KEY = 'historyChanged';
export const historyChangedSlot = () => sessionSlot<number>(HISTORY_CHANGED_KEY);
