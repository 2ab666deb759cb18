import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Builds a benchmark workspace: 1,000 reports (~8 MB) cut from real reports, spread over
 * 100 service folders with source files for the locations to resolve against.
 */
export function generateWorkspace(dir: string, sources: string[]): { reports: number; bytes: number } {
  rmSync(dir, { recursive: true, force: true });
  const texts = sources.flatMap((s) => readdirSync(s).filter((f) => f.endsWith('.md') && f !== 'ATTRIBUTION.md' && f !== 'MANIFEST.md').map((f) => readFileSync(join(s, f), 'utf8')));
  let bytes = 0;
  for (let i = 0; i < 1000; i++) {
    const service = `services/svc-${String(i % 100).padStart(3, '0')}`;
    const folder = join(dir, service, i % 3 === 0 ? 'docs/audits' : i % 3 === 1 ? 'security' : 'reviews');
    mkdirSync(folder, { recursive: true });
    // Sizes vary between 4 and 12 KB, cut at a line break, averaging ~8 KB.
    const source = texts[i % texts.length];
    const size = 4096 + ((i * 7919) % 8192);
    let text = source.length > size ? source.slice(0, source.indexOf('\n', size) + 1 || size) : source;
    text += `\n<!-- bench copy ${i} -->\n`;
    writeFileSync(join(folder, `report-${i}-audit.md`), text);
    bytes += Buffer.byteLength(text);
  }
  for (let s = 0; s < 100; s++) {
    const src = join(dir, `services/svc-${String(s).padStart(3, '0')}/src`);
    mkdirSync(src, { recursive: true });
    for (const name of ['main.go', 'handlers.go', 'auth.ts', 'index.ts', 'lib.rs', 'Contract.sol', 'app.py', 'config.yaml']) {
      writeFileSync(join(src, name), '// bench\n'.repeat(50));
    }
  }
  return { reports: 1000, bytes };
}
