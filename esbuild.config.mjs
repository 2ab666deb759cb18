// Builds the shipped bundles (extension, its parse worker, CLI) and, with --tests/--bench, the
// Node-side test and benchmark bundles. ESM-only unified packages are bundled
// into CommonJS here, so nothing at run time needs an ESM loader.
import * as esbuild from 'esbuild';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));

const args = new Set(process.argv.slice(2));

/** @param {string} dir @param {RegExp} pattern @returns {string[]} */
function findFiles(dir, pattern) {
  let out = [];
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out = out.concat(findFiles(full, pattern));
    else if (pattern.test(name)) out.push(full);
  }
  return out;
}

/** @type {esbuild.BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  define: { __VERSION__: JSON.stringify(pkg.version) },
};

const builds = [];
if (args.has('--tests')) {
  builds.push(esbuild.build({
    ...common,
    entryPoints: findFiles('test/unit', /\.test\.ts$/),
    outdir: 'out/test/unit',
    outbase: 'test/unit',
    external: ['mocha', 'fast-check'],
  }));
} else if (args.has('--integration')) {
  // The suite runs inside a real VS Code extension host: `vscode` comes from the host.
  builds.push(esbuild.build({
    ...common,
    entryPoints: ['test/integration/index.ts', ...findFiles('test/integration/suite', /\.test\.ts$/)],
    outdir: 'out/test/integration',
    outbase: 'test/integration',
    external: ['vscode', 'mocha'],
  }));
} else if (args.has('--bench')) {
  builds.push(esbuild.build({ ...common, entryPoints: findFiles('bench', /\.ts$/), outdir: 'out/bench', outbase: 'bench' }));
} else {
  builds.push(esbuild.build({
    ...common,
    entryPoints: { cli: 'src/cli/main.ts' },
    outdir: 'dist',
    // Minified like the extension (issue #9): half the bytes to load on every run. The source
    // map stays next to it for readable stacks; the .vsix never ships either.
    minify: true,
    banner: { js: '#!/usr/bin/env node' },
  }));
  builds.push(esbuild.build({
    ...common,
    // The parse worker ships next to the extension, which starts it from dist/parseWorker.js.
    entryPoints: { extension: 'src/extension/extension.ts', parseWorker: 'src/worker/parseWorker.ts' },
    outdir: 'dist',
    external: ['vscode'],
    // The shipped extension is always minified; the source map keeps stacks readable.
    minify: true,
  }));
}
await Promise.all(builds);
