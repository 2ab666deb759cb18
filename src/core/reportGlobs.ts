import picomatch from 'picomatch';

// Case-insensitive words written as character classes, so the same globs work in VS Code's
// findFiles (which has no case-insensitive flag) and in the CLI.
function anyCase(word: string): string {
  return [...word].map((c) => (/[a-z]/.test(c) ? `[${c}${c.toUpperCase()}]` : c)).join('');
}

const NAME_WORDS = ['audit', 'review', 'finding', 'security', 'vulnerab'];
const FOLDERS = ['audit', 'audits', 'review', 'reviews', 'finding', 'findings', 'security'];

/** Markdown files named for audits, reviews, findings or security, and everything in such folders. */
export const DEFAULT_INCLUDE: readonly string[] = [
  ...NAME_WORDS.map((w) => `**/*${anyCase(w)}*.{md,markdown}`),
  `**/{${FOLDERS.flatMap((f) => [f, f[0].toUpperCase() + f.slice(1), f.toUpperCase()]).join(',')}}/**/*.{md,markdown}`,
];

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
  const inc = picomatch([...include], { dot: true });
  const exc = picomatch([...exclude], { dot: true });
  return (p) => inc(p) && !exc(p);
}

/** Whether a folder (relative path) is excluded, so a walk need not enter it. */
export function makeFolderExcluder(exclude: readonly string[] = DEFAULT_EXCLUDE): (relDir: string) => boolean {
  const exc = picomatch([...exclude], { dot: true });
  return (d) => exc(`${d}/x`) || exc(d);
}
