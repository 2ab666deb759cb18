import { leadPattern, wholePattern, wordsPattern } from './wordPattern';

/**
 * Words that structure a finding, in the languages of the reports we read (English, Spanish,
 * Portuguese, French, German, Russian, Chinese, Japanese). One table per concept; the patterns
 * below are built from them and used by every reader.
 */

/**
 * Sub-headings and field labels of a finding's body (`#### Impact`, `**Recommendation:**`,
 * `**问题**：`). A heading that is only one of these is part of a finding, never a finding.
 */
export const BODY_PARTS: readonly string[] = [
  // English
  'impact', 'description', 'detail', 'details', 'technical details', 'recommendation', 'recommendations',
  'recommended mitigation', 'recommended fix', 'mitigation', 'mitigations', 'proof of concept', 'poc', 'fix',
  'fixes', 'fix applied', 'fixes applied', 'fix required', 'code snippet', 'code snippets', 'found by', 'summary',
  'vulnerability detail', 'vulnerability details', 'tool used', 'discussion', 'developer response', 'root cause',
  'problem', 'solution', 'severity', 'status', 'location', 'locations', 'example', 'examples', 'test case',
  'test cases', 'references', 'lines of code', 'context', 'background', 'remediation', 'resolution', 'likelihood',
  'risk', 'note', 'notes', 'assessed type', 'exploit scenario', 'attack scenario', 'steps to reproduce',
  'reproduction', 'evidence', 'analysis', 'verification', 'affected code', 'affected file', 'affected files',
  'scenario', 'explanation', 'suggested fix', 'proposed fix', 'current code', 'fixed code', 'before', 'after',
  'why it matters', 'how to fix', 'found in', 'workaround', 'issue', 'observation', 'team response', 'client response',
  'response', 'comment', 'our comment', 'update', 'recommendation and fix',
  // Spanish
  'impacto', 'descripción', 'descripcion', 'recomendación', 'recomendacion', 'solución', 'solucion', 'problema',
  'evidencia', 'corrección', 'correccion', 'ubicación', 'ubicacion', 'encontrado en', 'solución temporal',
  // Portuguese
  'descrição', 'descricao', 'recomendação', 'recomendacao', 'solução', 'solucao', 'evidência', 'correção',
  'correcao', 'localização', 'encontrado em', 'contorno',
  // French
  'description du problème', 'recommandation', 'correctif', 'problème', 'emplacement', 'trouvé dans',
  'contournement', 'résolution',
  // German
  'beschreibung', 'auswirkung', 'empfehlung', 'lösung', 'problem', 'behebung', 'fundstelle', 'gefunden in',
  'umgehung',
  // Russian
  'проблема', 'описание', 'влияние', 'последствия', 'рекомендация', 'рекомендации', 'исправление', 'решение',
  'расположение', 'обходной путь',
  // Chinese
  '问题', '问题描述', '描述', '影响', '建议', '修复', '修复建议', '解决方案', '位置', '发现于', '临时方案',
  // Japanese
  '問題', '説明', '影響', '推奨', '推奨事項', '修正', '対策', '場所', '回避策',
];

/**
 * Field labels whose presence in a block's body says it is a finding (`**Severity:**`,
 * `- **File**:`, `**Impact:**`, `Problem:`). Location and status labels are added from
 * their own tables where they are used.
 */
export const FINDING_FIELDS: readonly string[] = [
  'severity', 'status', 'file', 'files', 'location', 'locations', 'impact', 'likelihood', 'priority', 'risk',
  'problem', 'issue', 'fix', 'recommendation', 'description', 'found in', 'workaround', 'root cause', 'evidence',
  'finding id', 'affected', 'affected file', 'affected files', 'remediation', 'resolution', 'vulnerability',
  'prevention', 'mitigation', 'suggested fix', 'proposed fix', 'solution', 'symptom', 'symptoms', 'cause',
  'severidad', 'severidade', 'impacto', 'problema', 'recomendación', 'recomendação', 'descripción', 'descrição',
  'evidencia', 'evidência', 'archivo', 'arquivo', 'ubicación', 'localização', 'sévérité', 'recommandation',
  'problème', 'fichier', 'schweregrad', 'auswirkung', 'empfehlung', 'datei', 'критичность', 'серьезность',
  'приоритет', 'проблема', 'влияние', 'рекомендация', 'файл', 'исправление', '严重程度', '严重性', '问题', '影响',
  '建议', '位置', '文件', '修复', '重要度', '深刻度', '問題', '影響', '推奨', 'ファイル', '場所', '修正',
];

/** Matches a heading that is only a part of a finding's body. */
export const BODY_PART_HEADING = leadPattern(BODY_PARTS);

const FINDING_FIELD_SET = new Set(FINDING_FIELDS);
/** Whether a field label (lower case, no markup) is one that findings carry. */
export function isFindingField(label: string): boolean {
  return FINDING_FIELD_SET.has(label);
}

/** Words that name findings in a section heading (`## Findings`, `## Hallazgos`, `## 问题`). */
export const FINDING_NOUNS: readonly string[] = [
  'finding', 'findings', 'issue', 'issues', 'bug', 'bugs', 'vulnerability', 'vulnerabilities', 'problem', 'problems',
  'concern', 'concerns', 'weakness', 'weaknesses', 'risk', 'risks', 'defect', 'defects', 'flaw', 'flaws',
  'observation', 'observations', 'blocker', 'blockers', 'gap', 'gaps', 'error', 'errors', 'hallazgo', 'hallazgos', 'problemas',
  'achado', 'achados', 'riesgo', 'riesgos', 'risco', 'riscos', 'bloqueador', 'bloqueadores', 'bloqueantes', 'fallo',
  'fallos', 'vulnerabilidad', 'vulnerabilidades', 'vulnerabilidade', 'constat', 'constats', 'problème', 'problèmes',
  'faille', 'failles', 'befund', 'befunde', 'schwachstelle', 'schwachstellen', 'fehler',
  'проблема', 'проблемы', 'проблем', 'ошибка', 'ошибки', 'уязвимость', 'уязвимости', 'замечания',
  '问题', '漏洞', '缺陷', '发现', '問題', '脆弱性', '指摘', '不具合', 'バグ',
];
export const FINDING_NOUN = wordsPattern(FINDING_NOUNS);

/**
 * Labels of a report's metadata lines (`**Date:** …`, `- **Commit:** e38ba5d`, `**Tests:** 42 passing`).
 * A bold label of one of these opens a field, never a finding's title.
 */
export const META_LABELS: readonly string[] = [
  'date', 'time', 'author', 'authors', 'auditor', 'auditors', 'reviewer', 'reviewers', 'reviewed by', 'prepared by',
  'commit', 'commits', 'branch', 'version', 'release', 'tag', 'pr', 'prs', 'pull request', 'link', 'links', 'url',
  'tests', 'test', 'result', 'results', 'duration', 'scope', 'tool', 'tools', 'total', 'count', 'phase', 'sprint',
  'owner', 'assignee', 'session', 'goal', 'goals', 'outcome', 'summary', 'overall', 'verdict', 'score', 'rating',
  'repository', 'repo', 'project', 'target', 'language', 'framework', 'environment', 'platform', 'build', 'coverage',
  'methodology', 'approach', 'timeline', 'period', 'type', 'category', 'categories', 'tags', 'effort', 'estimate',
  'confidence', 'difficulty', 'reporter', 'reported by', 'found by', 'fixed in', 'fixed by', 'introduced in',
  'fecha', 'autor', 'data', 'autor', 'дата', 'автор', '日期', '作者', '日付', '著者',
];

const LABEL_SET = new Set([...BODY_PARTS, ...FINDING_FIELDS, ...META_LABELS]);
/** Whether a bold label (lower case, no markup, no colon) is a known field rather than a title. */
export function isKnownLabel(label: string): boolean {
  return LABEL_SET.has(label.trim().toLowerCase());
}

/**
 * Words of headings that only group findings by severity, priority or state (`## High Priority
 * Issues`, `### Not Fixed`, `## P0 — Críticos`, `## 🔴 嚴重問題（Critical）`), besides severity words and
 * finding nouns. `GROUP_FILLER` words may appear but never make a group alone.
 */
export const GROUP_WORDS: readonly string[] = [
  'severity', 'risk', 'risks', 'priority', 'priorities', 'level', 'fixes', 'fixed', 'item', 'items', 'remaining', 'open',
  'pending', 'resolved', 'optimization', 'optimizations', 'recommendation', 'recommendations', 'warning', 'warnings',
  'note', 'notes', 'concern', 'concerns', 'tier', 'must fix', 'should fix', 'nice to have', 'not fixed', 'still pending',
  'prioridade', 'prioridad', 'priorité', 'priorität', 'приоритет', '优先', '優先', '级', '級', '等级', '等級', '风险', '風險', 'リスク',
];
export const GROUP_FILLER: readonly string[] = ['and', 'or', 'to', 'other', 'not', 'still', 'must', 'should', 'nice', 'have', 'level', 'de', 'e', 'y', 'et', 'und', 'и', '的'];

/** Headings of praise, whose items are no findings (`## What's Working Well`, `### Strengths`, `## Pontos positivos`). */
export const PRAISE_WORDS: readonly string[] = [
  'working well', 'works well', 'strength', 'strengths', 'positive findings', 'positive observations', 'positive aspects',
  'positive notes', 'positives', 'good practices', "what's good",
  'what is good', "what's already good", 'already good', 'good here', 'what works', 'done well', 'done right', 'well done',
  'praise', 'highlights', 'kudos', 'commendations', 'lo bueno', 'fortalezas', 'puntos fuertes', 'pontos positivos',
  'pontos fortes', 'points forts', 'stärken', 'положительн', 'сильные стороны', '优点', '亮点', '良い点', '長所',
];

/** Words of a report's own title that say the whole document is a review (`# Project Audit — x`, `# 代碼全面審查報告`). */
export const REVIEW_TITLE_WORDS: readonly string[] = [
  'audit', 'audits', 'review', 'reviews', 'assessment', 'security review', 'code review', 'findings', 'bug report',
  'bugs', 'auditoria', 'auditoría', 'revisión', 'revisão', 'évaluation', 'prüfung', 'überprüfung', 'аудит', 'ревью',
  'обзор', '审查', '審查', '审计', '審計', '监査', '監査', 'レビュー', '評価',
];
export const REVIEW_TITLE = wordsPattern(REVIEW_TITLE_WORDS);

/**
 * Words that say a title names a defect (`Unused …`, `… leaks memory`, `Missing rate limit`, `竞态条件`).
 * A weak cue: it tips a unit that its structure already suggests.
 */
export const DEFECT_WORDS: readonly string[] = [
  'bug', 'bugs', 'broken', 'crash', 'crashes', 'leak', 'leaks', 'leaking', 'race', 'race condition', 'deadlock',
  'vulnerable', 'vulnerability', 'injection', 'xss', 'csrf', 'ssrf', 'idor', 'overflow', 'underflow', 'bypass',
  'unauthenticated', 'unauthorized', 'insecure', 'unsafe', 'unvalidated', 'unbounded', 'unchecked', 'missing',
  'lacks', 'lack of', 'wrong', 'incorrect', 'incorrectly', 'invalid', 'fails', 'failure',
  'fail', 'error', 'errors', 'exception', 'hang', 'hangs', 'timeout', 'stale', 'unused', 'dead code', 'duplicate',
  'duplicated', 'deprecated', 'deprecation', 'eol', 'hardcoded', 'hard-coded', 'plaintext', 'exposed', 'exposes', 'leakage',
  'regression', 'inconsistent', 'mismatch', 'truncates', 'silently', 'swallows', 'blocking', 'n+1', 'slow',
  'falta', 'faltan', 'error', 'fallo', 'expuesto', 'inseguro', 'ausente', 'falha', 'ausência',
  'vazamento', 'manque', 'absence', 'fehlt', 'fehlende', 'unsicher', 'отсутствует', 'утечка', 'ошибка',
  '缺少', '缺失', '泄漏', '竞态', '竞争条件', '错误', '錯誤', '漏洞', '不足', '欠如', '漏れ',
];
export const DEFECT = wordsPattern(DEFECT_WORDS);

/** An item that only says "and others" (`- И др.`, `- etc.`) closes a list; it is no finding. */
export const ETCETERA_WORDS: readonly string[] = [
  'etc', 'etc.', 'and more', 'and others', 'and so on', '...', '…', 'y más', 'etcétera', 'e mais', 'etc…', 'et cetera', 'und mehr',
  'usw.', 'usw', 'и др.', 'и др', 'и т.д.', 'и т. д.', 'и другие', '等', '等等', 'など', 'その他',
];
export const ETCETERA = wholePattern(ETCETERA_WORDS);
