import picomatch from 'picomatch';

/**
 * Markdown files named for audits, reviews, findings, security or vulnerabilities, and everything
 * in such folders. Written in lower case and matched in any case (`nocase` below), so that the
 * settings UI shows them as they read; the editor and the CLI match with the same function.
 */
export const DEFAULT_INCLUDE: readonly string[] = [
  '**/*audit*.{md,markdown}',
  '**/*review*.{md,markdown}',
  '**/*finding*.{md,markdown}',
  '**/*security*.{md,markdown}',
  '**/*vulnerab*.{md,markdown}',
  '**/{audit,audits,review,reviews,finding,findings,security}/**/*.{md,markdown}',
];

/**
 * A glob that matches what `glob` matches in any case, with each letter written as a character
 * class (`audit` → `[aA][uU][dD][iI][tT]`). For the places that match case-sensitively and take
 * no flag: VS Code's `workspaceContains:` activation events, on Linux. Letters already inside a
 * class are left as they are.
 */
export function anyCaseGlob(glob: string): string {
  let out = '';
  let inClass = false;
  for (const c of glob) {
    if (c === '[') inClass = true;
    else if (c === ']') inClass = false;
    out += !inClass && /[a-z]/i.test(c) ? `[${c.toLowerCase()}${c.toUpperCase()}]` : c;
  }
  return out;
}

/** Dependencies, VCS data and build output are never reports. */
export const DEFAULT_EXCLUDE: readonly string[] = [
  '**/node_modules/**',
  '**/.git/**',
  '**/dist/**',
  '**/out/**',
  '**/build/**',
  '**/target/**',
  '**/coverage/**',
  '**/.vscode-test/**',
  '**/.next/**',
  '**/vendor/**',
];

/** Whether a path (relative to a root, `/` separators) is a report under the given globs. */
export function isReportPath(relPath: string, include: readonly string[] = DEFAULT_INCLUDE, exclude: readonly string[] = DEFAULT_EXCLUDE): boolean {
  return makeReportMatcher(include, exclude)(relPath);
}

/** A compiled matcher, for checking many paths against the same globs. */
export function makeReportMatcher(include: readonly string[] = DEFAULT_INCLUDE, exclude: readonly string[] = DEFAULT_EXCLUDE): (relPath: string) => boolean {
  // Report names are matched in any case (`Security-Review.MD`); exclusions, like VS Code's own
  // `files.exclude`, name folders exactly.
  const inc = picomatch([...include], { dot: true, nocase: true });
  const exc = picomatch([...exclude], { dot: true });
  return (p) => inc(p) && !exc(p);
}

/** Whether a folder (relative path) is excluded, so a walk need not enter it. */
export function makeFolderExcluder(exclude: readonly string[] = DEFAULT_EXCLUDE): (relDir: string) => boolean {
  const exc = picomatch([...exclude], { dot: true });
  return (d) => exc(`${d}/x`) || exc(d);
}
