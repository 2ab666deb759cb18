import { deepStrictEqual, strictEqual } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MAX_REPORT_BYTES } from '../../src/core';
import { readReportFileAsync, readReportFileSync, type ReadResult } from '../../src/node/readReportFile';

// The CLI reads reports with the synchronous reader, the extension host with the asynchronous
// one: both must give the same answer for every kind of path a repository can hold.
const readers: Array<[string, (path: string, root: string) => ReadResult | Promise<ReadResult>]> = [
  ['readReportFileSync', readReportFileSync],
  ['readReportFileAsync', readReportFileAsync],
];

describe('readReportFile: the CLI and the extension read reports with the same checks', () => {
  let root: string;
  let outside: string;
  before(() => {
    root = realpathSync(mkdtempSync(join(tmpdir(), 'audit-lens-read-')));
    outside = realpathSync(mkdtempSync(join(tmpdir(), 'audit-lens-read-out-')));
    writeFileSync(join(root, 'AUDIT.md'), '# Audit\n\n### H-1 Bug in `a.ts:3`\n');
    writeFileSync(join(root, 'binary.md'), Buffer.from([0x23, 0x20, 0x00, 0x41]));
    writeFileSync(join(root, 'huge.md'), Buffer.alloc(MAX_REPORT_BYTES + 1, 0x61));
    mkdirSync(join(root, 'folder.md'));
    writeFileSync(join(outside, 'secret.md'), 'secret\n');
    symlinkSync(join(outside, 'secret.md'), join(root, 'escape.md'));
    symlinkSync(join(root, 'AUDIT.md'), join(root, 'alias.md'));
    execFileSync('mkfifo', [join(root, 'fifo.md')]);
  });
  after(() => {
    rmSync(root, { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
  });

  for (const [name, read] of readers) {
    describe(name, () => {
      it('reads a report, and a symlink to a report inside the root', async () => {
        const direct = await read(join(root, 'AUDIT.md'), root);
        strictEqual(direct.ok && direct.text, '# Audit\n\n### H-1 Bug in `a.ts:3`\n');
        const alias = await read(join(root, 'alias.md'), root);
        strictEqual(alias.ok && alias.text, '# Audit\n\n### H-1 Bug in `a.ts:3`\n');
      });

      it('a missing file and a folder are gone, not refused', async () => {
        deepStrictEqual(await read(join(root, 'missing.md'), root), { ok: false, message: 'Cannot read: ENOENT', gone: true });
        deepStrictEqual(await read(join(root, 'folder.md'), root), { ok: false, message: 'Not a regular file.', gone: true });
      });

      it('refuses a symlink out of the root, a FIFO (without waiting for a writer), a binary and a huge file', async () => {
        deepStrictEqual(await read(join(root, 'escape.md'), root), { ok: false, message: 'Not read: the file is outside the root (or was replaced while being read).' });
        deepStrictEqual(await read(join(root, 'fifo.md'), root), { ok: false, message: 'Not a regular file.' });
        deepStrictEqual(await read(join(root, 'binary.md'), root), { ok: false, message: 'Skipped: binary file (contains NUL bytes).' });
        deepStrictEqual(await read(join(root, 'huge.md'), root), { ok: false, message: `Skipped: ${MAX_REPORT_BYTES + 1} bytes is over the ${MAX_REPORT_BYTES}-byte limit for a report.` });
      });
    });
  }
});
