import { deepStrictEqual, ok, strictEqual } from 'node:assert';
import fc from 'fast-check';
import { applyTextEdits, parseReport, setFindingStatus, StatusEditError, STATUSES, type Finding } from '../../src/core';

// Pieces of real report syntax, recombined at random so the properties meet the shapes the
// parser must survive: ids, severities, fields, checkboxes, tables, fences, odd line breaks.
const word = fc.constantFrom('race', 'token', 'leak', 'cache', 'Overflow', 'auth', 'query', 'HIGH', 'fixed', '`x`', '**b**', '~~s~~', '[l](u)', 'é', '🔴', '✅', '|', '#', '-', ':');
const title = fc.array(word, { minLength: 1, maxLength: 5 }).map((w) => w.join(' '));
const path = fc.constantFrom('src/a.ts', 'lib/b.go', 'x.py', 'Dockerfile', 'deep/dir/c.rs');
const loc = fc.tuple(path, fc.integer({ min: 1, max: 500 }), fc.integer({ min: 0, max: 20 })).map(([p, a, n]) => (n === 0 ? `\`${p}:${a}\`` : `\`${p}:${a}-${a + n}\``));
const id = fc.constantFrom('', 'H1. ', '[M-02] ', 'C-3: ', '1. ', '4.2 ', 'BUG-01 — ', '#7 ', 'Issue #2: ');
const sev = fc.constantFrom('Critical', 'High', 'Medium', 'Low', 'Info', 'weird');
const status = fc.constantFrom('Open', 'Fixed', '✅ Resolved', 'Deferred', "Won't fix", 'False positive', '???');
const eol = fc.constantFrom('\n', '\r\n');

const headingFinding = fc
  .tuple(fc.integer({ min: 2, max: 4 }), id, title, fc.option(sev), fc.option(status), fc.array(fc.oneof(loc, title), { maxLength: 3 }))
  .map(([level, i, t, s, st, body]) =>
    [`${'#'.repeat(level)} ${i}${t}`, '', ...(s ? [`**Severity:** ${s}`] : []), ...(st ? [`**Status:** ${st}`] : []), ...body.map((b) => `Text ${b}.`), ''].join('\n'),
  );
const listSection = fc
  .tuple(fc.constantFrom('## Findings', '## Remaining Issues', '### HIGH', '## Notes'), fc.array(fc.tuple(fc.constantFrom('- ', '- [ ] ', '- [x] ', '1. ', '* '), fc.option(sev), title, fc.option(loc)), { minLength: 1, maxLength: 4 }))
  .map(([h, items]) => [h, '', ...items.map(([m, s, t, l]) => `${m}${s ? `**${s.toUpperCase()}: ${t}**` : t}${l ? ` — ${l}` : ''}`), ''].join('\n'));
const table = fc
  .array(fc.tuple(fc.constantFrom('T-1', 'T-2', 'X-9', ''), title, sev, fc.option(status)), { minLength: 1, maxLength: 3 })
  .map((rows) => ['| ID | Title | Severity | Status |', '|---|---|---|---|', ...rows.map(([i, t, s, st]) => `| ${i} | ${t.replace(/\|/g, '\\|')} | ${s} | ${st ?? ''} |`), ''].join('\n'));
const fence = fc.tuple(fc.constantFrom('```', '~~~', '````'), fc.array(title, { maxLength: 3 })).map(([f, lines]) => [f + 'js', ...lines, f, ''].join('\n'));
const prose = fc.array(title, { minLength: 1, maxLength: 3 }).map((l) => l.join(' ') + '\n');
const report = fc
  .tuple(fc.array(fc.oneof(headingFinding, listSection, table, fence, prose), { minLength: 1, maxLength: 8 }), eol, fc.boolean(), fc.boolean())
  .map(([blocks, nl, bom, finalNewline]) => {
    let text = ('# Report\n\n' + blocks.join('\n')).replace(/\n/g, nl);
    if (!finalNewline) text = text.replace(/(\r?\n)+$/, '');
    return bom ? '\ufeff' + text : text;
  });

const shape = (f: Finding) => ({ id: f.id, title: f.title, severity: f.severity, locations: f.locations, kind: f.kind });

describe('properties', function () {
  this.timeout(120000);

  it('the parser never throws on random text or bytes', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (s) => void parseReport(s)), { numRuns: 400 });
    fc.assert(fc.property(fc.uint8Array({ maxLength: 400 }), (b) => void parseReport(Buffer.from(b).toString('utf8'))), { numRuns: 300 });
    fc.assert(fc.property(report, (md) => void parseReport(md)), { numRuns: 300 });
  });

  it('a write-back changes nothing outside its lines, and re-parsing changes only that status', () => {
    let tried = 0;
    const refused: string[] = [];
    fc.assert(
      fc.property(report, fc.nat(), fc.constantFrom(...STATUSES), fc.option(fc.constantFrom('needs review', 'see PR 12')), (md, pick, next, note) => {
        const before = parseReport(md).findings;
        if (before.length === 0) return;
        const target = before[pick % before.length];
        tried++;
        let edits;
        try {
          ({ edits } = setFindingStatus(md, target.id, next, note ? { note, date: '2026-11-23' } : {}));
        } catch (e) {
          // Where a status line would make the reader see other findings differently (an item `- -`
          // that gains a status field lends weight to a table row beside it), the write is refused
          // and nothing is written: the guarantee holds by writing nothing.
          if (e instanceof StatusEditError && e.code === 'unwritable') {
            refused.push(md);
            return;
          }
          throw e;
        }
        const out = applyTextEdits(md, edits);
        for (const e of edits) {
          // Untouched: everything before the edited line's start and after its end.
          const lineStart = md.lastIndexOf('\n', e.start - 1) + 1;
          const nextBreak = md.slice(e.end).search(/\r?\n|$/);
          const lineEnd = e.end + nextBreak;
          ok(out.startsWith(md.slice(0, lineStart)));
          ok(out.endsWith(md.slice(lineEnd)));
        }
        const after = parseReport(out).findings;
        deepStrictEqual(after.map(shape), before.map(shape));
        after.forEach((f, i) => strictEqual(f.status, f.id === target.id ? next : before[i].status));
        strictEqual(setFindingStatus(out, target.id, next).edits.length, 0);
      }),
      { numRuns: 500 },
    );
    // Refusals are the rare edge, not the way the property passes.
    ok(refused.length * 20 <= tried, `${refused.length} of ${tried} writes refused, e.g. ${JSON.stringify(refused[0])}`);
  });
});
