/**
 * Appends every item of `items` to `target`. `target.push(...items)` passes each item as an
 * argument, and past about 100,000 of them (the rows of a 5 MB findings table) that overflows the
 * stack: wherever the input decides how many there are, the reader appends with this.
 */
export function pushAll<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}
