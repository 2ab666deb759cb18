/**
 * Words the location reader needs that the vocabulary does not hold yet, in the corpus's
 * languages. One list, each word with its role, to be folded into the vocabulary module:
 * - `location`: labels of location fields that `LOCATION_LABELS` (fields.ts) lacks:
 *   `**位置**：\`src/config.py\``, `- **ファイル**: …`, `**Files Created:**` over a list of paths,
 *   `**Bug Location:**`;
 * - `fix`: labels and headings over a proposed or applied fix (`**Solution - …:**`,
 *   `#### Recommendation`, `- **Решение:**`, `**修復**：`): a comment in its code says where the
 *   fix goes, not where the problem is;
 * - `problem`: labels over the code as it is (`**Current Code:**`, `**Before:**`), which keep
 *   their snippet a problem snippet even under a fix heading.
 * Words are lower case; a label matches a `fix` or `problem` word when it starts with it.
 */
export const LOCATION_WORDS: ReadonlyArray<readonly [word: string, role: 'location' | 'fix' | 'problem']> = [
  ['位置', 'location'], ['文件', 'location'], ['檔案', 'location'], ['代码位置', 'location'], ['代碼位置', 'location'],
  ['涉及文件', 'location'], ['相关文件', 'location'], ['相關文件', 'location'], ['影响文件', 'location'], ['影響文件', 'location'],
  ['ファイル', 'location'], ['場所', 'location'], ['該当箇所', 'location'], ['該当ファイル', 'location'], ['対象ファイル', 'location'],
  ['箇所', 'location'], ['파일', 'location'], ['위치', 'location'],
  ['files created', 'location'], ['file created', 'location'], ['new files', 'location'], ['new file', 'location'],
  ['files added', 'location'], ['files updated', 'location'], ['files touched', 'location'], ['files affected', 'location'],
  ['affected paths', 'location'], ['bug location', 'location'], ['test file', 'location'], ['test files', 'location'],
  ['emplacement', 'location'], ['datei', 'location'], ['dateien', 'location'], ['fundstelle', 'location'],
  ['ubicación', 'location'], ['localização', 'location'], ['местоположение', 'location'], ['расположение', 'location'],

  ['fix', 'fix'], ['fixed code', 'fix'], ['solution', 'fix'], ['recommend', 'fix'], ['remediation', 'fix'], ['mitigation', 'fix'],
  ['suggested', 'fix'], ['suggestion', 'fix'], ['proposed', 'fix'], ['patch', 'fix'], ['corrected', 'fix'], ['how to fix', 'fix'],
  ['after', 'fix'], ['solución', 'fix'], ['corrección', 'fix'], ['recomendación', 'fix'], ['solução', 'fix'], ['correção', 'fix'],
  ['recomendação', 'fix'], ['correctif', 'fix'], ['recommandation', 'fix'], ['lösung', 'fix'], ['empfehlung', 'fix'],
  ['решение', 'fix'], ['исправление', 'fix'], ['рекомендация', 'fix'], ['修復', 'fix'], ['修复', 'fix'], ['修正', 'fix'],
  ['建議', 'fix'], ['建议', 'fix'], ['解決', 'fix'], ['対策', 'fix'], ['推奨', 'fix'], ['수정', 'fix'], ['권장', 'fix'],

  ['current', 'problem'], ['original', 'problem'], ['before', 'problem'], ['vulnerable', 'problem'], ['problem', 'problem'],
  ['issue', 'problem'], ['код', 'problem'], ['問題', 'problem'], ['问题', 'problem'], ['現状', 'problem'], ['当前', 'problem'],
];
