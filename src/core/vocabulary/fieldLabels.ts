/**
 * Labels of the fields a finding carries (`**Status:** Fixed`, `- Severity: High`, `**位置**：…`), by
 * what the field gives, in English, Spanish, Portuguese, French, German, Russian, Chinese and
 * Japanese. Labels are matched lower-cased and whole.
 */
export const STATUS_LABELS_READ = [
  'status', 'resolution', 'fix status', 'remediation status', 'current status', 'state', 'estado', 'situação', 'statut', 'état',
  'zustand', 'статус', 'состояние', '状态', '修复状态', '状態', 'ステータス', '対応状況',
];
export const SEVERITY_LABELS = [
  'severity', 'risk', 'risk level', 'impact level', 'severidad', 'gravedad', 'severidade', 'gravidade', 'sévérité', 'gravité',
  'schweregrad', 'критичность', 'серьезность', 'серьёзность', '严重性', '严重程度', '风险等级', '重要度', '深刻度', '危険度',
];
export const PRIORITY_LABELS = ['priority', 'prioridad', 'prioridade', 'priorité', 'priorität', 'приоритет', '优先级', '優先度'];
export const LOCATION_LABELS = [
  'file', 'files', 'location', 'locations', 'path', 'paths', 'source', 'affected file', 'affected files', 'affected',
  'where', 'evidence', 'files modified', 'modified files', 'files changed', 'code', 'code location', 'component',
  'affected code', 'affected component', 'affected components', 'found in', 'lines changed', 'evidencia', 'archivo', 'archivos',
  'ubicación', 'evidência', 'arquivo', 'arquivos', 'localização', 'fichier', 'fichiers', 'emplacement', 'datei', 'dateien', 'ort',
  'файл', 'файлы', 'расположение', '文件', '位置', '代码位置', 'ファイル', '場所', '該当箇所',
];
export const LINE_LABELS = ['line', 'lines', 'lines changed', 'line numbers', 'line number', 'línea', 'líneas', 'linha', 'linhas', 'ligne', 'lignes', 'zeile', 'zeilen', 'строка', 'строки', '行', '行号'];
/** Labels read on a plain `Label: value` line, without bold: the status, severity and priority labels and these. */
export const PLAIN_FIELD_LABELS = ['file', 'files', 'location', 'locations', 'line', 'lines', 'impact', 'likelihood'];
/** Labels of a finding's own id in a per-issue table (`| ID | Severity | Status |`). */
export const ID_LABELS = ['id', 'finding id', 'issue id', 'ref', 'reference', 'referencia', 'referência', 'référence', 'kennung', 'идентификатор', '编号', '番号'];
/** A maintainer's comment on the remediation, which may say how a `Closed` issue was closed. */
export const REMEDIATION_LABELS = ['remediation comment', 'remediation', 'comment', 'comments', 'resolution comment', 'response', 'comentario', 'comentário', 'commentaire', 'kommentar', 'комментарий', '备注', 'コメント'];
/** An impact written as a level (`**Impact:** Medium`) gives the severity when nothing else does. */
export const IMPACT_LABELS = ['impact', 'impacto', 'impact level', 'auswirkung', 'влияние', '影响', '影響'];
