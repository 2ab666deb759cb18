import type * as vscode from 'vscode';

/**
 * What a file's diagnostics show, as one string: two lists with the same signature look the
 * same in the editor and the Problems view, so the second need not be sent.
 */
export function diagnosticsSignature(diagnostics: readonly vscode.Diagnostic[]): string {
  let out = '';
  for (const d of diagnostics) {
    const { start, end } = d.range;
    const code = typeof d.code === 'object' ? `${d.code.value}@${d.code.target.toString()}` : String(d.code);
    const tags = d.tags?.join(',') ?? '';
    const related = d.relatedInformation?.map((r) => `${r.location.uri.toString()}#${r.location.range.start.line}:${r.message}`).join('\u0002') ?? '';
    out += `${start.line}:${start.character}-${end.line}:${end.character}\u0001${d.severity}\u0001${code}\u0001${d.message}\u0001${tags}\u0001${related}\n`;
  }
  return out;
}
