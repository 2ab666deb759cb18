import type { Status } from '../types';

/**
 * Status words as reports write them, per status, in English, Spanish, Portuguese, French, German,
 * Russian, Chinese and Japanese. Order matters where words overlap: the reader tries `open` words
 * such as "not fixed" and "partially fixed" before `fixed` ones (see ../status.ts).
 */
export const STATUS_WORDS: Readonly<Record<Status, readonly string[]>> = {
  false_positive: [
    'false positive', 'false-positive', 'safe', 'validated safe', 'not an issue', 'not a bug', 'not an active bug', 'invalid', 'validated as safe',
    'cannot reproduce', "can't reproduce", 'not reproducible', 'rejected', 'disputed', 'falso positivo', 'faux positif',
    'kein fehler', 'ложное срабатывание', 'ложноположительн', '误报', '誤報', '誤検知',
  ],
  open: [
    'not fixed', 'unfixed', 'unresolved', 'partially fixed', 'partially resolved', 'partial', 'partially', 'semi-fixed',
    'semi fixed', 'in progress', 'pending', 'still pending', 'open', 'todo', 'to do', 'reopened', 'remaining',
    'not yet', 'outstanding', 'abierto', 'pendiente', 'sin corregir', 'no corregido', 'em aberto', 'aberto', 'pendente',
    'não corrigido', 'ouvert', 'non corrigé', 'en cours', 'offen', 'nicht behoben', 'открыт', 'не исправлен',
    'в работе', '未修复', '待修复', '未修正', '対応中', '未対応',
  ],
  accepted: [
    "won't fix", 'wont fix', 'will not fix', 'wontfix', 'accepted', 'acknowledged', 'by design', 'risk accepted',
    'accepted risk', 'acceptable', 'documented', 'intended', 'intentional', 'working as intended', 'aceptado', 'reconocido',
    'aceito', 'reconhecido', 'accepté', 'reconnu', 'akzeptiert', 'принят', 'принято', '已接受', '接受风险',
    '受容', '仕様',
  ],
  deferred: [
    'deferred', 'postponed', 'later', 'backlog', 'skipped', 'parked', 'on hold', 'diferido', 'pospuesto', 'adiado',
    'reporté', 'différé', 'zurückgestellt', 'отложен', '推迟', '延期', '保留', '後回し',
  ],
  fixed: [
    'fixed', 'resolved', 'done', 'mitigated', 'patched', 'corrected', 'addressed', 'implemented', 'applied', 'complete', 'completed',
    'closed', 'remediated', 'corregido', 'resuelto', 'solucionado', 'corrigido', 'resolvido', 'corrigé', 'résolu',
    'behoben', 'gelöst', 'erledigt', 'исправлен', 'исправлено', 'решено', 'устранено', '已修复', '已修復', '已解决',
    '修正済み', '修正済', '対応済み', '解決済み',
  ],
};

/** The order in which statuses are tried when their words overlap. */
export const STATUS_ORDER: readonly Status[] = ['false_positive', 'open', 'accepted', 'deferred', 'fixed'];

/** Marks that stand for a status on their own. */
export const STATUS_MARKS: ReadonlyArray<readonly [string, Status]> = [
  ['❌', 'open'],
  ['⏭️', 'deferred'],
  ['⏭', 'deferred'],
  ['✅', 'fixed'],
  ['✔️', 'fixed'],
  ['✔', 'fixed'],
  ['☑️', 'fixed'],
];

/**
 * Verdicts a maintainer writes in prose under a finding ("This issue is fixed in …", "We fixed
 * this by …", "we do not agree with the classification", "Mullvad does not plan to mitigate
 * this"), per status, in the order they are tried. A status word alone in prose says nothing
 * ("this can only be fixed by …"); these phrases say what was done. English only: the responses
 * in the corpus's other languages use status fields.
 */
export const RESPONSE_PHRASES: Readonly<Record<Status, readonly string[]>> = {
  false_positive: ['we do not agree with', "we don't agree with", 'we disagree with', 'is not a valid issue', 'is not a vulnerability', 'works as intended', 'was not an active bug', 'is not an active bug', 'not a real bug'],
  accepted: ['does not plan to actively mitigate', 'does not plan to mitigate', 'do not plan to fix', 'does not plan to fix', 'no way we can fix', 'can fix this', 'will not be fixed', 'we accept the risk'],
  deferred: ['will be fixed in a future', 'will be fixed in a later', 'plan to fix this in a future', 'plan to address this in a future'],
  open: ['is not fixed yet', 'has not been fixed', 'is still open'],
  fixed: [
    'we fixed', 'we have fixed', "we've fixed", 'issue is fixed', 'issue was fixed', 'issue has been fixed', 'has been fixed in',
    'have been fixed in', 'was fixed in', 'is fixed in', 'were fixed in', 'fix for this issue is included', 'we have addressed this',
    'we addressed this', 'implemented the suggested fix', 'we have implemented them', 'we have implemented the', 'was resolved in',
    'has been resolved in', 'was patched in', 'has been patched in', 'fix was made', 'fix was released', 'fix was merged', 'fix has been released',
    'fix has been merged',
  ],
};

/**
 * Status words that a title or heading may carry as a marker (`✅ FIXED`, `Title (Resolved)`,
 * `— WON'T FIX`, a ConsenSys badge `Won't Fix`). Words that are common in titles as plain English
 * ("later", "applied", "complete", "pending") are left out: in a title they describe, not mark.
 */
export const TITLE_STATUS_WORDS: Readonly<Record<Status, readonly string[]>> = {
  false_positive: ['false positive', 'not a bug', 'not an issue', 'invalid', 'validated as safe', 'cannot reproduce', 'rejected', 'disputed', 'falso positivo', 'faux positif'],
  open: ['not fixed', 'partially fixed', 'partially resolved', 'unfixed', 'unresolved', 'in progress', 'open', 'reopened', 'todo', 'abierto', 'pendiente', 'em aberto', 'ouvert', 'offen'],
  accepted: ["won't fix", 'wont fix', 'will not fix', 'wontfix', 'accepted', 'acknowledged', 'by design', 'risk accepted', 'intentional', 'intentional pattern', 'aceptado', 'aceito', 'accepté', 'akzeptiert'],
  deferred: ['deferred', 'postponed', 'backlog', 'skipped', 'parked', 'on hold', 'diferido', 'adiado', 'reporté', 'zurückgestellt'],
  fixed: ['fixed', 'resolved', 'done', 'mitigated', 'patched', 'closed', 'remediated', 'corregido', 'resuelto', 'corrigido', 'resolvido', 'corrigé', 'résolu', 'behoben', 'erledigt'],
};

/**
 * What a section heading says of the status of the findings beneath it ("Remaining Issues",
 * "Fixes Applied", "Won't Fix", "False Positives"), tried in STATUS_ORDER.
 */
export const SECTION_STATUS_WORDS: Readonly<Record<Status, readonly string[]>> = {
  false_positive: ['false positive', 'false positives', 'not a bug', 'not bugs', 'not bug', 'rejected', 'falsos positivos', 'faux positifs', 'ложные срабатывания', '误报', '誤検知'],
  open: [
    'not fixed', 'unfixed', 'remaining', 'still pending', 'pending', 'open items', 'open issues', 'next priorities', 'to do', 'todo', 'todos',
    'outstanding', 'unresolved', 'known issues', 'not yet', 'known gaps', 'pendientes', 'pendentes', 'en attente', 'offen', 'открытые', '未修复', '未対応',
  ],
  deferred: ['deferred', 'postponed', 'backlog', 'diferidos', 'adiados', 'reportés', 'отложенные', '推迟', '延期'],
  accepted: ["won't fix", 'wont fix', 'accepted risk', 'accepted risks', 'acknowledged', 'riesgos aceptados', 'riscos aceitos', 'risques acceptés'],
  fixed: [
    'fixes applied', 'fixed', 'resolved', 'improvements applied', 'applied', 'completed', 'done', 'critical fixes', 'high fixes', 'medium fixes',
    'low fixes', 'corregidos', 'resueltos', 'corrigidos', 'resolvidos', 'corrigés', 'résolus', 'behoben', 'исправлено', 'исправленные', '已修复', '修正済み', '対応済み',
  ],
};

/**
 * Past-tense fix verbs that open a work-log entry ("Fixed race condition in Fuse.js init",
 * "**Fixed Qdrant Filter Format**"): the entry records a defect that was fixed. In English,
 * Spanish, Portuguese, French, German, Russian, Chinese and Japanese.
 */
export const FIX_VERBS: readonly string[] = [
  'fixed', 'resolved', 'corrected', 'patched', 'repaired', 'corregido', 'corregida', 'corregí', 'corrigido', 'corrigida', 'corrigé',
  'corrigée', 'behoben', 'korrigiert', 'исправлен', 'исправлена', 'исправлено', 'исправил', 'исправлены', '修复了', '已修复', '修正した', '修正済み',
];

/** Nouns that name a fix as a done thing when they close or label a title (`TOCTOU Fix`, `Bug Fix:`). */
export const FIX_NOUNS: readonly string[] = ['fix', 'bug fix', 'bugfix', 'hotfix', 'corrección', 'correção', 'correctif', 'korrektur', 'исправление', '修复', '修正'];
