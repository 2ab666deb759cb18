import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Finding } from '../../../src/core';
import type { AuditLensApi } from '../../../src/extension/extension';
import type { SkippedNode, SkippedReportNode } from '../../../src/extension/treeModel';
import { api, closeEditors, diagnosticFor, fixture, MULTI_ROOT, setSetting, waitFor, writeDisk } from './helpers';

/** What a report author would write to make the hover open a file of their choosing. */
const PASSWD_ARGS = encodeURIComponent(JSON.stringify(['file:///etc/passwd', 1, 1]));
const HOSTILE = `# Security audit

### [X1] Session store is not encrypted

**Severity:** High
**Location:** \`src/auth/sessions.ts:1-3\`

Details are [here](command:auditLens.openLocation?${PASSWD_ARGS}) and <command:auditLens.openLocation?${PASSWD_ARGS}>.
Also [a reference link][evil].

[evil]: command:auditLens.openLocation?${PASSWD_ARGS}
`;

function parts(hovers: vscode.Hover[]): vscode.MarkdownString[] {
  return hovers.flatMap((h) => h.contents).filter((c): c is vscode.MarkdownString => c instanceof vscode.MarkdownString);
}

async function remove(uri: vscode.Uri): Promise<void> {
  await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
}

if (!MULTI_ROOT) {
  describe('Hostile reports: command links, a throwing reader, skipped files', () => {
    const sessions = fixture('src/auth/sessions.ts');
    const login = fixture('src/auth/login.ts');
    let a: AuditLensApi;

    before(async () => {
      a = await api();
      await waitFor(() => diagnosticFor(login, 'H1'), 'H1 on login.ts');
    });

    afterEach(() => closeEditors());

    it('never lets a command link in a report\'s text run, and opens no file outside the workspace', async () => {
      const hostile = fixture('audits/hostile-audit.md');
      await writeDisk(hostile, HOSTILE);
      try {
        await vscode.workspace.openTextDocument(sessions);
        await waitFor(() => diagnosticFor(sessions, 'X1'), 'X1 on sessions.ts');
        // Line 2 of the range: our hover carries the title and links there.
        const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', sessions, new vscode.Position(1, 0))) ?? [];
        const md = parts(hovers);
        const body = md.find((p) => p.value.includes('Details are'));
        assert.ok(body, 'the body is shown');
        assert.ok(!body.isTrusted, 'the report\'s text is rendered untrusted: no command link in it can run');
        assert.ok(!body.value.includes('command:auditLens.openLocation?%5B%22file'), 'inline and autolinks to commands are stripped');
        for (const p of md.filter((m) => m.isTrusted)) {
          assert.ok(!p.value.includes('passwd'), `a trusted part holds none of the report's links: ${p.value}`);
          assert.ok(!p.value.includes('Details are'), 'nor its text');
        }

        const before = vscode.window.activeTextEditor?.document.uri.toString();
        const opened = await vscode.commands.executeCommand('auditLens.openLocation', 'file:///etc/passwd', 1, 1);
        assert.equal(opened, undefined, 'refused');
        const folder = vscode.workspace.workspaceFolders![0].uri;
        await vscode.commands.executeCommand('auditLens.openLocation', `${folder.toString()}/../outside.txt`, 1, 1);
        await vscode.commands.executeCommand('auditLens.openLocation', 'untitled:evil', 1, 1);
        for (const doc of vscode.workspace.textDocuments) {
          assert.ok(doc.uri.path !== '/etc/passwd' && !doc.uri.path.endsWith('/outside.txt') && doc.uri.scheme !== 'untitled', `${doc.uri.toString()} was not opened`);
        }
        assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), before, 'no editor changed');
        const inside = await vscode.commands.executeCommand<vscode.TextEditor | undefined>('auditLens.openLocation', sessions.toString(), 2, 2);
        assert.equal(inside?.document.uri.toString(), sessions.toString(), 'a file of the workspace still opens');
      } finally {
        await remove(hostile);
        await waitFor(() => !diagnosticFor(sessions, 'X1'), 'X1 to leave with its report');
      }
    });

    it('skips a report the reader throws on, and one whose findings make indexing throw, and indexes every other report', async () => {
      // A test seam: the real reader cannot be made to throw on demand, so the index is handed a
      // parser that wraps the real one (its worker) and, on two marked reports, throws itself or
      // hands back findings that make building the index throw (a null finding). What this
      // proves: a throw while reading one report, in the parser or in the extension host after
      // it, is caught for that report alone, during a full scan and on a later edit.
      const throwing = fixture('audits/throwing-audit.md');
      const malformed = fixture('audits/malformed-audit.md');
      const neighbour = fixture('audits/neighbour-audit.md');
      const real = a.index.parser;
      a.index.parser = {
        parse: async (text) => {
          if (text.includes('MAKE-THE-READER-THROW')) throw new Error('simulated reader failure\nwith a second line');
          if (text.includes('MAKE-THE-FINDINGS-NULL')) return { kind: 'parsed', report: { title: 'Malformed', findings: [null as unknown as Finding] } };
          return real.parse(text);
        },
      };
      try {
        await writeDisk(throwing, '# Audit\n\n### [T1] Thrown away\n\n**Severity:** High\n**Location:** `src/auth/sessions.ts:1`\n\nMAKE-THE-READER-THROW\n');
        await writeDisk(malformed, '# Audit\n\n### [M1] Never built\n\n**Severity:** High\n**Location:** `src/auth/sessions.ts:3`\n\nMAKE-THE-FINDINGS-NULL\n');
        await writeDisk(neighbour, '# Audit\n\n### [N1] Read all the same\n\n**Severity:** Low\n**Location:** `src/auth/sessions.ts:2`\n');
        await vscode.commands.executeCommand('auditLens.refresh');
        await waitFor(() => a.index.skippedReports().length === 2, 'both marked reports to be skipped');
        const reasons = Object.fromEntries(a.index.skippedReports().map((s) => [vscode.workspace.asRelativePath(s.uri), s.reason]));
        assert.equal(reasons['audits/throwing-audit.md'], 'Skipped: the reader failed on it (simulated reader failure).', 'one line');
        assert.match(reasons['audits/malformed-audit.md'], /^Skipped: the reader failed on it \(.*null.*\)\.$/, 'the host\'s own throw, on one line');
        assert.ok(a.index.report(neighbour), 'the report next to them is indexed');
        await waitFor(() => diagnosticFor(sessions, 'N1'), 'N1 shown');
        assert.ok(!diagnosticFor(sessions, 'T1'));
        assert.ok(!diagnosticFor(sessions, 'M1'));
        assert.equal(a.statusBar.item.text, '$(shield) 9 open · 1 critical', 'the fixture\'s 8 open findings and N1 are all there, and nothing of the skipped reports');

        const [first] = a.tree.getChildren();
        assert.equal(first.type, 'skipped', 'a warning row heads the tree');
        assert.equal(a.tree.getTreeItem(first).label, '2 reports skipped');
        const rows = a.tree.getChildren(first) as SkippedReportNode[];
        assert.deepEqual(rows.map((r) => r.report.reason).sort(), Object.values(reasons).sort());
        assert.equal(a.tree.getTreeItem(rows[0]).command?.command, 'auditLens.showOutput', 'a click shows the output channel with the reason');
        assert.equal((first as SkippedNode).reports.length, 2);

        // A later edit that makes the report readable brings it back, through the same index.
        await writeDisk(malformed, '# Audit\n\n### [M1] Built now\n\n**Severity:** High\n**Location:** `src/auth/sessions.ts:3`\n');
        await waitFor(() => diagnosticFor(sessions, 'M1'), 'M1 shown once its report reads');
        assert.deepEqual(a.index.skippedReports().map((s) => vscode.workspace.asRelativePath(s.uri)), ['audits/throwing-audit.md']);
      } finally {
        a.index.parser = real;
        await remove(throwing);
        await remove(malformed);
        await remove(neighbour);
        await waitFor(() => a.index.skippedReports().length === 0 && !a.index.report(neighbour), 'the reports gone, nothing skipped');
      }
    });

    it('skips a report that takes longer than auditLens.parseTimeoutMs to read, and reads every other report', async () => {
      // About 4 MB and 35,000 findings: seconds for the reader (11 s when this was written), so
      // far over a 100 ms budget whatever the machine; a few-KB report takes about 1 ms once the
      // worker is warm. A 1 ms budget would be as sure for the big one but not for the small
      // ones (the fixture's reports too), on a busy machine.
      const slow = fixture('audits/slow-audit.md');
      const quick = fixture('audits/quick-audit.md');
      const parts = ['# Audit', ''];
      for (let i = 0; i < 35_000; i++) parts.push(`### [S${i}] Finding number ${i}`, '', '**Severity:** High', '**Location:** `src/auth/sessions.ts:1`', '', 'Words.', '');
      const reason = 'Skipped: took longer than 100 ms to read (auditLens.parseTimeoutMs).';
      // A spy on the output channel: what it is told passes through to it unchanged.
      const warnings: string[] = [];
      const warn = a.log.warn;
      a.log.warn = (message: string, ...args: unknown[]) => {
        warnings.push(message);
        warn.call(a.log, message, ...args);
      };
      try {
        await writeDisk(quick, '# Audit\n\n### [Q1] Read in time\n\n**Severity:** Low\n**Location:** `src/auth/sessions.ts:2`\n');
        await waitFor(() => diagnosticFor(sessions, 'Q1'), 'Q1 shown');
        await setSetting('auditLens.parseTimeoutMs', 100);
        await writeDisk(slow, parts.join('\n'));
        await waitFor(() => a.index.skippedReports().length > 0, 'the slow report to be skipped', 30_000);
        await a.index.reindex();
        assert.deepEqual(
          a.index.skippedReports().map((s) => [vscode.workspace.asRelativePath(s.uri), s.reason]),
          [['audits/slow-audit.md', reason]],
          'the slow report alone is skipped, on a full scan too, with the budget in the reason',
        );
        assert.ok(a.index.report(quick), 'the small report next to it is indexed');
        assert.ok(a.index.report(fixture('reviews/api-review.md')), 'and the fixture\'s reports');
        assert.ok(diagnosticFor(sessions, 'Q1'));
        assert.ok(!diagnosticFor(sessions, 'S0'), 'nothing of the skipped report is shown');
        assert.equal(a.statusBar.item.text, '$(shield) 9 open · 1 critical', 'the fixture\'s 8 open findings and Q1');
        const [first] = a.tree.getChildren();
        assert.equal(a.tree.getTreeItem(first).label, '1 report skipped');
        assert.deepEqual((a.tree.getChildren(first) as SkippedReportNode[]).map((r) => r.report.reason), [reason]);
        assert.ok(warnings.includes(`audits/slow-audit.md: ${reason}`), `the output channel says which report and why: ${JSON.stringify(warnings)}`);
      } finally {
        a.log.warn = warn;
        await setSetting('auditLens.parseTimeoutMs', undefined);
        await remove(slow);
        await remove(quick);
        await waitFor(() => a.index.skippedReports().length === 0 && !a.index.report(quick), 'the reports gone, nothing skipped', 15_000);
      }
    });

    it('neither lists as skipped nor keeps a report deleted while it is being read', async () => {
      // The reader is held on this report until the file is gone: the parse of the file event's
      // reading and a full scan's both come back after the deletion, as over budget, and must not
      // bring it back or list it as skipped (a scan's late answer once left it skipped for good).
      const vanishing = fixture('audits/vanishing-audit.md');
      const real = a.index.parser;
      let release: () => void = () => undefined;
      const held = new Promise<void>((resolve) => (release = resolve));
      let holding = 0;
      a.index.parser = {
        parse: async (text, keeping, key) => {
          if (!text.includes('HOLD-THE-READER')) return real.parse(text, keeping, key);
          holding++;
          await held;
          return { kind: 'overBudget', budgetMs: 1 };
        },
      };
      try {
        await writeDisk(vanishing, '# Audit\n\n### [V1] Vanishes\n\n**Severity:** High\n**Location:** `src/auth/sessions.ts:1`\n\nHOLD-THE-READER\n');
        await waitFor(() => holding >= 1, 'the file event\'s reading to reach the reader');
        const scan = a.index.reindex();
        await waitFor(() => holding >= 2, 'the scan\'s reading to reach the reader');
        await remove(vanishing);
        // The watcher's reading of the deletion (the file is gone) goes first; then the held answers.
        await new Promise((r) => setTimeout(r, 800));
        release();
        await scan;
        await new Promise((r) => setTimeout(r, 300));
        assert.deepEqual(a.index.skippedReports().map((s) => vscode.workspace.asRelativePath(s.uri)), [], 'nothing listed as skipped');
        assert.ok(!a.index.report(vanishing), 'the deleted report is not indexed');
        assert.ok(!diagnosticFor(sessions, 'V1'));
      } finally {
        release();
        a.index.parser = real;
        await remove(vanishing);
      }
    });

    it('lists a binary report and one over 5 MB as skipped, with the reason', async () => {
      const binary = fixture('audits/binary-audit.md');
      const huge = fixture('audits/huge-audit.md');
      try {
        await vscode.workspace.fs.writeFile(binary, new Uint8Array([35, 32, 65, 0, 1, 2, 10]));
        await writeDisk(huge, '# Audit\n\n' + 'x'.repeat(5 * 1024 * 1024 + 10) + '\n');
        await waitFor(() => a.index.skippedReports().length === 2, 'both skipped', 15_000);
        const reasons = Object.fromEntries(a.index.skippedReports().map((s) => [vscode.workspace.asRelativePath(s.uri), s.reason]));
        assert.deepEqual(Object.keys(reasons).sort(), ['audits/binary-audit.md', 'audits/huge-audit.md']);
        assert.match(reasons['audits/binary-audit.md'], /binary file/);
        assert.match(reasons['audits/huge-audit.md'], /over the 5242880-byte limit/);
        assert.equal(a.tree.getTreeItem(a.tree.getChildren()[0]).label, '2 reports skipped');
      } finally {
        await remove(binary);
        await remove(huge);
        await waitFor(() => a.index.skippedReports().length === 0, 'the skipped list empty again');
      }
      assert.notEqual(a.tree.getChildren()[0]?.type, 'skipped', 'the warning row leaves with them');
    });

    it('never reads a report symlinked out of the workspace folder; one symlinked inside it reads', async () => {
      // A repository can plant `AUDIT.md -> ~/.ssh/…`: the host reads reports with the CLI's
      // checks, so the file the link points to is never read, whichever event brings it.
      const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'audit-lens-outside-'));
      const escape = fixture('audits/escape-audit.md');
      const alias = fixture('audits/alias-audit.md');
      const target = fixture('audits/alias-target.md');
      try {
        fs.writeFileSync(path.join(outside, 'secret.md'), '# Audit\n\n### [S1] Secret outside\n\n**Severity:** High\n**Location:** `src/auth/sessions.ts:1`\n');
        await writeDisk(target, '# Audit\n\n### [L1] Linked inside\n\n**Severity:** Low\n**Location:** `src/auth/sessions.ts:2`\n');
        fs.symlinkSync(path.join(outside, 'secret.md'), escape.fsPath);
        fs.symlinkSync(target.fsPath, alias.fsPath);
        await a.index.refreshReport(escape);
        await a.index.refreshReport(alias);
        await waitFor(() => a.index.skippedReports().some((s) => s.uri.toString() === escape.toString()), 'the escaping link skipped');
        const reason = a.index.skippedReports().find((s) => s.uri.toString() === escape.toString())?.reason;
        assert.equal(reason, 'Skipped: not read: the file is outside the root (or was replaced while being read).');
        assert.ok(a.index.report(alias), 'the link inside the folder is read');
        await vscode.commands.executeCommand('auditLens.refresh');
        await waitFor(() => diagnosticFor(sessions, 'L1'), 'L1 shown');
        assert.ok(!diagnosticFor(sessions, 'S1'), 'nothing of the outside file is shown');
        assert.ok(![...a.index.findings()].some((f) => f.finding.title.includes('Secret outside')));
      } finally {
        // The links themselves, never what they point to.
        fs.rmSync(escape.fsPath, { force: true });
        fs.rmSync(alias.fsPath, { force: true });
        await remove(target);
        fs.rmSync(outside, { recursive: true, force: true });
        // The watcher may not report a link's deletion: a scan settles it.
        await vscode.commands.executeCommand('auditLens.refresh');
        await waitFor(() => a.index.skippedReports().length === 0 && !a.index.report(alias), 'the links gone, nothing skipped');
      }
    });
  });
}
