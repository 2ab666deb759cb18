import { deepStrictEqual } from 'node:assert';
import { findings, locs } from '../helpers';

// Static-analysis output pasted into a report inside fenced code: each result is a finding.
describe('dialect: tool output in fenced code', () => {
  it('gosec: one finding per `[path:line] - Gnnn (CWE-n): title (Confidence: X, Severity: Y)` line', () => {
    const md = [
      '## GoSec', '', 'Output:', '', '```',
      '[\\main.go:125] - G114 (CWE-676): Use of net/http serve function that has no support for setting timeouts (Confidence: HIGH, Severity: MEDIUM)',
      '    124:', '  > 125:        http.ListenAndServe("127.0.0.1:5000", nil)', '    126: }', '',
      '[\\namespace\\store.go:72] - G304 (CWE-22): Potential file inclusion via variable (Confidence: HIGH, Severity: MEDIUM)',
      '    71: func (nss *NamespaceStore) AddFromFile(name string) {', '',
      'Summary:', '  Files  : 4', '  Issues : 2', '```', '',
    ].join('\n');
    const f = findings(md);
    deepStrictEqual(f.map((x) => [x.title, x.severity, x.kind, x.reportRange.startLine]), [
      ['Use of net/http serve function that has no support for setting timeouts', 'medium', 'codeLine', 6],
      ['Potential file inclusion via variable', 'medium', 'codeLine', 11],
    ]);
    deepStrictEqual(f.map(locs), [['main.go:125-125'], ['namespace/store.go:72-72']]);
  });

  it('Bandit: `>> Issue: [B113:…] title` with its Severity and Location lines', () => {
    const md = [
      '## Bandit', '', '```', 'Test results:',
      '>> Issue: [B113:request_without_timeout] Requests call without timeout',
      '   Severity: Medium   Confidence: Low',
      '   CWE: CWE-400 (https://cwe.mitre.org/data/definitions/400.html)',
      '   Location: .\\main.py:25:10',
      '24', '25          acl = requests.post(url, json=body)', '',
      '--------------------------------------------------',
      '>> Issue: [B105:hardcoded_password_string] Possible hardcoded password: \'hunter2\'',
      '   Severity: Low   Confidence: Medium',
      '   Location: .\\api\\config.py:9:11',
      '9 PASSWORD = \'hunter2\'', '',
      '--------------------------------------------------',
      '```', '',
    ].join('\n');
    const f = findings(md);
    deepStrictEqual(f.map((x) => [x.title, x.severity]), [['Requests call without timeout', 'medium'], ["Possible hardcoded password: 'hunter2'", 'low']]);
    deepStrictEqual(f.map(locs), [['main.py:25-25'], ['api/config.py:9-9']]);
  });

  it('govulncheck: `Vulnerability #1: GO-…`, its summary lines and its traces', () => {
    const md = [
      '## govulncheck', '', '```', '=== Symbol Results ===', '',
      'Vulnerability #1: GO-2024-2887',
      '    Unexpected behavior from Is methods for IPv4-mapped IPv6 addresses in',
      '    net/netip',
      '  More info: https://pkg.go.dev/vuln/GO-2024-2887',
      '  Standard library',
      '    Found in: net/netip@go1.22.3',
      '    Fixed in: net/netip@go1.22.4',
      '    Example traces found:',
      '      #1: main.go:105:21: main.serve calls netip.Addr.Is4In6', '',
      'Your code is affected by 1 vulnerability from the Go standard library.', '```', '',
    ].join('\n');
    const f = findings(md);
    deepStrictEqual(f.map((x) => [x.reportId, x.title]), [['GO-2024-2887', 'Unexpected behavior from Is methods for IPv4-mapped IPv6 addresses in net/netip']]);
    deepStrictEqual(locs(f[0]), ['main.go:105-105']);
  });

  it('install and run commands in fenced code are not findings', () => {
    const md = '## GoSec\n\n```\ngo install github.com/securego/gosec/v2/cmd/gosec@latest\n```\n\n```\ncd app\ngosec -r\n```\n';
    deepStrictEqual(findings(md), []);
  });
});
