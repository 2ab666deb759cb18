// The set-up every README command does first, on a fresh clone or after a pull:
// `npm ci` when node_modules is missing or does not match package-lock.json.
// It imports nothing outside Node itself, because it runs before anything is
// installed. Usable as a module (`ensureDependencies()`) or on its own:
// `node scripts/bootstrap.mjs`.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repoRoot = join(fileURLToPath(new URL('.', import.meta.url)), '..');

/** An expected failure: its message says it all. */
export class BootstrapError extends Error {}

function log(message) {
  console.log(`[bootstrap] ${message}`);
}

function readJson(path) {
  return JSON.parse(readFileSync(path, 'utf8'));
}

/**
 * Why node_modules does not match the lockfile, or undefined when it does.
 * npm writes node_modules/.package-lock.json (the "hidden lockfile") after every
 * install: it lists exactly what was installed. A package of the lockfile may be
 * absent from it only when it is optional (esbuild's binaries for other platforms).
 * @param {string} root the project folder
 */
export function staleReason(root = repoRoot) {
  const installedPath = join(root, 'node_modules', '.package-lock.json');
  if (!existsSync(join(root, 'node_modules'))) return 'node_modules is missing';
  if (!existsSync(installedPath)) return 'node_modules was not installed by npm from the lockfile';
  const wanted = readJson(join(root, 'package-lock.json')).packages ?? {};
  let installed;
  try {
    installed = readJson(installedPath).packages ?? {};
  } catch {
    return 'node_modules/.package-lock.json is unreadable';
  }
  for (const [path, entry] of Object.entries(wanted)) {
    if (path === '') continue; // The project itself.
    const have = installed[path];
    if (!have) {
      if (entry.optional) continue;
      return `${path} is not installed`;
    }
    if (have.version !== entry.version || (entry.integrity && have.integrity && have.integrity !== entry.integrity)) {
      return `${path} is ${have.version}, the lockfile wants ${entry.version}`;
    }
    if (!existsSync(join(root, path))) return `${path} is listed as installed but its folder is gone`;
  }
  const extra = Object.keys(installed).find((path) => !(path in wanted));
  return extra ? `${extra} is installed but not in the lockfile` : undefined;
}

/**
 * npm itself when we run under `npm run …` (its own executable, so the same
 * version and settings), else the `npm` on PATH.
 */
function npmCommand() {
  const execPath = process.env.npm_execpath;
  return execPath && execPath.endsWith('.js') ? [process.execPath, [execPath]] : ['npm', []];
}

/** package.json's `engines.node` (`>=20.19`), checked before npm would install for the wrong Node. */
function checkNode(root) {
  const wanted = /(\d+)\.(\d+)/.exec(readJson(join(root, 'package.json')).engines?.node ?? '');
  if (!wanted) return;
  const [major, minor] = process.versions.node.split('.').map(Number);
  const [wantMajor, wantMinor] = [Number(wanted[1]), Number(wanted[2])];
  if (major < wantMajor || (major === wantMajor && minor < wantMinor)) {
    throw new BootstrapError(`Node ${wantMajor}.${wantMinor} or later is needed; this is Node ${process.versions.node}`);
  }
}

/**
 * The environment for installing into this project. An outer npm passes its settings down as
 * `npm_config_*` variables; under `npm install -g .` (whose `prepare` runs this) they say
 * "global", and `npm ci` refuses to run globally. Everything else (cache, registry) is kept.
 */
function projectEnv() {
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_config_(global|location)$/i.test(key)));
}

/** Installs the locked dependencies when node_modules is missing or stale; otherwise costs a few milliseconds. */
export function ensureDependencies(root = repoRoot) {
  checkNode(root);
  const reason = staleReason(root);
  if (!reason) return;
  log(`${reason}: running npm ci (a minute or two on a fresh machine)`);
  const started = Date.now();
  const [command, prefix] = npmCommand();
  const result = spawnSync(command, [...prefix, 'ci', '--no-audit', '--no-fund', '--prefer-offline'], {
    cwd: root,
    env: projectEnv(),
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (result.error) throw new BootstrapError(`could not run npm: ${result.error.message}`);
  if (result.status !== 0) throw new BootstrapError(`npm ci failed (exit code ${result.status}): see its output above`);
  const still = staleReason(root);
  if (still) throw new BootstrapError(`npm ci finished, but node_modules still does not match the lockfile: ${still}`);
  log(`dependencies installed (${((Date.now() - started) / 1000).toFixed(1)}s)`);
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    ensureDependencies();
  } catch (error) {
    console.error(`[bootstrap] ${error instanceof BootstrapError ? error.message : error.stack}`);
    process.exit(1);
  }
}
