import { deepStrictEqual } from 'node:assert';
import { mkdirSync, mkdtempSync, promises as fsp, readdirSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { walkTree } from '../../src/node/walkTree';

// The one walker of the CLI (`walkRoot`) and the extension (`listFolder` on disk): both must find
// the same files, whichever way they read a folder.
describe('walkTree', () => {
  let base: string;
  let root: string;

  before(() => {
    base = realpathSync(mkdtempSync(join(tmpdir(), 'audit-lens-walk-')));
    root = join(base, 'root');
    const file = (rel: string): void => {
      mkdirSync(join(root, rel, '..'), { recursive: true });
      writeFileSync(join(root, rel), 'x');
    };
    file('audits/a-audit.md');
    file('src/app.ts');
    file('src/deep/util.ts');
    file('node_modules/pkg/index.js');
    writeFileSync(join(base, 'outside.md'), 'secret');
    mkdirSync(join(base, 'elsewhere'));
    writeFileSync(join(base, 'elsewhere', 'b-audit.md'), 'x');
    symlinkSync(join(root, 'src/app.ts'), join(root, 'audits/link-inside.ts'));
    symlinkSync(join(base, 'outside.md'), join(root, 'audits/link-outside.md'));
    symlinkSync(join(base, 'elsewhere'), join(root, 'linked-folder'));
  });
  after(() => rmSync(base, { recursive: true, force: true }));

  const options = { excludedFolder: (rel: string) => rel === 'node_modules' };
  const sync = (dir: string) => readdirSync(dir, { withFileTypes: true });
  const async = (dir: string) => fsp.readdir(dir, { withFileTypes: true });

  it('lists every file inside, sorted, minus excluded folders, symlinked folders and links out of the root', async () => {
    const expected = ['audits/a-audit.md', 'audits/link-inside.ts', 'src/app.ts', 'src/deep/util.ts'];
    deepStrictEqual(await walkTree(root, sync, options), expected);
    deepStrictEqual(await walkTree(root, async, options), expected);
  });

  it('lists one folder inside the root, paths still from the root', async () => {
    deepStrictEqual(await walkTree(root, async, { ...options, from: 'src' }), ['src/app.ts', 'src/deep/util.ts']);
  });

  it('stops when cancelled', async () => {
    let folders = 0;
    const files = await walkTree(root, async, { ...options, cancelled: () => ++folders > 1 });
    // Only the root's own entries were read: files sit one folder down at least.
    deepStrictEqual(files, []);
  });
});
