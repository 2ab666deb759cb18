// `npm run bench:monorepo`: issue #9's CLI figures only (the monorepo scans and set-status),
// without the rest of `npm run bench`. BENCH_QUICK=1 skips the 10,000-report workspace.
import { join } from 'node:path';
import { printFigure } from './figure';
import { monorepoFigures } from './monorepoBench';
import { setStatusFigure } from './setStatusBench';

const repo = join(__dirname, '../..');
const fixtures = join(repo, 'test/fixtures/corpus');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

async function run(): Promise<number> {
  const figures = [...monorepoFigures(repo, fixtures, RUNS), await setStatusFigure(fixtures, RUNS)];
  console.log('');
  figures.forEach(printFigure);
  const failed = figures.filter((f) => !f.pass).length;
  console.log(failed === 0 ? 'all targets met' : `${failed} target(s) missed`);
  return process.argv.includes('--check') && failed > 0 ? 1 : 0;
}

run().then((code) => (process.exitCode = code), (e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
