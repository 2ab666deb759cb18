import type { LocationRef } from '../types';

/**
 * Where a line stands decides which file names without a line number count as locations:
 * - `prose`: none; a file named in passing is no location (`path:10` and links always count);
 * - `title`: a heading or an item's first line: code spans (`` `router.go` ``) and paths with a folder;
 * - `field`: a labelled field (`**File:** router.go`) or a location cell: bare file names too.
 */
export type LocationContext = 'prose' | 'title' | 'field';

export function locationsInText(text: string, context: LocationContext): LocationRef[] {
  const fileLevel = context !== 'prose';
  // Most prose lines name no file at all; skip them before any of the heavier patterns.
  if (!MAY_HOLD_LOCATION.test(text)) return [];
  const out: LocationRef[] = [];
  let rest = text;

  // 1. Link targets and bare URLs: blob permalinks and relative links with #L anchors.
  // A link that points at code says it all: its text (`PSM.sol#L258`) names the same place.
  rest = rest.replace(/\[((?:[^[\]]|\[[^\]]*\])*)\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g, (whole, text: string, url: string) => {
    const refs = fromUrl(url, true);
    out.push(...refs);
    return refs.length > 0 ? ' '.repeat(whole.length) : `[${text}]` + ' '.repeat(whole.length - text.length - 2);
  });
  rest = rest.replace(/\bhttps?:\/\/[^\s)<>\]`'"]+/g, (url) => {
    out.push(...fromUrl(url, false));
    return ' '.repeat(url.length);
  });

  // 2. Code spans: `path:10-20`, `a.go:86,101`, `router.go` followed by (lines 424, 449).
  rest = rest.replace(/(`+)([^`]+?)\1/g, (whole, _ticks: string, span: string, offset: number) => {
    const after = rest.slice(offset + whole.length, offset + whole.length + 80);
    const trailing = trailingLines(after);
    for (const piece of span.split(/\s*(?:,\s+|\s+\+\s+|\s+and\s+)(?=[^\d\s])/)) {
      const refs = fromSpec(piece.trim(), fileLevel || trailing !== null);
      if (refs.length === 1 && refs[0].startLine === null && trailing) {
        out.push(...trailing.map(([s, e]) => ({ path: refs[0].path, startLine: s, endLine: e })));
      } else {
        out.push(...refs);
      }
    }
    return ' '.repeat(whole.length);
  });

  // 3. Bare tokens in text: `Dockerfile:17`, background.js:62, **base58.js (lines 73-81)**.
  // Emphasis marks go, escaped underscores of file names (`gurufocus\_tool.py`) stay.
  const plain = rest.replace(/\\([_*])/g, '$1').replace(/\*+/g, ' ').replace(/(^|\s)_+|_+(?=\s|$)/g, '$1 ');
  // In prose only a file with line numbers counts: skip the costly scan when none is written.
  if (context === 'prose' && !BARE_WITH_LINES.test(plain)) return dedupeLocations(out);
  let m: RegExpExecArray | null;
  const BARE = new RegExp(BARE_FILE.source, 'g');
  while ((m = BARE.exec(plain)) !== null) {
    const path = m[1];
    if (!isPathLike(path, m[2] !== undefined)) continue;
    if (m[2] !== undefined) {
      const ranges = parseLineList(m[2]);
      if (ranges.length > 0) {
        out.push(...ranges.map(([s, e]) => ({ path: normalizePath(path), startLine: s, endLine: e })));
        continue;
      }
    }
    const trailing = trailingLines(plain.slice(m.index + m[0].length, m.index + m[0].length + 80));
    if (trailing) {
      out.push(...trailing.map(([s, e]) => ({ path: normalizePath(path), startLine: s, endLine: e })));
    } else if ((fileLevel && path.includes('/')) || (context === 'field' && KNOWN_EXTENSIONS.has(extensionOf(path)))) {
      out.push({ path: normalizePath(path), startLine: null, endLine: null });
    }
  }
  return dedupeLocations(out);
}

const BARE_FILE = /(?<![\w/.@-])((?:[\w@.-]+\/)*[\w.-]*[\w](?:\.[A-Za-z][\w]{0,9})|(?:[\w@.-]+\/)*(?:Dockerfile|Makefile|Caddyfile|Jenkinsfile|Procfile|Gemfile|Rakefile|Vagrantfile|Justfile))(?::(L?\d[\d\s,Ll:–-]*)|(?=\s*(?:\(|,)?\s*lines?\s+\d))?/;
const BARE_WITH_LINES = /(?:\.[A-Za-z]\w{0,9}|file)(?::L?\d|\s*(?:\(|,)?\s*lines?\s+\d)/;
const MAY_HOLD_LOCATION = /[`\]]|https?:|\w\.[A-Za-z]|Dockerfile|Makefile|Caddyfile|Jenkinsfile|Procfile|Gemfile|Rakefile|Vagrantfile|Justfile/;

/** Line numbers with no file on a `**Lines Changed**: 28 (import), 217, 283` line. */
export function orphanLines(value: string): Array<[number, number]> {
  return parseLineList(value.replace(/\([^)]*\)/g, ' ').replace(/\blines?\b/gi, ' '));
}

/** `Added methods at lines 414-446`: lines that prose places in the finding's one file. */
export function proseLines(text: string): Array<[number, number]> {
  const m = /\b(?:at|on|in)\s+lines?\s+(L?\d+(?:\s*[-–]\s*L?\d+)?(?:\s*(?:,|and)\s*L?\d+(?:\s*[-–]\s*L?\d+)?)*)/i.exec(text.replace(/`[^`]*`/g, ' '));
  return m ? parseLineList(m[1]) : [];
}

function trailingLines(after: string): Array<[number, number]> | null {
  const m = /^\s*(?:\(|,|:)?\s*(?:(?:at\s+)?lines?\s+|(?=L\d))(L?\d+(?:\s*[-–]\s*L?\d+)?(?:\s*(?:,|and|&)\s*L?\d+(?:\s*[-–]\s*L?\d+)?)*)/i.exec(after);
  if (!m) return null;
  const ranges = parseLineList(m[1]);
  return ranges.length > 0 ? ranges : null;
}

function fromUrl(url: string, isLinkTarget: boolean): LocationRef[] {
  const blob = /^https?:\/\/[^/]+\/(?:[^/]+\/)+?(?:-\/)?blob\/[^/]+\/([^#?]+)(?:\?[^#]*)?(?:#(.*))?$/.exec(url);
  if (blob) return withAnchor(decodePath(blob[1]), blob[2]);
  if (!isLinkTarget || /^[a-z][a-z+.-]*:/i.test(url) || url.startsWith('#')) return [];
  const rel = /^([^#?]+)(?:\?[^#]*)?(?:#(.*))?$/.exec(url);
  if (!rel || !isPathLike(decodePath(rel[1]), false) || rel[1].endsWith('/')) return [];
  return withAnchor(decodePath(rel[1]), rel[2]);
}

function withAnchor(path: string, anchor: string | undefined): LocationRef[] {
  const p = normalizePath(path);
  const lines = anchor ? /^L(\d+)(?:C\d+)?(?:-L?(\d+)(?:C\d+)?)?$/.exec(anchor) : null;
  if (lines) {
    const s = Number(lines[1]);
    const e = lines[2] ? Number(lines[2]) : s;
    return [{ path: p, startLine: s, endLine: Math.max(s, e) }];
  }
  return [{ path: p, startLine: null, endLine: null }];
}

function decodePath(p: string): string {
  try {
    return decodeURIComponent(p);
  } catch {
    return p;
  }
}

/** One reference written as `path`, `path:10-20`, `path#L10-L20`, `path:10:5`, `path:1,4-5`. */
function fromSpec(spec: string, fileLevel: boolean): LocationRef[] {
  // Windows separators (`src\app\main.ts:3`) read as `/`.
  const s = spec.replace(/\\(?=[\w.-])/g, '/').replace(/^\.\//, '').replace(/[.,;:]+$/, '');
  const m = /^(.+?)(?::|#)(L?\d+(?::\d+)?(?:\s*[-–]\s*L?\d+(?::\d+)?)?(?:\s*,\s*L?\d+(?:\s*[-–]\s*L?\d+)?)*)(?:\s.*)?$/.exec(s);
  if (m && isPathLike(m[1], true)) {
    const ranges = parseLineList(m[2]);
    if (ranges.length > 0) return ranges.map(([a, b]) => ({ path: normalizePath(m[1]), startLine: a, endLine: b }));
  }
  if (!fileLevel) return [];
  // `ThreadList.cpp::LoopNext` or `file.ts:someFunction` still name the file.
  const file = s.replace(/::.*$/, '').replace(/:[A-Za-z_$][\w$]*(\(\))?$/, '').replace(/\s+\(.*\)$/, '');
  if (/\s/.test(file) || !isPathLike(file, false)) return [];
  if (!file.includes('/') && !KNOWN_EXTENSIONS.has(extensionOf(file)) && !BARE_NAMES.test(file)) return [];
  return [{ path: normalizePath(file), startLine: null, endLine: null }];
}

/** `162,174,186` → three lines; `206,212-213`; `L10-L20`; `10:5` (column dropped); `62–68`; `15 and 184`. */
export function parseLineList(spec: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const part of spec.split(/\s*(?:,|\band\b|&)\s*/)) {
    const m = /^L?(\d{1,7})(?::\d+)?(?:\s*[-–]\s*L?(\d{1,7})(?::\d+)?)?\b/.exec(part.trim());
    if (!m) {
      if (part.trim() === '') continue;
      break;
    }
    const a = Number(m[1]);
    const b = m[2] !== undefined ? Number(m[2]) : a;
    if (a < 1) continue;
    out.push([a, b >= a ? b : a]);
  }
  return out;
}

const KNOWN_EXTENSIONS = new Set(
  ('sol vy rs go ts tsx mts cts js jsx mjs cjs py pyi rb java kt kts swift c h cc cpp cxx hpp hh cs fs php scala sh bash zsh ps1 ' +
    'yml yaml json jsonc json5 toml ini cfg conf xml html htm css scss sass less vue svelte astro md mdx sql proto graphql gql tf hcl ' +
    'lua dart ex exs erl hrl hs ml mli clj cljs r pl pm m mm move cairo nr zig nim env lock gradle properties txt csv mod sum ' +
    'prisma ejs hbs twig plist xaml csproj sln vcxproj cmake mk dockerfile nix bzl bazel ipynb jl elm re res ino asm s wasm tpl j2 jinja')
    .split(' '),
);
const BARE_NAMES = /^(?:.*\/)?(?:Dockerfile|Makefile|Caddyfile|Jenkinsfile|Procfile|Gemfile|Rakefile|Vagrantfile|Justfile|CODEOWNERS|\.env(?:\.[\w-]+)?|\.gitignore|\.dockerignore|\.npmrc|\.htaccess)$/;

function extensionOf(path: string): string {
  const base = path.slice(path.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

/** Whether a token can name a file. With a line number attached, any extension will do. */
export function isPathLike(path: string, hasLines: boolean): boolean {
  if (path.length < 2 || path.length > 300) return false;
  if (/[\s<>"|?*{}\\^]|:\/\/|::/.test(path) && !/^[A-Za-z]:\\/.test(path)) return false;
  if (/^\d+(\.\d+)*$/.test(path) || /^v?\d+\.\d+/.test(path)) return false;
  if (path.endsWith('/') || path.endsWith('.')) return false;
  if (BARE_NAMES.test(path)) return true;
  const ext = extensionOf(path);
  if (ext === '' || /^\d+$/.test(ext)) return false;
  if (KNOWN_EXTENSIONS.has(ext)) return true;
  // host:port is not a file: `api.example.com:443`.
  if (!path.includes('/') && /^(com|org|net|io|dev|app|co|ai|gov|edu|local|internal)$/.test(ext)) return false;
  return hasLines || path.includes('/');
}

/** `/` separators, no `./` prefix, no trailing punctuation. */
export function normalizePath(path: string): string {
  return path
    .replace(/\\/g, '/')
    .replace(/^(\.\/)+/, '')
    .replace(/\/{2,}/g, '/')
    .replace(/[),.;:]+$/, '');
}

/**
 * Drops duplicates; a file-level reference when the same file is also cited with lines; and
 * `tool.py:5` when `src/tool.py:5` is cited too (a link's text and its target).
 */
export function dedupeLocations(refs: readonly LocationRef[]): LocationRef[] {
  const seen = new Set<string>();
  const withLines = new Set(refs.filter((r) => r.startLine !== null).map((r) => r.path));
  const paths = [...new Set(refs.map((r) => r.path))];
  const longer = (p: string): boolean => paths.some((q) => q !== p && q.endsWith('/' + p));
  const out: LocationRef[] = [];
  for (const r of refs) {
    if (r.startLine === null && withLines.has(r.path)) continue;
    if (longer(r.path) && refs.some((q) => q.path.endsWith('/' + r.path) && q.startLine === r.startLine && q.endLine === r.endLine)) continue;
    if (r.startLine === null && longer(r.path)) continue;
    const key = `${r.path}\0${r.startLine}\0${r.endLine}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(r);
  }
  return out;
}
