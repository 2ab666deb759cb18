import picomatch from 'picomatch';
import { makeFolderExcluder, makeReportMatcher } from '../core';
import type { FolderSettings } from './settings';

/**
 * Which paths of one workspace folder (relative, `/` separators) are excluded, and which are
 * reports, under the folder's settings: `auditLens.reports.*` and `files.exclude`. Pure.
 */
export class FolderFilter {
  private readonly report: (rel: string) => boolean;
  private readonly excludedPath: (rel: string) => boolean;
  private readonly excludedDir: (rel: string) => boolean;

  constructor(settings: FolderSettings) {
    const exclude = [...settings.exclude, ...settings.filesExclude];
    this.report = makeReportMatcher(settings.include, exclude);
    this.excludedPath = picomatch(exclude.length > 0 ? exclude : ['\0'], { dot: true });
    this.excludedDir = makeFolderExcluder(exclude.length > 0 ? exclude : ['\0']);
  }

  /** Excluded itself or inside an excluded folder (`files.exclude` often names folders: `**\/.git`). */
  isExcluded(rel: string): boolean {
    if (this.excludedPath(rel)) return true;
    for (let i = rel.indexOf('/'); i > 0; i = rel.indexOf('/', i + 1)) {
      if (this.excludedDir(rel.slice(0, i))) return true;
    }
    return false;
  }

  /**
   * A file excluded by its own path, its folders aside: for a walk that never entered an
   * excluded folder, which would otherwise test every folder of every file again.
   */
  isExcludedItself(rel: string): boolean {
    return this.excludedPath(rel);
  }

  /** A folder that is excluded itself or lies inside one. */
  isExcludedFolder(rel: string): boolean {
    return this.excludedDir(rel) || this.isExcluded(rel);
  }

  isReport(rel: string): boolean {
    return this.report(rel) && !this.isExcluded(rel);
  }
}
