import type { ScannedLine } from '../markdown/scanLines';
import type { Status } from '../types';
import { contestVerdicts } from './contestVerdicts';
import { maintainerResponse } from './maintainerResponse';
import type { CodeFinding, Dialect } from './dialect';
import { toolOutput } from './toolOutput';

/** Every report family with quirks of its own; precedence is array order. */
export const DIALECTS: readonly Dialect[] = [contestVerdicts, toolOutput, maintainerResponse];

export function dialectStatus(body: readonly ScannedLine[]): Status | null {
  for (const d of DIALECTS) {
    const s = d.status?.(body) ?? null;
    if (s !== null) return s;
  }
  return null;
}

export function dialectCodeFindings(code: readonly ScannedLine[]): Array<CodeFinding & { dialect: string }> {
  for (const d of DIALECTS) {
    const found = d.codeFindings?.(code) ?? [];
    if (found.length > 0) return found.map((f) => ({ ...f, dialect: d.name }));
  }
  return [];
}
