import { randomBytes } from 'node:crypto';
import { constants, promises as fs } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { CliError, EXIT } from './cliError';

export interface AtomicWriteOptions {
  /**
   * Called after the new content is safely on disk and immediately before the rename; it
   * throws to abandon the write (the target changed since it was read, for example).
   */
  beforeRename?: () => Promise<void>;
  /** Whether the target must already exist (a report) or may be created (an export). */
  mustExist?: boolean;
}

// O_EXCL: the temporary file is always a new file of ours, never an existing file or a
// symlink planted under its name; O_NOFOLLOW says the same for systems that would follow.
const TMP_FLAGS = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0);

/**
 * Replaces a file's content all at once: the new text goes to a new, exclusively created
 * temporary file with an unpredictable name beside the target, which is then renamed over
 * it, so a crash or a full disk never leaves a half-written or empty file.
 *
 * Refused, with a one-line `CliError`: a target that is a symlink or not a regular file, a
 * read-only target (a rename needs only the folder's permission, so without this check a
 * 0444 report would be replaced silently), and every write failure.
 */
export async function writeFileAtomic(path: string, text: string, options: AtomicWriteOptions = {}): Promise<void> {
  const existing = await fs.lstat(path).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return null;
    throw writeError(path, err);
  });
  if (existing === null && options.mustExist) throw new CliError(EXIT.usage, `Not found: ${path}`);
  if (existing?.isSymbolicLink()) throw new CliError(EXIT.write, `${path} is a symbolic link; refusing to write through it.`);
  if (existing && !existing.isFile()) throw new CliError(EXIT.write, `${path} is not a regular file; nothing written.`);
  if (existing && ((existing.mode & 0o222) === 0 || !(await writable(path)))) {
    throw new CliError(EXIT.write, `${path} is read-only; nothing written.`);
  }
  const dir = dirname(path);
  const folder = await fs.stat(dir).catch(() => null);
  if (folder === null || !folder.isDirectory()) throw new CliError(EXIT.usage, `Folder not found: ${dir}`);

  const tmp = join(dir, `.${basename(path)}.${randomBytes(12).toString('hex')}.tmp`);
  let created = false;
  try {
    const handle = await fs.open(tmp, TMP_FLAGS, existing ? existing.mode & 0o777 : 0o666);
    created = true;
    try {
      await handle.writeFile(text);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await options.beforeRename?.();
    await fs.rename(tmp, path);
  } catch (err) {
    if (created) await fs.rm(tmp, { force: true }).catch(() => undefined);
    throw err instanceof CliError ? err : writeError(path, err as NodeJS.ErrnoException);
  }
}

async function writable(path: string): Promise<boolean> {
  return fs.access(path, constants.W_OK).then(
    () => true,
    () => false,
  );
}

/** A write failure as one line the user can act on. */
export function writeError(path: string, err: NodeJS.ErrnoException): CliError {
  switch (err.code) {
    case 'ENOSPC':
    case 'EDQUOT':
    case 'EFBIG':
      return new CliError(EXIT.write, `No space left to write ${path} (${err.code}); nothing written.`);
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return new CliError(EXIT.write, `Cannot write in ${dirname(path)}: permission denied (${err.code}); nothing written.`);
    case 'ENOENT':
    case 'ENOTDIR':
      return new CliError(EXIT.usage, `Folder not found: ${dirname(path)}`);
    case 'EISDIR':
      return new CliError(EXIT.write, `${path} is a folder; nothing written.`);
    default:
      return new CliError(EXIT.write, `Cannot write ${path}: ${err.code ?? err.message}; nothing written.`);
  }
}
