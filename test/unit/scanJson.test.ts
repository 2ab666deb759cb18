import { deepStrictEqual, strictEqual } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main';
import { formatTable } from '../../src/cli/formatTable';
import { scanRoot } from '../../src/cli/scanRoot';
import { scanWith } from '../../src/cli/commands/scanCommand';
import type { CliIo } from '../../src/cli/cliIo';
import { terminalSafeJson } from '../../src/cli/terminalText';
import { parseReport, readForScan } from '../../src/core';
import { currentStatusValues } from '../../src/core/edit/setFindingStatus';
import { statusNote } from '../../src/core/edit/statusValue';

const corpus = join(__dirname, '../../../test/fixtures/corpus');
const cli = join(__dirname, '../../../dist/cli.js');

/**
 * What `scan --json` printed before it streamed: the whole result, locations mapped as the scan
 * maps them (#10), in one `JSON.stringify(…, null, 2)`, then a newline.
 */
async function wholeJson(root: string): Promise<string> {
  const io: CliIo = { out: () => {}, err: () => {} };
  return terminalSafeJson(JSON.stringify(await scanWith(root, [], false, 'test', io, true), null, 2)) + '\n';
}

async function streamed(...argv: string[]): Promise<string> {
  const out: string[] = [];
  strictEqual(await main(argv, (s) => out.push(s + '\n'), () => {}), 0);
  return out.join('');
}

describe('scan --json, written report by report', function () {
  this.timeout(60000);
  let root: string;

  beforeEach(() => {
    root = realpathSync(mkdtempSync(join(tmpdir(), 'audit-lens-stream-')));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('prints the same bytes as the whole result stringified, on the corpus fixtures with errors among them', async () => {
    mkdirSync(join(root, 'audits'));
    for (const f of readdirSync(corpus).filter((n) => n.endsWith('.md') && n !== 'ATTRIBUTION.md')) {
      writeFileSync(join(root, 'audits', f), readFileSync(join(corpus, f)));
    }
    // Errors, a report with no findings, a title with a bidi control and a C1 control.
    writeFileSync(join(root, 'audits/binary-audit.md'), Buffer.from([0x23, 0, 1, 2]));
    writeFileSync(join(root, 'audits/empty-audit.md'), '# Nothing here\n');
    writeFileSync(join(root, 'audits/odd-audit.md'), '# Review \u202e\u0085 odd\n\n### H1. Title \u2028 with controls\n\n**Severity:** High\n');
    const expected = await wholeJson(root);
    strictEqual(JSON.parse(expected).errors.length, 1);
    strictEqual(await streamed('scan', '--root', root, '--json'), expected);
    // The shipped bundle, through a real stdout.
    const r = spawnSync(process.execPath, [cli, 'scan', '--root', root, '--json'], { encoding: 'utf8', maxBuffer: 1 << 28 });
    strictEqual(r.status, 0);
    strictEqual(r.stdout, expected);
  });

  it('the same bytes with one report, with no report, and with errors only', async () => {
    writeFileSync(join(root, 'AUDIT.md'), '# A\n\n### H1. One\n\n**File:** `a.ts:1`\n');
    strictEqual(await streamed('scan', '--root', root, '--json'), await wholeJson(root));
    rmSync(join(root, 'AUDIT.md'));
    strictEqual(await streamed('scan', '--root', root, '--json'), await wholeJson(root));
    writeFileSync(join(root, 'AUDIT.md'), Buffer.from([0, 0, 0]));
    writeFileSync(join(root, 'REVIEW.md'), Buffer.from([0, 1, 0]));
    const expected = await wholeJson(root);
    strictEqual(JSON.parse(expected).errors.length, 2);
    strictEqual(await streamed('scan', '--root', root, '--json'), expected);
  });

  it('the table, written report by report, is the table of the whole result', async () => {
    for (const f of readdirSync(corpus).filter((n) => n.endsWith('.md') && n !== 'ATTRIBUTION.md').slice(0, 8)) {
      writeFileSync(join(root, `${f.replace(/\.md$/, '')}-audit.md`), readFileSync(join(corpus, f)));
    }
    writeFileSync(join(root, 'bad-audit.md'), Buffer.from([0, 1]));
    strictEqual(await streamed('scan', '--root', root), formatTable(await scanRoot({ root })) + '\n');
  });
});

describe('readForScan', () => {
  it('reads every corpus fixture as a separate parse and status-note read would (one scan of the lines, not two)', () => {
    const files = readdirSync(corpus).filter((f) => f.endsWith('.md') && f !== 'ATTRIBUTION.md');
    let notes = 0;
    for (const f of files) {
      const text = readFileSync(join(corpus, f), 'utf8');
      const alone = parseReport(text);
      const read = readForScan(text);
      deepStrictEqual(read.report, alone, f);
      // The notes as the report's own second scan gives them.
      deepStrictEqual(read.notes, currentStatusValues(text, alone.findings).map(statusNote), f);
      notes += read.notes.filter((n) => n !== null).length;
    }
    // The comparison means something only if the fixtures carry status notes.
    strictEqual(notes > 20, true, `${notes} status notes in ${files.length} fixtures`);
  });
});
