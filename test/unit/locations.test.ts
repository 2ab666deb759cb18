import { deepStrictEqual } from 'node:assert';
import { locationsInText, parseLineList, type LocationContext } from '../../src/core/locations/locationsInText';
import { locs, only } from './helpers';

function refs(text: string, context: LocationContext = 'field'): string[] {
  return locationsInText(text, context).map((l) => (l.startLine === null ? l.path : `${l.path}:${l.startLine}-${l.endLine}`));
}

describe('locations', () => {
  const cases: Array<[string, string[]]> = [
    ['`src/a.ts:10`', ['src/a.ts:10-10']],
    ['`src/a.ts:10-20`', ['src/a.ts:10-20']],
    ['`src/a.ts:10:5`', ['src/a.ts:10-10']],
    ['`src/a.ts:L10-L20`', ['src/a.ts:10-20']],
    ['`src/a.ts#L10-L20`', ['src/a.ts:10-20']],
    ['`src/a.ts#L10`', ['src/a.ts:10-10']],
    ['see https://github.com/o/r/blob/abc123/src/a.sol#L10-L20 here', ['src/a.sol:10-20']],
    ['[PSM.sol#L258-L277](https://github.com/o/r/blob/db49/src/PSM.sol#L258-L277)', ['src/PSM.sol:258-277']],
    ['https://gitlab.com/g/p/-/blob/main/lib/x.rb#L5-9', ['lib/x.rb:5-9']],
    ['`deployment.yaml:162,174,186`', ['deployment.yaml:162-162', 'deployment.yaml:174-174', 'deployment.yaml:186-186']],
    ['`Makefile:206,212-213`', ['Makefile:206-206', 'Makefile:212-213']],
    ['**File:** `router.go` (lines 424, 449, 486)', ['router.go:424-424', 'router.go:449-449', 'router.go:486-486']],
    ['`a.yml:78-114`, `b.yml:14-43`', ['a.yml:78-114', 'b.yml:14-43']],
    ['**File:** `background.js`, line 62–68', ['background.js:62-68']],
    ['**base58.js (lines 73-81)**', ['base58.js:73-81']],
    ['`internal/messaging/rabbitmq.go`', ['internal/messaging/rabbitmq.go']],
    ['[gurufocus_tool.py:507-510](src/tools/gurufocus_tool.py#L507-L510)', ['src/tools/gurufocus_tool.py:507-510']],
    ['- Found in src/protocol/T.sol [Line: 278](src/protocol/T.sol#L278)', ['src/protocol/T.sol:278-278']],
    ['`Dockerfile:17` and `.env:19`', ['Dockerfile:17-17', '.env:19-19']],
    ['`src\\app\\main.ts:3-4` (Windows separators)', ['src/app/main.ts:3-4']],
    ['`lib/pool.ts` (L40-L52)', ['lib/pool.ts:40-52']],
  ];
  for (const [text, want] of cases) it(text, () => deepStrictEqual(refs(text), want));

  it('a word in prose is not a location', () => {
    deepStrictEqual(refs('The router and the handler talk. Use Node.js 20 and e.g. version 0.7.1 on api.example.com:443.', 'prose'), []);
    deepStrictEqual(refs('`ThunderLoan::updateExchangeRate` and `Contract:fn`', 'prose'), []);
    deepStrictEqual(refs('bare package.json in prose', 'prose'), []);
    // On a title line a code span names a file; a bare word with a dot does not.
    deepStrictEqual(refs('- **require() in ESM** — `lib/auth/csrf.ts:16,35` under Next.js', 'title'), ['lib/auth/csrf.ts:16-16', 'lib/auth/csrf.ts:35-35']);
    deepStrictEqual(refs('### Leak in `session.ts`', 'title'), ['session.ts']);
  });

  it('line lists', () => {
    deepStrictEqual(parseLineList('162,174,186'), [[162, 162], [174, 174], [186, 186]]);
    deepStrictEqual(parseLineList('L10-L20'), [[10, 20]]);
    deepStrictEqual(parseLineList('15 and 184'), [[15, 15], [184, 184]]);
  });

  it('Lines Changed and "at lines" attach to the finding\'s one file', () => {
    const f = only('## Findings\n\n### 1. Deque\n\n**File:** `server/queue.py`\n**Lines Changed**: 28 (import), 217 (deque init), 283\n');
    deepStrictEqual(locs(f), ['server/queue.py:28-28', 'server/queue.py:217-217', 'server/queue.py:283-283']);
    const g = only('## Findings\n\n### 2. Methods\n\n**File:** `api.go`\n\nAdded methods at lines 414-446.\n');
    deepStrictEqual(locs(g), ['api.go:414-446']);
  });

  it('several files in a sub-list under **Files**:', () => {
    const f = only('## Findings\n\n### 1. Dup\n\n**Files**:\n- `cmd/main.go`\n- `internal/hub.go:3`\n');
    deepStrictEqual(locs(f), ['cmd/main.go', 'internal/hub.go:3-3']);
  });

  it('a location field wrapped over several lines, and only its own paragraph', () => {
    const f = only('## Findings\n\n### P0-1. Open functions\n\n**Arquivos:** `supabase/functions/a/index.ts`,\n`send-email/index.ts`.\n\n- mentions `file.ts` in passing\n');
    deepStrictEqual(locs(f), ['supabase/functions/a/index.ts', 'send-email/index.ts']);
  });

  it('code inside fences is not read, its comments are', () => {
    const f = only('## Findings\n\n### 1. X\n\n```js\nconst a = load("src/z.ts:5");\n// content.js:172-189\n```\n');
    deepStrictEqual(locs(f), ['content.js:172-189']);
  });
});
