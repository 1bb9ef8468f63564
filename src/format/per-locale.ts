/**
 * One formatter per locale, built on first use: building an Intl formatter costs far more than
 * using one (about 0.2 ms against 7 µs for a date), and a History page formats many rows.
 */
export function perLocale<T>(make: (locale: string) => T): (locale: string) => T {
  const made = new Map<string, T>();
  return (locale) => {
    const existing = made.get(locale);
    if (existing) return existing;
    const formatter = make(locale);
    made.set(locale, formatter);
    return formatter;
  };
}
