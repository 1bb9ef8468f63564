/** Saves a Blob as a file through an anchor: no downloads permission, nothing leaves the machine. */
export function downloadBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = filename;
  anchor.hidden = true;
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  // The download has its own reference to the data once it starts.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** `rebound-<what>-2026-11-25.<ext>`, dated in local time. */
export function exportFilename(what: string, extension: string, now: number): string {
  const day = new Date(now);
  const date = [day.getFullYear(), day.getMonth() + 1, day.getDate()].map((n) => String(n).padStart(2, '0'));
  return `rebound-${what}-${date.join('-')}.${extension}`;
}
