import { deepStrictEqual, ok } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

// The core is handed text and returns data; the lint rule says so too, this test keeps it
// true even if the lint configuration changes. It walks every folder under src/core: the reader
// lives in subfolders (markdown/, detect/, …), which a flat listing would miss.
const CORE = join(__dirname, '../../../src/core');
const FORBIDDEN = /^(vscode|(node:)?(fs|fs\/promises|child_process|worker_threads|net|http|https))$|(^|\/)\.\.\/(cli|extension)(\/|$)/;
// Static imports and re-exports, `require(…)` and dynamic `import(…)`.
const IMPORT = /(?:\bfrom|\brequire\(|\bimport\(|^\s*import)\s*['"]([^'"]+)['"]/gm;

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? tsFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

describe('core boundary', () => {
  const files = tsFiles(CORE).map((f) => relative(CORE, f).split(sep).join('/'));

  it('walks every folder of src/core', () => {
    for (const f of ['parseReport.ts', 'markdown/scanLines.ts', 'detect/detectFindings.ts', 'vocabulary/severityWords.ts', 'dialects/dialects.ts', 'locations/paths.ts', 'edit/setFindingStatus.ts']) {
      ok(files.includes(f), `${f} not found under src/core (found ${files.length} files)`);
    }
  });

  it('src/core imports neither vscode nor the file system, nor the adapters', () => {
    const offenders = files.flatMap((f) =>
      [...readFileSync(join(CORE, f), 'utf8').matchAll(IMPORT)]
        .map((m) => m[1])
        .filter((mod) => FORBIDDEN.test(mod))
        .map((mod) => `${f}: ${mod}`),
    );
    deepStrictEqual(offenders, []);
  });

  it('the check itself catches what it forbids, at any depth', () => {
    const caught = (src: string) => [...src.matchAll(IMPORT)].map((m) => m[1]).filter((mod) => FORBIDDEN.test(mod));
    deepStrictEqual(caught("import * as vscode from 'vscode';"), ['vscode']);
    deepStrictEqual(caught("import { readFileSync } from 'node:fs';"), ['node:fs']);
    deepStrictEqual(caught("const fs = require('fs/promises');"), ['fs/promises']);
    deepStrictEqual(caught("const m = await import('node:child_process');"), ['node:child_process']);
    deepStrictEqual(caught("export { x } from '../../extension/tree';"), ['../../extension/tree']);
    deepStrictEqual(caught("import { y } from '../cli/main';"), ['../cli/main']);
    deepStrictEqual(caught("import 'vscode';"), ['vscode']);
    deepStrictEqual(caught("import { z } from '../markdown/client';\nimport { w } from './fsPaths';"), []);
  });
});
