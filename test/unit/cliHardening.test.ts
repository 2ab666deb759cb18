import { deepStrictEqual, match, ok, strictEqual } from 'node:assert';
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readReportFileSync } from '../../src/node/readReportFile';
import { parseReport } from '../../src/core';

// These run the built bin, as CI would.
const BIN = join(__dirname, '../../../dist/cli.js');

/** The bundle copied into a fresh folder that every user may read (the CLI is one file). */
function readableCopy(bin: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'audit-lens-bin-'));
  chmodSync(dir, 0o755);
  const copy = join(dir, 'cli.js');
  copyFileSync(bin, copy);
  chmodSync(copy, 0o644);
  return copy;
}

interface Run {
  code: number | null;
  out: string;
  err: string;
}

function cli(args: string[], env: NodeJS.ProcessEnv = {}): Run {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, ...env } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function cliAsync(args: string[]): Promise<Run> {
  return new Promise((done) => {
    const p = spawn(process.execPath, [BIN, ...args]);
    let out = '';
    let err = '';
    p.stdout.on('data', (d: Buffer) => (out += d));
    p.stderr.on('data', (d: Buffer) => (err += d));
    p.on('close', (code) => done({ code, out, err }));
  });
}

/** One line on stderr, no stack trace. */
function oneLine(r: Run): void {
  strictEqual(r.err.trim().split('\n').length, 1, r.err);
  ok(!/\n\s+at /.test(r.err), r.err);
}

const REPORT = ['# Review', '', '## Findings', '', '### H1. Critical thing', '', '**Severity:** Critical', '**File:** `src/a.ts:2`', '', '### L1. Minor', '', '**Severity:** Low', ''].join('\n');

describe('CLI hardening (dist/cli.js)', () => {
  let root: string;
  let cacheHome: string;
  const env = (): NodeJS.ProcessEnv => ({ XDG_CACHE_HOME: cacheHome });

  beforeEach(() => {
    root = realpathSync(mkdtempSync(join(tmpdir(), 'audit-lens-hard-')));
    cacheHome = mkdtempSync(join(tmpdir(), 'audit-lens-cachehome-'));
    mkdirSync(join(root, 'src'));
    writeFileSync(join(root, 'src/a.ts'), 'a\nb\nc\n');
    writeFileSync(join(root, 'security-review.md'), REPORT);
  });

  afterEach(() => {
    chmodSync(root, 0o755);
    rmSync(root, { recursive: true, force: true });
    rmSync(cacheHome, { recursive: true, force: true });
  });

  it('bad paths are usage errors: exit 2, one line', () => {
    for (const args of [['check', '--root', '/nonexistent'], ['scan', '--root', '/nonexistent'], ['export', '--format', 'sarif', '--root', root, '--output', '/no/such/dir/x.sarif']]) {
      const r = cli(args);
      strictEqual(r.code, 2, args.join(' '));
      oneLine(r);
    }
    match(cli(['check', '--root', '/nonexistent']).err, /^audit-lens: Root folder not found: \/nonexistent\n$/);
    match(cli(['export', '--format', 'sarif', '--root', root, '--output', '/no/such/dir/x.sarif']).err, /Folder not found: \/no\/such\/dir/);
  });

  it('check on a root with no reports: exit 2 "no reports found", unless --allow-empty', () => {
    const empty = mkdtempSync(join(tmpdir(), 'audit-lens-empty-'));
    try {
      const r = cli(['check', '--root', empty]);
      strictEqual(r.code, 2);
      match(r.err, /no reports found/);
      strictEqual(cli(['check', '--root', empty, '--allow-empty']).code, 0);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it('set-status accepts Fixed, false positive and false-positive', () => {
    const file = join(root, 'security-review.md');
    for (const [status, want] of [['Fixed', 'fixed'], ['false positive', 'false_positive'], ['false-positive', 'false_positive'], ['OPEN', 'open']] as const) {
      const r = cli(['set-status', '--root', root, file, 'h1', status, '--no-date']);
      strictEqual(r.code, 0, r.err);
      strictEqual(parseReport(readFileSync(file, 'utf8')).findings[0].status, want);
    }
  });

  it('gates fail closed: an unreadable report fails check with exit 2 and the reason, unless --allow-unreadable', () => {
    writeFileSync(join(root, 'binary-audit.md'), Buffer.concat([Buffer.from('### C1. Critical\n\n**Severity:** Critical\n'), Buffer.from([0])]));
    const r = cli(['check', '--root', root, '--fail-on', 'critical']);
    strictEqual(r.code, 2);
    match(r.out, /error: binary-audit\.md: Skipped: binary file/);
    match(r.err, /1 report could not be read/);
    const allowed = cli(['check', '--root', root, '--fail-on', 'critical', '--allow-unreadable']);
    strictEqual(allowed.code, 1, 'H1 is still an open critical finding');
    writeFileSync(join(root, 'huge-audit.md'), Buffer.alloc(5 * 1024 * 1024 + 1, 0x61));
    strictEqual(cli(['check', '--root', root, '--fail-on', 'info', '--allow-unreadable']).code, 1);
    strictEqual(cli(['check', '--root', root, '--fail-on', 'info']).code, 2);
  });

  it('20 concurrent set-status writers, 10 times: no update is lost', async function () {
    this.timeout(240_000);
    const ids = Array.from({ length: 20 }, (_, i) => `F${i + 1}`);
    const md = ['# Audit', '', '## Findings', '', ...ids.flatMap((id) => [`### ${id}. Finding ${id}`, '', '**Severity:** High', ''])].join('\n');
    const file = join(root, 'security-review.md');
    for (let round = 0; round < 10; round++) {
      writeFileSync(file, md);
      const runs = await Promise.all(ids.map((id) => cliAsync(['set-status', '--root', root, file, id, 'fixed', '--note', `round ${round}`])));
      deepStrictEqual(runs.map((r) => r.code), ids.map(() => 0), runs.map((r) => r.err).join(''));
      const after = parseReport(readFileSync(file, 'utf8')).findings;
      deepStrictEqual(after.map((f) => f.status), ids.map(() => 'fixed'), `round ${round}`);
      deepStrictEqual(readdirSync(root).filter((n) => n.startsWith('.')), [], 'no lock or temporary file left behind');
    }
  });

  it('a read-only report is refused: exit 3, unchanged', () => {
    const file = join(root, 'security-review.md');
    chmodSync(file, 0o444);
    const r = cli(['set-status', '--root', root, file, 'H1', 'fixed']);
    strictEqual(r.code, 3);
    match(r.err, /read-only; nothing written/);
    oneLine(r);
    strictEqual(readFileSync(file, 'utf8'), REPORT);
  });

  it('export refuses a symlinked output path and never writes through it', () => {
    const victim = join(root, 'victim.txt');
    writeFileSync(victim, 'precious');
    symlinkSync(victim, join(root, 'out.sarif'));
    const r = cli(['export', '--format', 'sarif', '--root', root, '--output', join(root, 'out.sarif')]);
    strictEqual(r.code, 3);
    match(r.err, /symbolic link/);
    strictEqual(readFileSync(victim, 'utf8'), 'precious');
  });

  it('a full disk: exit 3, one line, no 0-byte or temporary file left', () => {
    // RLIMIT_FSIZE makes writes past 512 bytes fail with EFBIG, as a full disk fails with ENOSPC.
    const out = join(root, 'x.sarif');
    const r = spawnSync('sh', ['-c', 'trap "" XFSZ; ulimit -f 1; exec "$0" "$@"', process.execPath, BIN, 'export', '--format', 'sarif', '--root', root, '--output', out], { encoding: 'utf8' });
    strictEqual(r.status, 3, r.stderr);
    match(r.stderr, /^audit-lens: No space left to write .*x\.sarif \(EFBIG\); nothing written\.\n$/);
    strictEqual(existsSync(out), false);
    deepStrictEqual(readdirSync(root).filter((n) => n.endsWith('.tmp')), []);
  });

  it('an unwritable folder: exit 3, one line, the report unchanged', () => {
    const file = join(root, 'security-review.md');
    chmodSync(root, 0o555);
    // root ignores folder permissions: run the bin as nobody then, from a copy nobody can read (the
    // checkout may sit in a folder only its owner can enter, as `mktemp -d` makes one).
    const isRoot = process.getuid?.() === 0;
    const asNobody = isRoot ? { uid: 65534, gid: 65534 } : {};
    const bin = isRoot ? readableCopy(BIN) : BIN;
    chmodSync(file, 0o666);
    const r = spawnSync(process.execPath, [bin, 'set-status', '--root', root, file, 'H1', 'fixed'], { encoding: 'utf8', ...asNobody, cwd: '/' });
    strictEqual(r.status, 3, r.stderr);
    match(r.stderr, /^audit-lens: Cannot write in .*permission denied \(EACCES\); nothing written\.\n$/);
    strictEqual(readFileSync(file, 'utf8'), REPORT);
  });

  it('terminal output escapes control characters and bidi overrides', () => {
    writeFileSync(join(root, 'security-review.md'), '## Findings\n\n### C1. Evil\u001b[2K\u0008OK: no open findings\u202e\u009b31m\n\n**Severity:** Critical\n');
    const r = cli(['check', '--root', root, '--fail-on', 'critical']);
    strictEqual(r.code, 1);
    ok(!/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/.test(r.out + r.err), JSON.stringify(r.out));
    match(r.out, /Evil\\x1b\[2K\\x08OK: no open findings\\u202e\\x9b31m/);
    const json = cli(['scan', '--root', root, '--json']);
    ok(!/[\u007f-\u009f\u202a-\u202e]/.test(json.out));
    match((JSON.parse(json.out) as { reports: Array<{ findings: Array<{ title: string }> }> }).reports[0].findings[0].title, /\u202e/);
  });

  it('the cache: outside the repo, content-keyed, hostile cache files ignored, a failed save only warns', () => {
    const committed = join(root, '.audit-lens-cache.json');
    writeFileSync(committed, JSON.stringify({ version: 1, parser: '0.1.0', entries: 5 }));
    const first = cli(['check', '--root', root, '--cache'], env());
    strictEqual(first.code, 1);
    const cacheDir = join(cacheHome, 'audit-lens');
    const [file] = readdirSync(cacheDir);
    // A poisoned cache (every finding fixed) for the same content hash is not trusted blindly: a
    // wrong shape is dropped; the gate re-reads and stays red.
    writeFileSync(join(cacheDir, file), JSON.stringify({ version: 2, parser: '0.1.0', entries: { 'security-review.md': { sha256: 'x', report: {}, notes: [] } } }));
    strictEqual(cli(['check', '--root', root, '--cache'], env()).code, 1);
    // A FIFO or a symlink to /dev/zero as the cache file: ignored, no hang.
    rmSync(join(cacheDir, file));
    spawnSync('mkfifo', [join(cacheDir, file)]);
    strictEqual(cli(['check', '--root', root, '--cache'], env()).code, 1);
    rmSync(join(cacheDir, file));
    symlinkSync('/dev/zero', join(cacheDir, file));
    strictEqual(cli(['check', '--root', root, '--cache'], env()).code, 1);
    // A cache that cannot be saved (a folder in its place): a warning, and the run goes on.
    rmSync(join(cacheDir, file));
    mkdirSync(join(cacheDir, file));
    const warned = cli(['check', '--root', root, '--cache'], env());
    strictEqual(warned.code, 1);
    match(warned.err, /warning: the cache was not saved/);
    // A changed report is seen even with its size and mtime unchanged.
    rmSync(join(cacheDir, file), { recursive: true });
    strictEqual(cli(['check', '--root', root, '--cache'], env()).code, 1);
    const same = REPORT.replace('**Severity:** Critical', '**Severity:** Info    ');
    strictEqual(same.length, REPORT.length);
    writeFileSync(join(root, 'security-review.md'), same);
    strictEqual(cli(['check', '--root', root, '--cache', '--fail-on', 'high'], env()).code, 0);
  });

  it('a report swapped for a symlink out of the root after listing is not read', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'audit-lens-out-'));
    try {
      writeFileSync(join(outside, 'secret.md'), '### C1. Secret\n');
      rmSync(join(root, 'security-review.md'));
      symlinkSync(join(outside, 'secret.md'), join(root, 'security-review.md'));
      // The read itself checks where the opened file really is, whatever the listing saw.
      const read = readReportFileSync(join(root, 'security-review.md'), root);
      deepStrictEqual(read, { ok: false, message: 'Not read: the file is outside the root (or was replaced while being read).' });
      const inside = readReportFileSync(join(root, 'src/a.ts'), root);
      strictEqual(inside.ok && inside.text, 'a\nb\nc\n');
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });
});
