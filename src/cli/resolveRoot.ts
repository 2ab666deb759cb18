import { promises as fs } from 'node:fs';
import { resolve } from 'node:path';
import { CliError, EXIT } from './cliError';

/** The root's real path; a missing root or one that is not a folder is a usage error (exit 2). */
export async function resolveRoot(given: string | undefined): Promise<string> {
  const arg = given ?? '.';
  const real = await fs.realpath(resolve(arg)).catch(() => null);
  if (real === null) throw new CliError(EXIT.usage, `Root folder not found: ${arg}`);
  const stat = await fs.stat(real);
  if (!stat.isDirectory()) throw new CliError(EXIT.usage, `The root is not a folder: ${arg}`);
  return real;
}
