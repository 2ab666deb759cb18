import { normalizePath } from '../locations/locationsInText';
import type { ScannedLine } from '../markdown/scanLines';
import { severityFromValue } from '../vocabulary/severity';
import type { CodeFinding, Dialect } from './dialect';

/**
 * Static-analysis tool output pasted into a report inside fenced code, one finding per result:
 * - gosec: `[\main.go:125] - G114 (CWE-676): Use of net/http serve … (Confidence: HIGH, Severity: MEDIUM)`;
 * - Bandit: `>> Issue: [B113:request_without_timeout] Requests call without timeout`, then
 *   `Severity: Medium   Confidence: Low` and `Location: .\main.py:37:12`;
 * - govulncheck: `Vulnerability #1: GO-2024-2887`, its summary on the next lines, then `#1: main.go:105:21: …` traces.
 */
export const toolOutput: Dialect = {
  name: 'static-analysis tool output in code blocks',
  codeFindings(code: readonly ScannedLine[]): CodeFinding[] {
    const out: CodeFinding[] = [];
    for (let k = 0; k < code.length; k++) {
      const text = code[k].text.slice(0, 2000);
      const gosec = GOSEC.exec(text);
      if (gosec) {
        out.push({ line: code[k].line, endLine: code[k].line, id: gosec[3], title: gosec[5].trim(), severity: severityFromValue(gosec[6] ?? ''), locations: [at(gosec[1], gosec[2])] });
        continue;
      }
      const bandit = BANDIT.exec(text);
      if (bandit) {
        const block = until(code, k + 1, (l) => BANDIT.test(l.text) || /^-{10,}\s*$/.test(l.text));
        const sev = block.map((l) => /Severity:\s*(\w+)/.exec(l.text)).find((m) => m !== null);
        const loc = block.map((l) => /Location:\s*(\S+?):(\d+)(?::\d+)?\s*$/.exec(l.text)).find((m) => m !== null);
        out.push({ line: code[k].line, endLine: block.length > 0 ? block[block.length - 1].line : code[k].line, id: bandit[1], title: bandit[2].trim(), severity: sev ? severityFromValue(sev[1]) : null, locations: loc ? [at(loc[1], loc[2])] : [] });
        continue;
      }
      const vuln = GOVULN.exec(text);
      if (vuln) {
        const block = until(code, k + 1, (l) => GOVULN.test(l.text) || /^===/.test(l.text));
        const summary: string[] = [];
        for (const l of block) {
          if (/^\s{2,}More info:|^\s{2,}\S+.*@|^\s{2,}(Standard library|Module:|Found in:)/.test(l.text)) break;
          summary.push(l.text.trim());
        }
        const locations = block.map((l) => TRACE.exec(l.text)).filter((m): m is RegExpExecArray => m !== null).map((m) => at(m[1], m[2]));
        out.push({ line: code[k].line, endLine: block.length > 0 ? block[block.length - 1].line : code[k].line, id: vuln[1], title: summary.join(' ') || vuln[1], severity: null, locations });
      }
    }
    return out;
  },
};

const GOSEC = /^\s*\[([^\]\s][^\]]{0,300}?):(\d{1,7})\]\s+-\s+(G\d{3})\s+(\(CWE-\d+\))?:?\s*([^\n]{1,500}?)\s*(?:\(Confidence:\s*\w+,\s*Severity:\s*(\w+)\))?\s*$/;
const BANDIT = /^\s*>>\s*Issue:\s*\[(B\d{3})[^\]]{0,100}\]\s*(.{1,500})$/;
const GOVULN = /^\s*Vulnerability\s+#\d{1,5}:\s*(GO-\d{4}-\d{1,6})\s*$/;
const TRACE = /^\s+#\d{1,5}:\s*([^\s:]{1,300}):(\d{1,7}):\d{1,5}:/;

function at(path: string, line: string): { path: string; startLine: number; endLine: number } {
  const n = Number(line);
  return { path: normalizePath(path.replace(/\\/g, '/').replace(/^\/+/, '')), startLine: n, endLine: n };
}

function until(code: readonly ScannedLine[], from: number, stop: (l: ScannedLine) => boolean): ScannedLine[] {
  const out: ScannedLine[] = [];
  for (let k = from; k < code.length && k < from + 400; k++) {
    if (stop(code[k])) break;
    out.push(code[k]);
  }
  while (out.length > 0 && out[out.length - 1].text.trim() === '') out.pop();
  return out;
}
