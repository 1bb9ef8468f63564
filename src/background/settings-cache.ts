import type { Settings } from '../settings/settings';

/**
 * The settings in force, read once per worker and again only after they change: every nudge
 * asked for them, two storage reads (the rep's own and the organization's) on the way to the toast.
 */
export function settingsCache(load: () => Promise<Settings>) {
  let cached: Promise<Settings> | undefined;
  return {
    load(): Promise<Settings> {
      if (!cached) {
        const loading = load();
        cached = loading;
        // A failed read is not kept: the next caller reads again.
        loading.catch(() => {
          if (cached === loading) cached = undefined;
        });
      }
      return cached;
    },
    /** The rep's settings or the organization's policy changed. */
    forget(): void {
      cached = undefined;
    },
  };
}
