// Glob helpers for VS Code's findFiles, whose glob syntax has no nested braces: several globs
// are joined as `{a,b,c}`, so each must be brace-free first. Pure: no editor API.

/** `src/*.{ts,js}` → `src/*.ts`, `src/*.js`; nested groups too. Brackets are left alone. */
export function expandBraces(glob: string): string[] {
  const open = findTopLevelBrace(glob);
  if (open < 0) return [glob];
  let depth = 0;
  const parts: string[] = [];
  let partStart = open + 1;
  for (let i = open; i < glob.length; i++) {
    const c = glob[i];
    if (c === '[') {
      const close = glob.indexOf(']', i + 1);
      if (close > 0) i = close;
      continue;
    }
    if (c === '{') depth++;
    else if (c === '}') {
      depth--;
      if (depth === 0) {
        parts.push(glob.slice(partStart, i));
        const head = glob.slice(0, open);
        const tail = glob.slice(i + 1);
        return parts.flatMap((p) => expandBraces(head + p + tail));
      }
    } else if (c === ',' && depth === 1) {
      parts.push(glob.slice(partStart, i));
      partStart = i + 1;
    }
  }
  return [glob]; // unbalanced: taken literally
}

function findTopLevelBrace(glob: string): number {
  for (let i = 0; i < glob.length; i++) {
    if (glob[i] === '[') {
      const close = glob.indexOf(']', i + 1);
      if (close > 0) i = close;
    } else if (glob[i] === '{') return i;
  }
  return -1;
}

/** One glob matching any of `globs`, or undefined when there are none. */
export function joinGlobs(globs: readonly string[]): string | undefined {
  const flat = [...new Set(globs.flatMap(expandBraces).filter((g) => g.trim() !== ''))];
  if (flat.length === 0) return undefined;
  return flat.length === 1 ? flat[0] : `{${flat.join(',')}}`;
}

/** The globs of a `files.exclude`-style object that are switched on (sibling `when` clauses are ignored). */
export function enabledGlobs(setting: Readonly<Record<string, unknown>> | undefined): string[] {
  return Object.entries(setting ?? {}).filter(([, on]) => on === true).map(([glob]) => glob);
}
