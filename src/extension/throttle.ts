/**
 * Runs `fn` per key at most once per `intervalMs`: the first call in a quiet period runs on the
 * next tick, later calls within the interval are folded into one run at its end. Typing in a
 * report so updates diagnostics at once, and then at most every `intervalMs` while it goes on.
 */
export class KeyedThrottle<K> {
  private readonly timers = new Map<K, ReturnType<typeof setTimeout>>();
  private readonly lastRun = new Map<K, number>();
  private disposed = false;

  constructor(
    private readonly intervalMs: number,
    private readonly fn: (key: K) => void,
  ) {}

  /** Does nothing once disposed (work that finishes after deactivation may still ask). */
  schedule(key: K): void {
    if (this.disposed || this.timers.has(key)) return;
    const since = Date.now() - (this.lastRun.get(key) ?? 0);
    const wait = since >= this.intervalMs ? 0 : this.intervalMs - since;
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      this.lastRun.set(key, Date.now());
      this.fn(key);
    }, wait));
  }

  dispose(): void {
    this.disposed = true;
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
  }
}
