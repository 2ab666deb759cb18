import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { api, diagnosticFor, fixture, writeDisk } from './helpers';

// Issue #10: in Restricted Mode no git process is started. This suite runs only in the run that
// keeps VS Code's workspace trust on (`runAllTests.mjs` passes `--untrusted`), where the folder
// opens untrusted; every other run trusts its workspace and skips registering it.
const UNTRUSTED_RUN = process.env.AUDIT_LENS_TEST_UNTRUSTED === '1';

function git(cwd: string, ...args: string[]): string {
  // Run by the test, not by the extension: the extension's own count of git processes must stay 0.
  return execFileSync('git', ['-c', 'user.name=Audit Lens Test', '-c', 'user.email=test@audit-lens.invalid', ...args], { cwd, encoding: 'utf8' }).trim();
}

if (UNTRUSTED_RUN) {
  describe('Restricted Mode', function () {
    this.timeout(60_000);
    const root = (vscode.workspace.workspaceFolders ?? [])[0]?.uri.fsPath ?? '';
    const code = fixture('restricted/calc.ts');
    const report = fixture('restricted/calc-audit.md');

    after(async () => {
      await vscode.workspace.fs.delete(fixture('restricted'), { recursive: true });
      rmSync(join(root, '.git'), { recursive: true, force: true });
    });

    it('opens the workspace untrusted, and the extension runs in it', async () => {
      assert.equal(vscode.workspace.isTrusted, false, 'this run keeps workspace trust on, so the folder is untrusted');
      const a = await api();
      assert.ok(a.index.reports().length > 0, 'reports are read in Restricted Mode');
      assert.equal(a.git.active, false, 'git does not map locations in Restricted Mode');
    });

    it('starts no git process, even for a report written against a commit of a real repository', async () => {
      const a = await api();
      // A repository whose history would move the finding if git ran: three lines inserted above it since the review.
      mkdirSync(join(root, 'restricted'), { recursive: true });
      writeFileSync(join(root, 'restricted/calc.ts'), 'export function div(a: number, b: number): number {\n  return a / b;\n}\n');
      git(root, 'init', '-q', '-b', 'main');
      git(root, 'add', '--', 'restricted');
      git(root, 'commit', '-qm', 'reviewed');
      const base = git(root, 'rev-parse', 'HEAD');
      writeFileSync(join(root, 'restricted/calc.ts'), '// a\n// b\n// c\nexport function div(a: number, b: number): number {\n  return a / b;\n}\n');
      git(root, 'commit', '-qam', 'moved on');
      const before = a.git.spawned;
      await writeDisk(report, `# Calc review\n\nReviewed at commit ${base}.\n\n### R1. Division by zero\n\n**Severity:** High\n\n**Location:** \`restricted/calc.ts:2\`\n`);
      const deadline = Date.now() + 15_000;
      while (!diagnosticFor(code, 'R1') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      const d = diagnosticFor(code, 'R1');
      assert.ok(d, 'the finding shows in Restricted Mode');
      // Give a git run the time it would take (the tracker waits 250 ms after the index publishes).
      await new Promise((r) => setTimeout(r, 2000));
      assert.equal(a.git.spawned, before, 'no git process was started');
      // The written line, not the line git would have mapped it to (5), and the reason in the tracker.
      assert.equal(d.range.start.line, 1);
      const finding = a.index.report(report)?.findings.find((f) => f.finding.reportId === 'R1');
      assert.ok(finding, 'R1 is indexed');
      const tracked = a.tracker.locations(finding)[0].tracked;
      assert.equal(tracked.drift.state, 'unknown');
      assert.match(tracked.drift.note ?? '', /Restricted Mode/);
    });
  });
}
