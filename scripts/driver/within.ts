/**
 * A bound for the waits Playwright leaves open (page.evaluate, context.newPage, an awaited event):
 * a hang fails at once and says what it was waiting for, where the test's own time limit would
 * only say that the test took too long.
 */
export async function within<T>(ms: number, awaited: string, work: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`gave up after ${ms / 1000} s waiting for ${awaited}`)), ms);
  });
  try {
    return await Promise.race([work, expired]);
  } finally {
    clearTimeout(timer);
  }
}

/** Far beyond what a script run in a page or an extension context takes, even on a loaded machine. */
export const SCRIPT_ANSWER_MS = 15_000;
