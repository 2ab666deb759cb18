import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { parseReport } from '../src/core';

export interface WorkspaceOptions {
  /** How many reports; they are spread over `reports / 10` service folders. Default 1,000. */
  reports?: number;
  /**
   * Give each service the files its reports cite, at the path written in the report taken
   * from the service's root (`src/x.ts` cited in `services/svc-007/docs/audits/r.md` becomes
   * `services/svc-007/src/x.ts`), as a monorepo holds them. Without it, each service gets the
   * same eight fixed source files.
   */
  citedFiles?: boolean;
}

export interface Workspace {
  reports: number;
  bytes: number;
  /** Root-relative paths of the reports, in the order written. */
  reportPaths: string[];
  /** How many files the services hold besides the reports. */
  sourceFiles: number;
}

/**
 * Builds a benchmark workspace: reports (~8 KB each) cut from real reports, spread over
 * `reports / 10` service folders with source files for the locations to resolve against.
 */
export function generateWorkspace(dir: string, sources: string[], options: WorkspaceOptions = {}): Workspace {
  const count = options.reports ?? 1000;
  const services = Math.max(1, Math.floor(count / 10));
  rmSync(dir, { recursive: true, force: true });
  const texts = sources.flatMap((s) => readdirSync(s).filter((f) => f.endsWith('.md') && f !== 'ATTRIBUTION.md' && f !== 'MANIFEST.md').map((f) => readFileSync(join(s, f), 'utf8')));
  // The paths each whole source report cites; a cut of it cites a subset of them.
  const cited = options.citedFiles ? texts.map(citedPaths) : [];
  const perService: Array<Set<string>> = Array.from({ length: services }, () => new Set());
  const reportPaths: string[] = [];
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const service = serviceFolder(i % services);
    const rel = `${service}/${i % 3 === 0 ? 'docs/audits' : i % 3 === 1 ? 'security' : 'reviews'}/report-${i}-audit.md`;
    mkdirSync(join(dir, dirname(rel)), { recursive: true });
    // Sizes vary between 4 and 12 KB, cut at a line break, averaging ~8 KB.
    const source = texts[i % texts.length];
    const size = 4096 + ((i * 7919) % 8192);
    let text = source.length > size ? source.slice(0, source.indexOf('\n', size) + 1 || size) : source;
    text += `\n<!-- bench copy ${i} -->\n`;
    writeFileSync(join(dir, rel), text);
    reportPaths.push(rel);
    bytes += Buffer.byteLength(text);
    if (options.citedFiles) for (const p of cited[i % texts.length]) perService[i % services].add(p);
  }
  let sourceFiles = 0;
  for (let s = 0; s < services; s++) {
    const root = join(dir, serviceFolder(s));
    const files = options.citedFiles ? [...perService[s]] : ['main.go', 'handlers.go', 'auth.ts', 'index.ts', 'lib.rs', 'Contract.sol', 'app.py', 'config.yaml'].map((n) => `src/${n}`);
    for (const f of files) {
      mkdirSync(dirname(join(root, f)), { recursive: true });
      writeFileSync(join(root, f), '// bench\n'.repeat(50));
      sourceFiles++;
    }
  }
  return { reports: count, bytes, reportPaths, sourceFiles };
}

export function serviceFolder(s: number): string {
  return `services/svc-${String(s).padStart(4, '0')}`;
}

/**
 * The relative paths a report cites that a service can hold: no absolute path, no `..`, no
 * URL, nothing the reader would not resolve inside a folder, and not a report itself.
 */
export function citedPaths(text: string): string[] {
  const out = new Set<string>();
  for (const f of parseReport(text).findings) {
    for (const l of f.locations) {
      const p = posix.normalize(l.path.replace(/\\/g, '/'));
      if (p === '.' || p.startsWith('/') || /^[A-Za-z]:/.test(p) || p.split('/').includes('..') || /\.(md|markdown)$/i.test(p)) continue;
      out.add(p);
    }
  }
  return [...out];
}
