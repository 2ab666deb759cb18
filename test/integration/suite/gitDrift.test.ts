import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import * as vscode from 'vscode';
import { api, closeEditors, diagnosticFor, fixture, MULTI_ROOT, ourDiagnostics, restore, setSetting, writeDisk } from './helpers';

// Findings follow the code with real git (issue #10), end to end in the real editor: the test
// makes the workspace folder (a temporary copy) a git repository holding only `gitdrift/`,
// commits the code as reviewed, then the code as it is now, and writes a report naming the
// reviewed commit. Nothing stands in for git. Every expected line is worked out by hand from the
// edits below. The repository is removed afterwards, so the other suites see no git.

const AUTH_BASE = [
  "import { timingSafeEqual } from 'node:crypto';", // 1
  '', // 2
  "const SECRET = process.env.API_SECRET ?? '';", // 3
  '', // 4
  'export function checkToken(token: string): boolean {', // 5
  '  return token == SECRET;', // 6
  '}', // 7
  '', // 8
  'export function isAdmin(role: string): boolean {', // 9
  "  return role === 'admin';", // 10
  '}', // 11
];
// Three lines inserted above checkToken: G1 (5-7) moves to 8-10, its code untouched.
const AUTH_NOW = [AUTH_BASE[0], "import { log } from './log';", '// Tokens are compared in constant time below.', '', ...AUTH_BASE.slice(1)];

const OLD_BASE = [
  '// Legacy session store.', // 1
  '', // 2
  'export function legacyLogin(user: string, password: string) {', // 3
  '  const hash = md5(password);', // 4
  '  if (hash === users[user]) {', // 5
  '    return createSession(user);', // 6
  '  }', // 7
  '  return null;', // 8
  '}', // 9
  '', // 10
  'export const VERSION = 2;', // 11
];
// Lines 3-10 deleted by the fix: G2 (4-7) is gone.
const OLD_NOW = [...OLD_BASE.slice(0, 2), OLD_BASE[10]];

const EDIT_BASE = [
  'export function parseAmount(input: string): number {', // 1
  '  const value = Number(input);', // 2
  '  if (value < 0) {', // 3
  "    throw new Error('negative amount');", // 4
  '  }', // 5
  '  return value;', // 6
  '}', // 7
];
// Line 3, inside G3 (2-4), edited: G3 is changed, its range kept.
const EDIT_NOW = EDIT_BASE.map((l, i) => (i === 2 ? '  if (!Number.isFinite(value) || value < 0) {' : l));

const text = (lines: readonly string[]): string => lines.join('\n') + '\n';

function reportText(sha: string): string {
  return text([
    '# Payments audit', // 1
    '', // 2
    `**Commit:** ${sha.slice(0, 7)}`, // 3
    '', // 4
    '### [G1] Token compared with ==', // 5
    '', // 6
    '**Severity:** High', // 7
    '**Location:** `gitdrift/auth.ts:5-7`', // 8
    '', // 9
    '### [G2] MD5 password hashing', // 10
    '', // 11
    '**Severity:** High', // 12
    '**Location:** `gitdrift/old.ts:4-7`', // 13
    '', // 14
    '### [G3] Amount not checked for NaN', // 15
    '', // 16
    '**Severity:** Medium', // 17
    '**Location:** `gitdrift/edit.ts:2-4`', // 18
  ]);
}

function git(cwd: string, ...args: string[]): string {
  try {
    return execFileSync('git', args, {
      cwd,
      encoding: 'utf8',
      env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com', LC_ALL: 'C' },
    }).trim();
  } catch (error) {
    // Never skipped: without git this suite fails and says why.
    throw new Error(`git ${args.join(' ')} failed (this suite needs git on PATH): ${String(error)}`);
  }
}

function put(root: string, path: string, lines: readonly string[]): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text(lines));
}

async function hoverText(uri: vscode.Uri, line0: number): Promise<string> {
  const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(line0, 4))) ?? [];
  // The hover's Markdown escapes `.` and `-`; what it shows is the text unescaped.
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n').replace(/\\(.)/g, '$1');
}

async function waitLong<T>(probe: () => T | undefined | null | false | Promise<T | undefined | null | false>, what: string): Promise<T> {
  // git answers after the index publishes and a quiet time; on a loaded 2-core machine allow for it.
  const deadline = Date.now() + 20_000;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

if (!MULTI_ROOT) {
  describe('Findings follow the code with real git', function () {
    this.timeout(60_000);
    const root = (vscode.workspace.workspaceFolders ?? [])[0]?.uri.fsPath ?? '';
    const auth = fixture('gitdrift/auth.ts');
    const old = fixture('gitdrift/old.ts');
    const edit = fixture('gitdrift/edit.ts');
    const report = fixture('gitdrift/payments-audit.md');
    let base = '';
    let short = '';

    before(async () => {
      const { git: mapping } = await api();
      assert.ok(vscode.workspace.isTrusted, 'the test workspace is trusted');
      assert.ok(mapping.active, 'git is wired in a trusted workspace with followCode: git (the default)');
      // VS Code's own git extension would open the repository made here and fail when it is
      // removed; it has no part in this test.
      await setSetting('git.enabled', false);
      git(root, 'init', '-q', '-b', 'main');
      git(root, 'config', 'commit.gpgsign', 'false');
      put(root, 'gitdrift/auth.ts', AUTH_BASE);
      put(root, 'gitdrift/old.ts', OLD_BASE);
      put(root, 'gitdrift/edit.ts', EDIT_BASE);
      git(root, 'add', '--', 'gitdrift');
      git(root, 'commit', '-qm', 'code as reviewed');
      base = git(root, 'rev-parse', 'HEAD');
      short = base.slice(0, 7);
      put(root, 'gitdrift/auth.ts', AUTH_NOW);
      put(root, 'gitdrift/old.ts', OLD_NOW);
      put(root, 'gitdrift/edit.ts', EDIT_NOW);
      git(root, 'commit', '-qam', 'the code moves on');
      const before = mapping.spawned;
      // The report arrives last: reading it is what maps it.
      await writeDisk(report, reportText(base));
      await waitLong(() => mapping.spawned > before, 'git to run for the new report');
      await waitLong(() => diagnosticFor(auth, 'G1')?.range.start.line === 7, 'G1 at its mapped line 8');
    });

    afterEach(async () => {
      for (const doc of vscode.workspace.textDocuments) if (doc.isDirty && doc.uri.path.includes('/gitdrift/')) await restore(doc);
      await closeEditors();
    });

    after(async () => {
      await vscode.workspace.fs.delete(fixture('gitdrift'), { recursive: true });
      rmSync(join(root, '.git'), { recursive: true, force: true });
      await setSetting('git.enabled', undefined);
      await waitLong(() => !diagnosticFor(auth, 'G1'), 'G1 to go with its report');
    });

    it('puts the squiggle at the mapped lines: moved code where it is now, changed code flagged, gone code without one', async () => {
      const g1 = diagnosticFor(auth, 'G1');
      // The squiggle is on a finding's first line; the tracker holds the whole range.
      assert.equal(g1?.range.start.line, 7, 'G1 written 5-7, now 8-10');
      const { index, tracker } = await api();
      const finding = index.report(report)?.findings.find((f) => f.finding.id === 'G1');
      assert.ok(finding);
      assert.deepEqual(tracker.locations(finding)[0].tracked.current, { startLine: 8, endLine: 10 });
      assert.equal(tracker.locations(finding)[0].tracked.drift.base, base);
      assert.equal(g1?.message, '[G1] Token compared with ==', 'moved looks as before');
      const g3 = await waitLong(() => diagnosticFor(edit, 'G3'), 'G3 on edit.ts');
      assert.equal(g3.range.start.line, 1, 'G3 stays at 2-4');
      assert.equal(g3.message, `[G3] Amount not checked for NaN (code changed since ${short})`);
      assert.equal(diagnosticFor(old, 'G2'), undefined, 'no squiggle for code that is gone');
    });

    it('the hover says what each finding was written against and where it is now', async () => {
      await vscode.workspace.openTextDocument(auth);
      const moved = await hoverText(auth, 7);
      assert.ok(moved.includes(`Written against ${short} as gitdrift/auth.ts:5-7 · now gitdrift/auth.ts:8-10`), moved);
      await vscode.workspace.openTextDocument(edit);
      const changed = await hoverText(edit, 1);
      assert.ok(changed.includes(`Written against ${short} as gitdrift/edit.ts:2-4 · now gitdrift/edit.ts:2-4 · the code changed since then`), changed);
    });

    it('the gone finding\'s report diagnostic offers Mark Fixed… and Compare with the base, which opens a diff with the base text on the left', async () => {
      await vscode.workspace.openTextDocument(report);
      const gone = await waitLong(() => ourDiagnostics(report).find((d) => d.code === 'location-gone'), 'the report diagnostic of gone code');
      assert.equal(gone.message, `[G2] The code at gitdrift/old.ts:4-7 was deleted after ${short}; the finding may be fixed.`);
      assert.equal(gone.range.start.line, 12, 'on report line 13, where the location is written');
      const actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', report, gone.range)) ?? [];
      const titles = actions.map((a) => a.title);
      assert.ok(titles.includes('Mark G2 Fixed…'), titles.join(', '));
      const compare = actions.find((a) => a.title === `Compare with ${short}`);
      assert.ok(compare?.command, titles.join(', '));
      assert.equal(await vscode.commands.executeCommand(compare.command.command, ...(compare.command.arguments ?? [])), true);
      const input = await waitLong(() => {
        const tab = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
        return tab instanceof vscode.TabInputTextDiff && tab;
      }, 'a diff editor');
      assert.equal(input.original.scheme, 'auditlens-base');
      assert.equal(input.modified.toString(), old.toString(), 'the working file on the right');
      const left = await vscode.workspace.openTextDocument(input.original);
      assert.equal(left.getText(), text(OLD_BASE), 'the file as it was at the base, read by git');
    });

    it('Update line numbers rewrites the moved location in the report, and Undo restores it', async () => {
      const doc = await vscode.workspace.openTextDocument(report);
      await vscode.window.showTextDocument(doc);
      const written = reportText(base);
      assert.equal(doc.getText(), written);
      const outcome = await vscode.commands.executeCommand<{ updated: number; skipped: string[] }>('auditLens.updateLineNumbers', report.toString());
      assert.equal(outcome.updated, 1, `only G1 moved (skipped: ${outcome.skipped.join('; ')})`);
      assert.equal(doc.getText(), written.replace('gitdrift/auth.ts:5-7', 'gitdrift/auth.ts:8-10'), 'only G1\'s numbers changed');
      await vscode.commands.executeCommand('undo');
      await waitLong(() => doc.getText() === written, 'undo to restore the report');
    });

    it('first diagnostics never wait for git: with a git that answers after 3 s, a new report shows its written lines first and moves once git answers', async () => {
      const { git: mapping } = await api();
      // The same git, started 3 s late: every process the tracker runs (cat-file, log, diff) waits.
      const slowGit = join(tmpdir(), `audit-lens-slow-git-${process.pid}.sh`);
      writeFileSync(slowGit, '#!/bin/sh\nsleep 3\nexec git "$@"\n', { mode: 0o755 });
      const slowReport = fixture('gitdrift/slow-audit.md');
      try {
        const before = mapping.spawned;
        // `git.path` is a machine setting: only the user settings (this test run's own profile) take it.
        await vscode.workspace.getConfiguration('git').update('path', slowGit, vscode.ConfigurationTarget.Global);
        // The new git maps the open reports again at once: once it has started, it is in place.
        await waitLong(() => mapping.spawned > before, 'the slow git to be in place');
        const started = Date.now();
        await writeDisk(slowReport, reportText(base).replace(/\[G(\d)\]/g, '[S$1]'));
        const first = await waitLong(() => diagnosticFor(auth, 'S1'), 'S1 to show');
        const shownAfter = Date.now() - started;
        // Written as 5-7: shown there first (on line 6, 0-based 5, the range's first non-blank
        // line in today's file), so it was published before git answered; had it waited, it
        // would first have been seen at the mapped line 8.
        assert.equal(first.range.start.line, 5, `S1 first at its written lines 5-7, shown after ${shownAfter} ms`);
        await waitLong(() => diagnosticFor(auth, 'S1')?.range.start.line === 7, 'S1 to move to its mapped line 8 once git answers');
        // Kept in the test log: the figure for issue #10's "never wait more than 300 ms for git".
        console.log(`      first diagnostic of a new report after ${shownAfter} ms; mapped after ${Date.now() - started} ms (git started 3 s late)`);
      } finally {
        await vscode.workspace.getConfiguration('git').update('path', undefined, vscode.ConfigurationTarget.Global);
        await vscode.workspace.fs.delete(slowReport);
        rmSync(slowGit, { force: true });
      }
      await waitLong(() => !diagnosticFor(auth, 'S1'), 'S1 to go with its report');
    });
  });
}
