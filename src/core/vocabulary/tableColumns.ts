import { wholePattern } from './wordPattern';

/**
 * Table header words by the role of their column, in English, Spanish, Portuguese, French,
 * German, Russian, Chinese and Japanese. A table holds findings when its header names a title or
 * id column and a severity, status, file or fix column (see ../detect/readTable.ts).
 */
export const TABLE_COLUMNS = {
  id: ['id', '#', 'no', 'no.', 'nr', 'nr.', 'nº', 'n.º', '№', 'ref', 'issue id', 'finding id', 'bug id', 'key', '编号', '番号'],
  title: [
    'title', 'issue', 'finding', 'description', 'summary', 'bug', 'problem', 'name', 'vulnerability', 'detector', 'issue title',
    'finding title', 'gap', 'resumo', 'resumen', 'résumé', 'zusammenfassung', 'краткое описание', '摘要', '概要', 'título', 'titulo', 'problema', 'hallazgo', 'descripción', 'descrição', 'titre', 'problème', 'constat',
    'titel', 'befund', 'beschreibung', 'название', 'проблема', 'описание', '标题', '问题', '描述', '漏洞', 'タイトル', '問題', '説明',
  ],
  severity: [
    'severity', 'risk', 'risk level', 'priority', 'level', 'sev', 'severidad', 'severidade', 'gravedad', 'prioridad', 'prioridade',
    'riesgo', 'risco', 'sévérité', 'gravité', 'priorité', 'risque', 'schweregrad', 'priorität', 'risiko', 'критичность',
    'серьезность', 'серьёзность', 'приоритет', 'риск', '严重性', '严重程度', '风险', '优先级', '重要度', '深刻度', '優先度', '危険度',
  ],
  file: [
    'file', 'files', 'location', 'locations', 'path', 'where', 'file:line', 'arquivo:linha', 'archivo:línea', 'fichier:ligne',
    'datei:zeile', 'файл:строка', 'source', 'affected file', 'affected files', 'archivo',
    'ubicación', 'arquivo', 'localização', 'local', 'fichier', 'emplacement', 'datei', 'ort', 'pfad', 'файл', 'расположение',
    'путь', '文件', '位置', '路径', 'ファイル', '場所',
  ],
  status: ['status', 'state', 'resolution', 'fixed', 'fixed?', 'estado', 'situação', 'statut', 'état', 'статус', 'состояние', '状态', '状態', 'ステータス'],
  // `| Issue | Severity | Fix |` with a PR link per row (OSTIF audit summaries).
  fix: ['fix', 'fixes', 'fixed in', 'fix pr', 'pr', 'patch', 'fix commit', 'corrección', 'correção', 'correctif', 'korrektur', 'исправление', '修复', '修正'],
  // A first column of stories, tasks or steps makes a plan, not a list of findings (agents' dev-status files).
  plan: ['story', 'task', 'epic', 'feature', 'milestone', 'step', 'phase', 'sprint', 'historia', 'tarea', 'história', 'tarefa', 'tâche', 'étape', 'aufgabe', 'schritt', 'задача', 'этап', '任务', '步骤', 'タスク'],
} as const;

export type ColumnRole = keyof typeof TABLE_COLUMNS;

const PATTERNS = Object.fromEntries(Object.entries(TABLE_COLUMNS).map(([role, words]) => [role, wholePattern(words)])) as Record<ColumnRole, RegExp>;

/** Whether a header cell (markup already stripped) names a column of that role. */
export function isColumn(role: ColumnRole, header: string): boolean {
  return PATTERNS[role].test(header);
}
