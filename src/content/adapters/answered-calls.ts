const MAX_REMEMBERED = 50;

/**
 * The ids of calls an adapter saw answered, so its end can say completed or no-answer.
 * Bounded: a page flooding made-up ids cannot grow it.
 */
export class AnsweredCalls {
  private readonly ids = new Set<string>();

  /** `undefined` stands for the one call a widget without ids has at a time. */
  add(id: string | undefined): void {
    id ??= '';
    this.ids.delete(id);
    this.ids.add(id);
    if (this.ids.size > MAX_REMEMBERED) {
      const oldest = this.ids.values().next().value;
      if (oldest !== undefined) this.ids.delete(oldest);
    }
  }

  /** True once, for an id that was answered; forgets it. */
  take(id: string | undefined): boolean {
    return this.ids.delete(id ?? '');
  }
}
