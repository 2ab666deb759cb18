import { execFile } from 'node:child_process';

/** How the adapter runs git (design §5.6). */
export interface GitOptions {
  /** The git binary: VS Code's `git.path` when set, else `git` on PATH. */
  gitPath?: string;
  /** Per command; on expiry the command is killed and its locations are `unknown`. */
  timeoutMs?: number;
  /** Output cap per command, in bytes. */
  maxBytes?: number;
  /** Called before each git process starts (tests count processes; Restricted Mode must see none). */
  onSpawn?: (args: readonly string[]) => void;
}

export type GitResult = { ok: true; stdout: Buffer } | { ok: false; message: string };

export const DEFAULT_TIMEOUT_MS = 10_000;
export const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;

/**
 * Runs git with no shell. Report text never reaches argv as an option or a revision: callers
 * pass only commit ids that `cat-file --batch-check` returned, and paths after `--`, read
 * literally (`--literal-pathspecs`: `app/[id]/page.tsx` is no glob). `LC_ALL=C` keeps the
 * messages parsed ("Binary files … differ") in English; `GIT_OPTIONAL_LOCKS=0` keeps our reads
 * from taking `index.lock` under the user's own git; no prompt ever waits for a terminal.
 */
export function runGit(cwd: string, args: readonly string[], options: GitOptions = {}, input?: string): Promise<GitResult> {
  const { file, argv, env } = gitCommand(args, options);
  options.onSpawn?.(argv);
  return new Promise((resolve) => {
    const child = execFile(
      file,
      argv,
      {
        cwd,
        encoding: 'buffer',
        timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
        maxBuffer: options.maxBytes ?? DEFAULT_MAX_BYTES,
        windowsHide: true,
        env,
      },
      (err, stdout, stderr) => {
        if (!err) return resolve({ ok: true, stdout });
        const e = err as NodeJS.ErrnoException & { killed?: boolean; signal?: string };
        const first = stderr.toString('utf8').split('\n').find((l) => l.trim() !== '') ?? e.message.split('\n')[0];
        if (e.code === 'ENOENT') return resolve({ ok: false, message: `git was not found (${options.gitPath ?? 'git'})` });
        if (e.code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER') return resolve({ ok: false, message: 'git printed more than the output cap' });
        if (e.killed || e.signal === 'SIGTERM') return resolve({ ok: false, message: 'git did not answer in time' });
        resolve({ ok: false, message: first.trim() });
      },
    );
    child.stdin?.on('error', () => undefined);
    child.stdin?.end(input ?? '');
  });
}

/** The binary, argv and environment of every git process the adapter starts (`runGit` and `CatFileBatch` alike). */
export function gitCommand(args: readonly string[], options: GitOptions): { file: string; argv: string[]; env: NodeJS.ProcessEnv } {
  return {
    file: options.gitPath ?? 'git',
    argv: ['--literal-pathspecs', '-c', 'core.quotepath=off', ...args],
    env: { ...process.env, LC_ALL: 'C', LANGUAGE: 'C', GIT_OPTIONAL_LOCKS: '0', GIT_TERMINAL_PROMPT: '0', GIT_PAGER: 'cat' },
  };
}

/** Splits paths into argv chunks under ~24k characters (Windows' command line stops at 32k). */
export function chunkPaths(paths: readonly string[], limit = 24_000): string[][] {
  const chunks: string[][] = [];
  let cur: string[] = [];
  let size = 0;
  for (const p of paths) {
    if (cur.length > 0 && size + p.length + 1 > limit) {
      chunks.push(cur);
      cur = [];
      size = 0;
    }
    cur.push(p);
    size += p.length + 1;
  }
  if (cur.length > 0) chunks.push(cur);
  return chunks;
}
