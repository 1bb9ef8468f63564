import './history.css';
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import {
  dialersInHistory,
  type HistoryFilter,
  type HistoryRow,
  historyCallIds,
  historyFirstScreen,
  historyRows,
} from '../../../db/history';
import type { ReboundDb } from '../../../db/schema';
import { callSourceLabel } from '../../../format/call-source-label';
import { localDayEnd, localDayStart } from '../../../format/date-time';
import { formatCount } from '../../../format/figures';
import { ratingLabel } from '../../../format/rating-label';
import { CALL_RATINGS } from '../../../messages/to-background';
import { t } from '../../../platform/i18n';
import { afterNextPaint } from '../../after-next-paint';
import { optionsDb } from '../../options-db';
import { useHistoryVersion } from '../../use-history-version';
import { CallDetailDialog } from './CallDetailDialog';
import { HistoryRowView } from './HistoryRowView';
import { WindowedList } from './WindowedList';

const ROW_HEIGHT = 64;
const LIST_HEIGHT = 512;
/** Ids asked for first: a screenful and a little more. */
const FIRST_SCREEN_ROWS = Math.ceil(LIST_HEIGHT / ROW_HEIGHT) + 2;
/** Rows kept loaded beyond the window; past this the cache keeps only what is drawn. */
const CACHE_LIMIT = 1000;
/** Typing in the search box waits this long before querying. */
const SEARCH_DELAY_MS = 200;

interface FilterFields {
  from: string;
  to: string;
  source: string;
  rating: string;
  search: string;
}

const NO_FILTER: FilterFields = { from: '', to: '', source: '', rating: '', search: '' };

function toFilter(fields: FilterFields): HistoryFilter {
  return {
    from: localDayStart(fields.from),
    to: localDayEnd(fields.to),
    source: fields.source || undefined,
    rating: (fields.rating || undefined) as HistoryFilter['rating'],
    search: fields.search.trim() || undefined,
  };
}

interface HistorySectionProps {
  db: ReboundDb;
  now: () => number;
}

/** Every call, newest first, filtered and searched; a call opens with its reset and follow-ups. */
export function HistoryView({ db, now }: HistorySectionProps) {
  const [fields, setFields] = useState<FilterFields>(NO_FILTER);
  const [dialers, setDialers] = useState<string[]>([]);
  const [ids, setIds] = useState<number[] | null>(null);
  /** False while only the first screen of ids is in. */
  const [complete, setComplete] = useState(false);
  const [rows, setRows] = useState<Map<number, HistoryRow>>(new Map());
  const [open, setOpen] = useState<number | null>(null);
  const [error, setError] = useState('');
  const query = useRef(0);
  const range = useRef<[number, number]>([0, 0]);
  const version = useHistoryVersion();

  // Only the filter's dialer list: read once the first rows are in, not ahead of them.
  const firstRowsIn = ids !== null;
  useEffect(() => {
    if (!firstRowsIn) return;
    dialersInHistory(db).then(setDialers, () => setError(t('historyLoadFailed')));
  }, [db, version, firstRowsIn]);

  // From the commit, not after the next frame as an effect: the first rows are what the rep waits for.
  useLayoutEffect(() => {
    const asked = ++query.current;
    const filter = toFilter(fields);
    const current = () => asked === query.current;
    const failed = () => {
      if (current()) setError(t('historyLoadFailed'));
    };
    // The rows on screen first (their ids and records), and only then every id, for the count
    // and scrolling: IndexedDB answers one request after another, so the 100,000-id read asked
    // for at the same time would hold up the first rows behind it. And that read waits until the
    // first rows are drawn: taking 100,000 imported calls out of their packs holds the page's
    // thread for longer than the first screen took, and begun before the next frame it kept rows
    // that were in from being drawn (the bench's first rows then took in most of that read).
    const firstScreen = async () => {
      const loaded = await historyFirstScreen(db, filter, FIRST_SCREEN_ROWS);
      if (!current()) return;
      setError('');
      setRows(new Map(loaded.map((row) => [row.call.id, row])));
      setIds(loaded.map((row) => row.call.id));
      setComplete(false);
    };
    const everyId = async () => {
      const found = await historyCallIds(db, filter);
      if (!current()) return;
      setIds(found);
      setComplete(true);
    };
    let stopWaiting = () => {};
    const read = () =>
      void firstScreen().then(() => {
        if (current()) stopWaiting = afterNextPaint(() => void everyId().catch(failed));
      }, failed);
    if (!fields.search) read();
    const timer = fields.search ? setTimeout(read, SEARCH_DELAY_MS) : undefined;
    return () => {
      clearTimeout(timer);
      stopWaiting();
    };
  }, [db, fields, version]);

  const load = useCallback(
    (wanted: number[], replace: boolean) => {
      if (wanted.length === 0) return;
      historyRows(db, wanted).then(
        (loaded) =>
          setRows((cached) => {
            const next = cached.size > CACHE_LIMIT ? new Map<number, HistoryRow>() : new Map(cached);
            if (replace) for (const id of wanted) next.delete(id);
            for (const row of loaded) next.set(row.call.id, row);
            return next;
          }),
        () => setError(t('historyLoadFailed')),
      );
    },
    [db],
  );

  const onRange = useCallback(
    (start: number, end: number) => {
      range.current = [start, end];
      if (!ids) return;
      load(
        ids.slice(start, end).filter((id) => !rows.has(id)),
        false,
      );
    },
    [ids, rows, load],
  );

  const set = (patch: Partial<FilterFields>) => setFields((current) => ({ ...current, ...patch }));
  const knownDialers = Array.from(new Set([...dialers, fields.source].filter(Boolean)));

  return (
    <section class="history">
      <form class="filters" aria-label={t('historyFilters')} onSubmit={(event) => event.preventDefault()}>
        <div class="field">
          <label for="history-from">{t('historyFrom')}</label>
          <input
            id="history-from"
            type="date"
            value={fields.from}
            onInput={(event) => set({ from: event.currentTarget.value })}
          />
        </div>
        <div class="field">
          <label for="history-to">{t('historyTo')}</label>
          <input
            id="history-to"
            type="date"
            value={fields.to}
            onInput={(event) => set({ to: event.currentTarget.value })}
          />
        </div>
        <div class="field">
          <label for="history-dialer">{t('historyDialer')}</label>
          <select
            id="history-dialer"
            value={fields.source}
            onChange={(event) => set({ source: event.currentTarget.value })}
          >
            <option value="">{t('historyAnyDialer')}</option>
            {knownDialers.map((source) => (
              <option key={source} value={source}>
                {callSourceLabel(source)}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="history-rating">{t('historyRating')}</label>
          <select
            id="history-rating"
            value={fields.rating}
            onChange={(event) => set({ rating: event.currentTarget.value })}
          >
            <option value="">{t('historyAnyRating')}</option>
            {CALL_RATINGS.map((rating) => (
              <option key={rating} value={rating}>
                {ratingLabel(rating)}
              </option>
            ))}
            <option value="unrated">{t('historyUnrated')}</option>
          </select>
        </div>
        <div class="field field-wide">
          <label for="history-search">{t('historySearch')}</label>
          <input
            id="history-search"
            type="search"
            value={fields.search}
            onInput={(event) => set({ search: event.currentTarget.value })}
          />
        </div>
      </form>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <p class="status" role="status">
        {ids === null || !complete ? '' : t('historyCount', formatCount(ids.length))}
      </p>
      {complete && ids !== null && ids.length === 0 && <p>{t('historyEmpty')}</p>}
      {ids !== null && ids.length > 0 && (
        <WindowedList
          count={ids.length}
          rowHeight={ROW_HEIGHT}
          height={LIST_HEIGHT}
          label={t('historyListLabel')}
          onRange={onRange}
          renderRow={(index) => {
            const row = rows.get(ids[index] as number);
            return row ? <HistoryRowView row={row} onOpen={setOpen} /> : <span class="history-row placeholder" />;
          }}
        />
      )}
      {open !== null && (
        <CallDetailDialog
          db={db}
          callId={open}
          now={now}
          onChanged={(callId) => load([callId], true)}
          onDeleted={(callId) => {
            setIds((current) => current?.filter((id) => id !== callId) ?? null);
            setOpen(null);
          }}
          onClose={() => setOpen(null)}
        />
      )}
    </section>
  );
}

export function HistorySection() {
  return <HistoryView db={optionsDb()} now={Date.now} />;
}
