import { strictEqual } from 'node:assert';
import fc from 'fast-check';
import { FileIndex } from '../../src/core/locations/fileIndex';
import { assertLinear } from './linearity';

// Issue #9's monorepo: every service has its own `src/…`, and its reports cite paths from the
// service's root, as people write them.
const MONOREPO = [
  'services/a/src/x.ts',
  'services/a/src/util/log.ts',
  'services/a/docs/audits/2024-audit.md',
  'services/b/src/x.ts',
  'services/b/src/util/log.ts',
  'services/b/src/only-in-b.ts',
  'services/b/security/review.md',
  'services/c/src/dup.ts',
  'services/c/test/dup.ts',
  'services/c/src/tax.ts',
  'README.md',
];

describe('FileIndex.resolve', () => {
  const index = new FileIndex(MONOREPO, '/ws');
  const resolve = (ref: string, report: string): string | null => index.resolve(ref, report);

  it('a monorepo: a path from the service root resolves in the report\'s own service', () => {
    strictEqual(resolve('src/x.ts', 'services/a/docs/audits/2024-audit.md'), 'services/a/src/x.ts');
    strictEqual(resolve('src/x.ts', 'services/b/security/review.md'), 'services/b/src/x.ts');
    strictEqual(resolve('./src/util/log.ts', 'services/a/docs/audits/2024-audit.md'), 'services/a/src/util/log.ts');
    strictEqual(resolve('src\\util\\log.ts', 'services/b/security/review.md'), 'services/b/src/util/log.ts');
  });

  it('a monorepo: a shorter path resolves by its end in the nearest folder that holds it', () => {
    strictEqual(resolve('x.ts', 'services/a/docs/audits/2024-audit.md'), 'services/a/src/x.ts');
    strictEqual(resolve('util/log.ts', 'services/b/security/review.md'), 'services/b/src/util/log.ts');
    // Not in the report's service at all: the one file of the workspace that ends so.
    strictEqual(resolve('only-in-b.ts', 'services/a/docs/audits/2024-audit.md'), 'services/b/src/only-in-b.ts');
  });

  it('stays unresolved when the nearest folder holding the name holds it twice', () => {
    // services/c has src/dup.ts and test/dup.ts: a guess would be wrong half the time.
    strictEqual(resolve('dup.ts', 'services/c/docs/audit.md'), null);
    // From the root, each service's src/x.ts matches: ambiguous, as before.
    strictEqual(resolve('src/x.ts', 'AUDIT.md'), null);
    strictEqual(resolve('x.ts', 'AUDIT.md'), null);
  });

  it('matches whole path segments only', () => {
    // `tax.ts` ends with the characters `x.ts` but is another file.
    strictEqual(resolve('x.ts', 'services/c/docs/audit.md'), null);
    strictEqual(resolve('ax.ts', 'services/c/docs/audit.md'), null);
    strictEqual(resolve('tax.ts', 'services/c/docs/audit.md'), 'services/c/src/tax.ts');
  });

  it('reads the nearest folder first: the report\'s own, then each one above it', () => {
    const nested = new FileIndex(['src/a.ts', 'docs/src/a.ts', 'lib/b.ts', 'docs/deep/lib/b.ts']);
    strictEqual(nested.resolve('src/a.ts', 'docs/audit.md'), 'docs/src/a.ts');
    strictEqual(nested.resolve('src/a.ts', 'docs/deep/audit.md'), 'docs/src/a.ts');
    strictEqual(nested.resolve('src/a.ts', 'audit.md'), 'src/a.ts');
    strictEqual(nested.resolve('src/a.ts', 'other/audit.md'), 'src/a.ts');
    // By its end: the nearest folder holding a `b.ts` decides.
    strictEqual(nested.resolve('b.ts', 'docs/deep/audit.md'), 'docs/deep/lib/b.ts');
    strictEqual(nested.resolve('b.ts', 'docs/audit.md'), 'docs/deep/lib/b.ts');
    strictEqual(nested.resolve('b.ts', 'audit.md'), null);
  });

  it('`..` climbs from the report\'s folder only, never out of the root; absolute paths only inside the root', () => {
    strictEqual(resolve('../../src/x.ts', 'services/a/docs/audits/2024-audit.md'), 'services/a/src/x.ts');
    strictEqual(resolve('../src/x.ts', 'services/a/docs/audits/2024-audit.md'), null);
    strictEqual(resolve('../../../../../etc/passwd', 'services/a/docs/audits/2024-audit.md'), null);
    strictEqual(resolve('/ws/services/b/src/x.ts', 'services/a/docs/audits/2024-audit.md'), 'services/b/src/x.ts');
    // An absolute path names a file from the root, not from the report's folder ...
    strictEqual(new FileIndex(['src/x.ts', 'services/a/src/x.ts'], '/ws').resolve('/ws/src/x.ts', 'services/a/docs/audit.md'), 'src/x.ts');
    // ... and, when that file is gone, is looked for by its end like any other path.
    strictEqual(resolve('/ws/src/x.ts', 'services/a/docs/audits/2024-audit.md'), 'services/a/src/x.ts');
    strictEqual(resolve('/elsewhere/services/a/src/x.ts', 'services/a/docs/audits/2024-audit.md'), null);
    strictEqual(resolve('C:/ws/src/x.ts', 'services/a/docs/audits/2024-audit.md'), null);
    strictEqual(resolve('', 'services/a/docs/audits/2024-audit.md'), null);
    strictEqual(resolve('.', 'services/a/docs/audits/2024-audit.md'), null);
  });

  it('agrees with the rule spelt out over every file, on random trees', () => {
    const seg = fc.constantFrom('a', 'b', 'src', 'x.ts', 'lib', 'ax.ts');
    const path = fc.array(seg, { minLength: 1, maxLength: 4 }).map((s) => s.join('/'));
    fc.assert(
      fc.property(fc.uniqueArray(path, { maxLength: 30 }), path, fc.array(seg, { maxLength: 3 }), (files, ref, reportDir) => {
        const report = [...reportDir, 'audit.md'].join('/');
        strictEqual(new FileIndex(files).resolve(ref, report), byTheRule(files, ref, report));
      }),
      { numRuns: 2000 },
    );
  });

  it('a lookup costs the same however many files share the name (no scan of the same-named files)', function () {
    this.timeout(120000);
    // n services with the same file names: the old lookup filtered all n `x.ts` on each call.
    const make = (n: number): { index: FileIndex; reports: string[] } => {
      const files: string[] = [];
      const reports: string[] = [];
      for (let s = 0; s < n; s++) {
        files.push(`services/s${s}/src/x.ts`, `services/s${s}/src/y.ts`);
        reports.push(`services/s${s}/docs/audit.md`);
      }
      return { index: new FileIndex(files), reports };
    };
    assertLinear('x.ts from every service', make, ({ index, reports }: { index: FileIndex; reports: string[] }) => {
      for (const r of reports) index.resolve('x.ts', r);
    }, 8000);
  });
});

/** The resolution rule written out plainly, by filtering every file (no `..`, no absolute path). */
function byTheRule(files: string[], ref: string, report: string): string | null {
  const folders: string[] = [];
  const parts = report.split('/').slice(0, -1);
  for (let k = parts.length; k >= 0; k--) folders.push(parts.slice(0, k).join('/'));
  const under = (folder: string, f: string): boolean => folder === '' || f.startsWith(folder + '/');
  for (const folder of folders) {
    const candidate = folder === '' ? ref : `${folder}/${ref}`;
    if (files.includes(candidate)) return candidate;
  }
  for (const folder of folders) {
    const matches = files.filter((f) => under(folder, f) && (f === ref || f.endsWith('/' + ref)));
    if (matches.length > 0) return matches.length === 1 ? matches[0] : null;
  }
  return null;
}
