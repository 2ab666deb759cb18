import type { GitOptions } from '../../node/git';
import type { BaseFileReader } from './baseContent';
import type { BaseMapper } from './baseMapper';
import type { FollowCode } from './followCode';
import { GitBaseFileReader } from './gitBaseFileReader';
import { GitBaseMapper } from './gitBaseMapper';

/** What the switch asks its host (the editor) each time it decides. */
export interface GitSwitchHost {
  /** Workspace trust: a repository's config can name programs git would run, so none runs untrusted. */
  isTrusted(): boolean;
  /** `auditLens.followCode` of every workspace folder, as set. */
  modes(): readonly FollowCode[];
  /** The git binary to run (VS Code's `git.path`), or undefined for `git` on PATH. */
  gitPath(): string | undefined;
  /** Hands the mapper to the tracker (undefined takes it away). */
  apply(mapper: BaseMapper | undefined): void;
  /** Told before each git process starts (the tests count them). */
  onSpawn?(args: readonly string[]): void;
}

/** Whether git may run at all: a trusted workspace with some folder in `git` mode. */
export function gitWanted(trusted: boolean, modes: readonly FollowCode[]): boolean {
  return trusted && modes.includes('git');
}

/**
 * Creates the git mapper and base reader when git may run, and drops them when it may not
 * (trust is never taken back in a session, but `followCode` and `git.path` change). No `vscode`
 * here: the decision is unit-tested, and the editor's `GitMapping` feeds it events.
 */
export class GitSwitch {
  private mapper: GitBaseMapper | undefined;
  private baseReader: GitBaseFileReader | undefined;
  private path: string | undefined;

  constructor(private readonly host: GitSwitchHost) {}

  /** Decides again (on activation, trust granted, a setting changed, folders added). */
  evaluate(): void {
    const want = gitWanted(this.host.isTrusted(), this.host.modes());
    const path = want ? this.host.gitPath() : undefined;
    if (want && this.mapper && path === this.path) return;
    if (!want && !this.mapper) return;
    this.mapper?.dispose();
    this.mapper = undefined;
    this.baseReader = undefined;
    if (want) {
      const options: GitOptions = { ...(path ? { gitPath: path } : {}), onSpawn: (args) => this.host.onSpawn?.(args) };
      this.path = path;
      this.mapper = new GitBaseMapper(options);
      this.baseReader = new GitBaseFileReader(options);
    }
    this.host.apply(this.mapper);
  }

  /** Hands the tracker the current mapper again (after something else replaced it: a test's double). */
  reattach(): void {
    this.host.apply(this.mapper);
  }

  /** The base reader while git may run; undefined otherwise. */
  reader(): BaseFileReader | undefined {
    return this.baseReader;
  }

  /** Whether a git mapper is in place now. */
  get active(): boolean {
    return this.mapper !== undefined;
  }

  dispose(): void {
    this.mapper?.dispose();
    this.mapper = undefined;
    this.baseReader = undefined;
  }
}
