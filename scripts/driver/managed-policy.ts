/**
 * An organization's policy for the extension under test, as Chromium on Linux reads it: a JSON
 * file in /etc/chromium/policies/managed/ whose "3rdparty" part carries storage.managed for one
 * extension id. Chromium watches that folder, so a policy written while it runs lands within
 * seconds. Writing there needs root (CI runs as root).
 */
import { createHash } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

export const MANAGED_POLICY_DIR = '/etc/chromium/policies/managed';

/**
 * The id Chromium gives an unpacked extension without a `key`: the first 128 bits of the SHA-256
 * of its folder's absolute path, each hex digit written as a letter from a to p. Stable per
 * folder, so each worktree's build has its own id and a policy for one never reaches another.
 */
export function unpackedExtensionId(extensionDir: string): string {
  const hex = createHash('sha256').update(path.resolve(extensionDir)).digest('hex').slice(0, 32);
  return [...hex].map((digit) => String.fromCharCode(97 + Number.parseInt(digit, 16))).join('');
}

/** Writes the policy; the function it returns removes it (call it in a `finally`). */
export async function writeManagedPolicy(
  extensionId: string,
  managed: Record<string, unknown>,
): Promise<() => Promise<void>> {
  await mkdir(MANAGED_POLICY_DIR, { recursive: true });
  const file = path.join(MANAGED_POLICY_DIR, `rebound-e2e-${extensionId}.json`);
  await writeFile(file, JSON.stringify({ '3rdparty': { extensions: { [extensionId]: managed } } }));
  return () => rm(file, { force: true });
}
