import { deepStrictEqual, strictEqual } from 'node:assert';
import { findings, locs } from './helpers';

describe('list-item findings', () => {
  it('items with a severity prefix are findings wherever they stand', () => {
    const md = '# Notes\n\n- **CRITICAL: readDriftAcks race** — acks lost, `src/acks.ts:10`\n- plain note\n';
    const f = findings(md);
    strictEqual(f.length, 1);
    strictEqual(f[0].title, 'readDriftAcks race');
    deepStrictEqual(locs(f[0]), ['src/acks.ts:10-10']);
  });

  for (const heading of ['Findings', 'Issues', 'Remaining Issues', 'Known Issues', 'Not Fixed', 'Open Items', 'Next Priorities', 'Remaining from Audit']) {
    it(`items of a "${heading}" section are findings`, () => {
      const f = findings(`## ${heading}\n\n- Session tokens never expire\n- Missing index on logs table\n`);
      deepStrictEqual(f.map((x) => x.title), ['Session tokens never expire', 'Missing index on logs table']);
    });
  }

  for (const heading of ['Deployment Steps', 'Rollback Plan', 'Verification Plan', 'Testing Checklist', 'Files Changed', 'Commits', 'References', 'Credits', 'Summary', 'Statistics']) {
    it(`items of a "${heading}" section are not findings`, () => {
      strictEqual(findings(`## ${heading}\n\n- Run the migration\n- Check the dashboard\n`).length, 0);
    });
  }

  it('a checklist of findings: ids, checkboxes as status, locations', () => {
    const md = ['### HIGH', '', '- [ ] **#5 — Nil map write** — `internal/merge.go:12-16` — Nil', '- [x] **#6 — Conn leak** — `a.go:24-30` + `b.go:1`'].join('\n');
    const f = findings(md);
    deepStrictEqual(f.map((x) => [x.id, x.title, x.severity, x.status]), [
      ['#5', 'Nil map write', 'high', 'open'],
      ['#6', 'Conn leak', 'high', 'fixed'],
    ]);
    deepStrictEqual(locs(f[1]), ['a.go:24-30', 'b.go:1-1']);
  });

  it('an empty bullet or checkbox names no finding; its nested items still may', () => {
    const md = '## Findings\n\n- \n- [ ] \n- Token leak\n- \n  - **HIGH:** Missing index on logs\n';
    deepStrictEqual(findings(md).map((x) => x.title), ['Token leak', 'Missing index on logs']);
  });

  it('nested items belong to their parent item', () => {
    const md = '## Findings\n\n- Token leak\n  - seen in `auth.ts:4`\n  - and logs\n- Second\n';
    const f = findings(md);
    deepStrictEqual(f.map((x) => x.title), ['Token leak', 'Second']);
    deepStrictEqual(f[0].reportRange, { startLine: 3, endLine: 5 });
    deepStrictEqual(locs(f[0]), ['auth.ts:4-4']);
  });

  it('a label line introduces a list as its section would', () => {
    const md = 'C) Riesgos no bloqueantes\n- Busqueda sin indice. Evidencia: `backend/files.ts:2769`.\n\nMapa del sistema\n- Frontend SPA\n';
    const f = findings(md);
    deepStrictEqual(f.map((x) => [x.title, x.locations.length]), [['Busqueda sin indice', 1]]);
    deepStrictEqual(findings('**Remaining Issues:**\n- Cache never evicts\n').map((x) => x.title), ['Cache never evicts']);
  });

  it('a bold severity alone, then the title (after a location written first)', () => {
    const f = findings('## Checklist of Findings\n\n- [ ] **HIGH** `file.ts:12` — unchecked return value\n- [x] **LOW**: stale comment in `x.py:3`\n');
    deepStrictEqual(f.map((x) => [x.title, x.severity, x.status, locs(x)]), [
      ['unchecked return value', 'high', 'open', ['file.ts:12-12']],
      ['stale comment in x.py:3', 'low', 'fixed', ['x.py:3-3']],
    ]);
  });

  it('field lines and counts are not findings', () => {
    strictEqual(findings('## Findings\n\n- **Status:** Fixed\n- Medium: 2 issues\n').length, 0);
  });
});
