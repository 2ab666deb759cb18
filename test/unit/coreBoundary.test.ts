import { deepStrictEqual } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// The core is handed text and returns data; the lint rule says so too, this test keeps it
// true even if the lint configuration changes.
describe('core boundary', () => {
  it('src/core imports neither vscode nor the file system, nor the adapters', () => {
    const dir = join(__dirname, '../../../src/core');
    const offenders = readdirSync(dir)
      .filter((f) => f.endsWith('.ts'))
      .flatMap((f) =>
        [...readFileSync(join(dir, f), 'utf8').matchAll(/(?:from|require\()\s*['"]([^'"]+)['"]/g)]
          .map((m) => m[1])
          .filter((mod) => /^(vscode|(node:)?(fs|fs\/promises|child_process|worker_threads|net|http|https))$|\.\.\/(cli|extension)\b/.test(mod))
          .map((mod) => `${f}: ${mod}`),
      );
    deepStrictEqual(offenders, []);
  });
});
