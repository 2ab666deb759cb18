/**
 * What a token must look like to name a file, shared by every location rule. All checks here are
 * single passes over a token capped at `MAX_PATH` characters: a path over 1 KB is not a path.
 */
export const MAX_PATH = 1024;

export const KNOWN_EXTENSIONS = new Set(
  ('sol vy rs go ts tsx mts cts js jsx mjs cjs py pyi rb java kt kts swift c h cc cpp cxx hpp hh cs fs php scala sh bash zsh ps1 ' +
    'yml yaml json jsonc json5 jsonl toml ini cfg conf xml html htm css scss sass less vue svelte astro md mdx sql proto graphql gql tf hcl ' +
    'lua dart ex exs erl hrl hs ml mli clj cljs r pl pm m mm move cairo nr zig nim env lock gradle properties txt csv mod sum ' +
    'prisma ejs hbs twig plist xaml csproj sln vcxproj cmake mk dockerfile nix bzl bazel ipynb jl elm re res ino asm s wasm tpl j2 jinja')
    .split(' '),
);

/** File names with no extension that projects use everywhere. */
export const BARE_NAMES =
  /^(?:.*\/)?(?:Dockerfile|Makefile|Caddyfile|Jenkinsfile|Procfile|Gemfile|Rakefile|Vagrantfile|Justfile|CODEOWNERS|\.env(?:\.[\w-]+)?|\.gitignore|\.dockerignore|\.npmrc|\.htaccess)$/;

/**
 * Products named like files: "`html2canvas` and `pdf.js` no longer load unconditionally".
 * Only a bare name is read as a product; `lib/pdf.js` or `pdf.js:10` is a file.
 */
const LIBRARY_NAMES = new Set(
  ('node.js vue.js pdf.js chart.js d3.js three.js next.js nuxt.js express.js ember.js backbone.js moment.js alpine.js ' +
    'angular.js angularjs.js react.js p5.js socket.io video.js highlight.js marked.js leaflet.js web3.js ethers.js ' +
    'underscore.js lodash.js require.js tone.js anime.js paper.js fabric.js mathjax.js katex.js bn.js big.js decimal.js fuse.js ' +
    'pixi.js babylon.js phaser.js popper.js sortable.js hammer.js cytoscape.js swiper.js glide.js')
    .split(' '),
);

export function extensionOf(path: string): string {
  const base = path.slice(path.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

export function hasFolder(path: string): boolean {
  const slash = path.indexOf('/');
  return slash > 0 && slash < path.length - 1;
}

export function isLibraryName(path: string): boolean {
  return !path.includes('/') && LIBRARY_NAMES.has(path.toLowerCase());
}

// A code expression, a URL, markup or prose, never a file: `topCategories[0].c`, `a|b`, `x = y`.
/**
 * A folder named for a route (Next.js and SvelteKit file-system routing): `app/[id]/page.tsx`,
 * `[...slug]`, `[[...rest]]`, `(marketing)`, `@modal`. Brackets and parentheses are no path
 * characters anywhere else.
 */
export const ROUTE_FOLDER = /\/(?:\[\[?(?:\.\.\.)?[\w-]{1,100}\]\]?|\([\w-]{1,100}\))(?=\/)/g;
const NOT_IN_PATH = /[\s<>"|?{}^[\]()=,;'`!$%]|:\/\/|::/;
const HOST_TLDS = new Set(['com', 'org', 'net', 'io', 'dev', 'app', 'co', 'ai', 'gov', 'edu', 'local', 'internal', 'cloud', 'xyz', 'tech', 'me', 'us', 'uk', 'de', 'fr', 'ru', 'cn', 'jp']);

/**
 * Whether a token can name a file. With a line number attached, any extension will do; without,
 * the extension must be a known one or the token must sit in a folder. A `*` is accepted only in
 * the last segment of a path with a folder (`paykit-mobile/src/*`, `tests/*.rs`).
 */
export function isPathLike(path: string, hasLines: boolean): boolean {
  if (path.length < 2 || path.length > MAX_PATH) return false;
  if (NOT_IN_PATH.test(path.includes('/') ? path.replace(ROUTE_FOLDER, '/x/') : path)) return false;
  if (path.includes('\\')) return false;
  if (path.endsWith('/') || path.endsWith('.')) return false;
  // `github.com/real-rm/*`, `cdn.jsdelivr.net/npm/x.js`: a host and its path, not a file here.
  const slash = path.indexOf('/');
  if (slash > 0 && HOST_TLDS.has(extensionOf(path.slice(0, slash)))) return false;
  if (path.includes('*')) return !hasLines && hasFolder(path) && !path.includes('**');
  if (/^\d+(?:\.\d+)*$/.test(path) || /^v?\d+\.\d/.test(path)) return false;
  if (BARE_NAMES.test(path)) return true;
  const ext = extensionOf(path);
  if (ext === '' || /^\d+$/.test(ext)) return false;
  if (KNOWN_EXTENSIONS.has(ext)) return true;
  // host:port is not a file: `api.example.com:443`.
  if (!path.includes('/') && HOST_TLDS.has(ext)) return false;
  return hasLines || path.includes('/');
}

// Where tests live: `ThunderLoanTest.t.sol`, `function_test.go`, `test_api.py`, `a.test.ts`,
// `b.spec.js`, `VaultTest.sol`, `src/__tests__/x.ts`, `test/…`, `tests/…`.
const TEST_FILE = /(?:^|\/)(?:tests?|__tests__|spec)\/|\.t\.sol$|[_.](?:test|spec)\.[A-Za-z]+$|(?:^|\/)test_[^/]*$|Tests?\.[A-Za-z]+$/;

/** Whether a path is a test: where a proof of concept or a new test goes, not the problem. */
export function isTestFile(path: string): boolean {
  return TEST_FILE.test(path);
}

/** Whether a path-like token names a file well enough without lines (not only a dotted word). */
export function namesFile(path: string): boolean {
  if (isLibraryName(path)) return false;
  return hasFolder(path) || KNOWN_EXTENSIONS.has(extensionOf(path)) || BARE_NAMES.test(path);
}

/** Drops trailing characters of `chars`, one pass from the end (a regex `[…]+$` is quadratic on runs). */
export function trimEndOf(s: string, chars: string): string {
  let end = s.length;
  while (end > 0 && chars.includes(s[end - 1])) end--;
  return s.slice(0, end);
}

/** `/` separators, no `./` prefix, no doubled `/`, no trailing punctuation. Linear. */
export function normalizePath(path: string): string {
  let p = path.replace(/\\/g, '/');
  let start = 0;
  while (p.startsWith('./', start)) start += 2;
  p = p.slice(start).replace(/\/{2,}/g, '/');
  return trimEndOf(p, '),.;:');
}

/**
 * A link target relative to the report (`../src/a.ts`, `./lib/b.go`) as a path from the root,
 * given the report's own root-relative path. Null when it climbs out of the root.
 */
export function resolveAgainstReport(target: string, reportPath: string): string | null {
  const parts = reportPath.replace(/\\/g, '/').split('/');
  parts.pop();
  for (const seg of target.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (parts.length === 0) return null;
      parts.pop();
    } else {
      parts.push(seg);
    }
  }
  return parts.length > 0 ? parts.join('/') : null;
}
