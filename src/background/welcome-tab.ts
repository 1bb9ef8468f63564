import type { SessionSlot } from '../platform/session-store';

/**
 * Opens the onboarding tab once, on the first install. Chromium answers every browser start with
 * an "install" for an extension loaded from a folder (`--load-extension`), the rep's data kept:
 * without the mark, the welcome would greet the rep again each morning. An uninstall clears
 * storage.local, so a real reinstall is welcomed again.
 */
export function createWelcomeTab({
  welcomedAt,
  openTab,
  now,
}: {
  welcomedAt: SessionSlot<number>;
  openTab: () => Promise<unknown>;
  now: () => number;
}) {
  return {
    async onInstalled(reason: string): Promise<void> {
      if (reason !== 'install' || (await welcomedAt.read()) !== undefined) return;
      // Marked after the tab opens: a worker stopped in between shows it again, never not at all.
      await openTab();
      await welcomedAt.write(now());
    },
  };
}
