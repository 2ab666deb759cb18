import { deepStrictEqual } from 'node:assert';
import { findingLocations } from '../../src/core/locations/findingLocations';
import { locationsInText, type LocationContext } from '../../src/core/locations/locationsInText';
import { scanLines } from '../../src/core/markdown/scanLines';
import { locs, only } from './helpers';

function refs(text: string, context: LocationContext = 'field'): string[] {
  return locationsInText(text, context).map((l) => (l.startLine === null ? l.path : `${l.path}:${l.startLine}-${l.endLine}`));
}

/** The locations of a finding that is the whole report from its first line, as the driver reads it. */
function driven(md: string, reportPath?: string): string[] {
  const lines = scanLines(md);
  return findingLocations({ startLine: 1, reportPath }, lines, lines).map((l) => (l.startLine === null ? l.path : `${l.path}:${l.startLine}-${l.endLine}`));
}

describe('locations: formats', () => {
  it('field values, also file-only and after a full-width colon (Chinese and Japanese reviews)', () => {
    deepStrictEqual(driven('### 12. 配置值未驗證範圍\n\n**位置**：`src/config.py`\n'), ['src/config.py']);
    deepStrictEqual(driven('#### MEDIUM-3: x\n\n- **位置**: `apps/api/src/routes/rooms.ts:12-25` と `apps/api/src/routes/images.ts:11-24`\n'), [
      'apps/api/src/routes/rooms.ts:12-25',
      'apps/api/src/routes/images.ts:11-24',
    ]);
    // Fix logs: `**Files Created:**` over a list of paths.
    deepStrictEqual(driven('#### 4. Config validation\n\n**Files Created:**\n- `backend/src/main/java/Validator.java`\n'), ['backend/src/main/java/Validator.java']);
    // `path:func(), func2()` names the file.
    deepStrictEqual(driven('### 7. Dict race\n\n**位置**：`src/managers/vpm.py:add_position(), remove_position()`\n'), ['src/managers/vpm.py']);
  });

  it('prose: line N of a file, a file then (line N), Rust paths, file:function', () => {
    deepStrictEqual(refs('The check at line 42 of x.py is wrong.', 'prose'), ['x.py:42-42']);
    deepStrictEqual(refs('It fails in models.py (line 49) when empty.', 'prose'), ['models.py:49-49']);
    deepStrictEqual(refs('`server.rs::new_nonce` was two timestamps.', 'prose'), ['server.rs']);
    deepStrictEqual(refs('`web.rs::authed` and `relay.rs` now compare in constant time.', 'prose'), ['web.rs', 'relay.rs']);
    deepStrictEqual(refs('`lib/handlers.ts:createHandler()` skips the check.', 'prose'), ['lib/handlers.ts']);
    // A file named in a code span in prose is a location; a bare word with a dot is not.
    deepStrictEqual(refs('In `IYuzuILPV2.sol`, it is observed that', 'prose'), ['IYuzuILPV2.sol']);
    deepStrictEqual(refs('the IYuzuILPV2.sol interface', 'prose'), []);
  });

  it('a cited (line N) belongs to the finding\'s one file, unless it only points inside a cited range', () => {
    deepStrictEqual(driven('- [ ] **Leak** — `pkg/gen/api.go:42-43,188` — populated in `processFile` (line 114).\n'), [
      'pkg/gen/api.go:42-43',
      'pkg/gen/api.go:188-188',
      'pkg/gen/api.go:114-114',
    ]);
    deepStrictEqual(driven('- [ ] **Leak** — `internal/pg.go:24-30` — if `db.Ping()` fails (line 29), nothing closes.\n'), ['internal/pg.go:24-30']);
    // Narrative lines in a finding that already cites lines describe the code.
    deepStrictEqual(driven('### 45. Missing div\n- **File:** `options/index.html:235`\n- **Problem:** The div opened at line 12 is closed at line 205.\n'), ['options/index.html:235-235']);
  });

  it('comments of a quoted problem snippet, not of its fix', () => {
    const md = [
      '### 4. Async channel',
      '- **Файл:** `extension/src/content/content.js:770`',
      '- **Код:**',
      '  ```javascript',
      '  // content.js:770',
      '  // Но background.js ожидает async:',
      '  # cmd/main.go:68-85',
      '  x(); // overlay.js:528, 615',
      '  ```',
      '- **Решение:**',
      '  ```javascript',
      '  // Add to cmd/server/main.go after creation',
      '  ```',
    ].join('\n');
    deepStrictEqual(driven(md), ['extension/src/content/content.js:770-770', 'background.js', 'cmd/main.go:68-85', 'overlay.js:528-528', 'overlay.js:615-615']);
    deepStrictEqual(driven('#### 1. arbitrary-send\n**Original Issue:**\n```solidity\n// FutarchyGovernor.sol line 262\nIERC20(t).safeTransferFrom(a, b, c);\n```\n'), ['FutarchyGovernor.sol:262-262']);
  });

  it('`File: path` followed by line-numbered code, and grep output', () => {
    const md = '### [L-2] Initializers could be front-run\n\n```javascript\nFile: src/protocol/ThunderLoan.sol\n\n138:     function initialize(address a) external initializer {\n\n138:     function initialize(address a) external initializer {\n\n139:         __Ownable_init();\n```\n';
    deepStrictEqual(driven(md), ['src/protocol/ThunderLoan.sol:138-138', 'src/protocol/ThunderLoan.sol:139-139']);
    deepStrictEqual(driven('## [G-11] Revert strings\n\n```\n./contracts/TM.sol:96: "addLiquidity: ETH"\n./contracts/TM.sol:122: "removeLiquidity: X"\n```\n'), ['contracts/TM.sol:96-96', 'contracts/TM.sol:122-122']);
  });

  it('table cells: a location column in the finding\'s body, and path:line in any cell', () => {
    const md = '### Issue #2: Large files\n\n| File | Lines | Issue |\n|------|-------|-------|\n| `internal/tui/settings.go` | 1041 | Mixed |\n| `internal/tui/diff.go` | 835 | Rendering |\n';
    deepStrictEqual(driven(md), ['internal/tui/settings.go', 'internal/tui/diff.go']);
    deepStrictEqual(driven('### 6. TODOs\n\n| Where | TODO |\n|---|---|\n| see `paykit/src/payment.rs:100` | receipt |\n'), ['paykit/src/payment.rs:100-100']);
  });

  it('URL-encoded anchors, and permalinks into another repository are no locations', () => {
    deepStrictEqual(refs('https://github.com/ConsenSys/p/blob/master/code/T.sol#L275%20-%20L284'), ['code/T.sol:275-284']);
    const md = [
      '### [GAS-1] Bools cost gas',
      'See [source](https://github.com/OpenZeppelin/openzeppelin-contracts/blob/58f6/contracts/ReentrancyGuard.sol#L23-L27).',
      'Also [here](https://github.com/code-423n4/2021-07-connext/blob/main/contracts/TM.sol#L571).',
      'And [again](https://github.com/code-423n4/2021-07-connext/blob/main/contracts/TM.sol#L572).',
    ].join('\n');
    deepStrictEqual(driven(md), ['contracts/TM.sol:571-571', 'contracts/TM.sol:572-572']);
    // Two repositories linked once each: neither is the report's own.
    deepStrictEqual(driven('### x\n[a](https://github.com/a/b/blob/1/x.sol#L1) [b](https://github.com/c/d/blob/1/y.sol#L2)\n'), []);
  });

  it('relative links resolve against the report\'s folder when its path is known', () => {
    deepStrictEqual(driven('### 1. X\nSee [a.ts](../src/a.ts#L5).\n', 'audits/2024/report.md'), ['audits/src/a.ts:5-5']);
    deepStrictEqual(driven('### 1. X\nSee [a.ts](./lib/a.ts#L5).\n', 'audits/report.md'), ['audits/lib/a.ts:5-5']);
    // Out of the root: no location at all.
    deepStrictEqual(driven('### 1. X\nSee [a.ts](../../a.ts#L5).\n', 'audits/report.md'), []);
    // Without the report's path, the link stays as written.
    deepStrictEqual(driven('### 1. X\nSee [a.ts](../src/a.ts#L5).\n'), ['../src/a.ts:5-5']);
    // Images are no locations.
    deepStrictEqual(driven('### 1. X\n![diagram](./static/flow.png)\n'), []);
  });

  it('not locations: library names, code expressions, hosts, proof-of-concept test files', () => {
    deepStrictEqual(refs('- **[High]** `html2canvas` and `pdf.js` no longer load unconditionally', 'title'), []);
    deepStrictEqual(refs('- **[High]** Stored XSS via unescaped `h.month`/`topCategories[0].c` in', 'title'), []);
    deepStrictEqual(refs('no outbound access to jsdelivr.net/cdnjs.cloudflare.com, or `github.com/real-rm/*`', 'prose'), []);
    deepStrictEqual(driven('### H-2: Shares locked\n\n`src/Vault.sol:477` locks them.\n\nPaste it into `TestClaimDeposit.t.sol` and run.\n'), ['src/Vault.sol:477-477']);
  });

  it('a title\'s files are its subject when a field says where the problem is', () => {
    const f = only('## Findings\n\n### H6. `k8s-deploy` target omits `hpa.yaml` and `pdb.yaml`\n\n**File:** `Makefile:179-183`\n');
    deepStrictEqual(locs(f), ['Makefile:179-183']);
    // Without a field, the title's file is the location.
    deepStrictEqual(driven('### Leak in `session.ts`\n\nIt leaks.\n'), ['session.ts']);
    // A body path with a folder still counts next to a field.
    deepStrictEqual(driven('#### 2. RBAC\n- **Location:** `backend/c.js:324-360`\n- **Route Fix:** Update `backend/routes/expenses.js`:\n'), ['backend/c.js:324-360', 'backend/routes/expenses.js']);
  });

  it('globs in fields, and items that open with a path', () => {
    deepStrictEqual(driven('### P0-1. Sem auth\n\n**Arquivos:** `supabase/functions/get-outlook-*/index.ts`,\n`send-email/index.ts`.\n'), ['supabase/functions/get-outlook-*/index.ts', 'send-email/index.ts']);
    deepStrictEqual(driven('### 1. Tests do not compile\n\n**Errors:**\n\n1. `crate/src/proration.rs:369` - Missing import\n2. `crate/tests/*.rs` - Unused import\n'), ['crate/src/proration.rs:369-369', 'crate/tests/*.rs']);
  });

  it('route folders of file-system routers are part of the path', () => {
    // Next.js and SvelteKit name folders `[id]`, `[...slug]`, `[[...rest]]` and `(group)` (issue #10's fixture).
    deepStrictEqual(refs('See `app/[id]/page.tsx:3-4`.', 'prose'), ['app/[id]/page.tsx:3-4']);
    deepStrictEqual(refs('In app/[id]/page.tsx:5 the id is trusted', 'prose'), ['app/[id]/page.tsx:5-5']);
    deepStrictEqual(refs('`app/(shop)/[[...rest]]/route.ts:9`', 'prose'), ['app/(shop)/[[...rest]]/route.ts:9-9']);
    // Elsewhere brackets are no path: an index expression next to a file.
    deepStrictEqual(refs('`items[0].name` in cart.ts:3', 'prose'), ['cart.ts:3-3']);
  });
});
