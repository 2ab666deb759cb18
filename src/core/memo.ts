/**
 * A bounded memo for a pure function of one string: the reader asks the same questions of the
 * same titles (a section's name for each item under it, a heading where it is judged and where
 * its finding is built). When full it starts over, so memory stays bounded whatever the input.
 * Every caller gets the same value: a caller that changes an object result copies it first.
 */
export function memoized<T>(fn: (key: string) => T, size = 4096): (key: string) => T {
  const known = new Map<string, T>();
  return (key: string): T => {
    let value = known.get(key);
    if (value === undefined && !known.has(key)) {
      value = fn(key);
      if (known.size >= size) known.clear();
      known.set(key, value);
    }
    return value as T;
  };
}
