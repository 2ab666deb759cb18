import { deepStrictEqual } from 'node:assert';
import { findings, only } from '../helpers';

// The same finding shape written by reviewers in each language of the corpus: a findings section,
// a numbered heading, then severity and status fields in that language.
describe('severity and status in the languages of the corpus', () => {
  const cases: Array<[string, string, [string | null, string]]> = [
    ['Spanish: **Severidad:** Alta / **Estado:** Corregido', '## Hallazgos\n\n### 1. Secretos en el repositorio\n\n**Severidad:** Alta\n**Estado:** Corregido\n', ['high', 'fixed']],
    ['Portuguese: **Severidade:** Crítica / **Status:** Pendente', '## Achados\n\n### 2. Senha padrão no seed\n\n**Severidade:** Crítica\n**Status:** Pendente\n', ['critical', 'open']],
    ['French: **Sévérité :** Moyenne / **Statut :** CORRIGÉ', '## Constats\n\n### 3. Jeton sans expiration\n\n**Sévérité :** Moyenne\n**Statut :** CORRIGÉ\n', ['medium', 'fixed']],
    ['German: **Schweregrad:** Niedrig / **Status:** Offen', '## Befunde\n\n### 4. Fehlende Eingabeprüfung\n\n**Schweregrad:** Niedrig\n**Status:** Offen\n', ['low', 'open']],
    ['Russian: **Критичность:** Высокая / **Статус:** Исправлено', '## Найденные проблемы\n\n### 5. Утечка токена в логах\n\n**Критичность:** Высокая\n**Статус:** Исправлено\n', ['high', 'fixed']],
    ['Chinese: **严重程度**：高 / **状态**：已修复', '## 问题列表\n\n### 6. 硬编码的 API 密钥\n\n**严重程度**：高\n**状态**：已修复\n', ['high', 'fixed']],
    ['Japanese: **重要度**：中 / **ステータス**：未対応', '## 指摘事項\n\n### 7. 入力値の検証不足\n\n**重要度**：中\n**ステータス**：未対応\n', ['medium', 'open']],
  ];
  for (const [name, md, want] of cases) {
    it(name, () => {
      const f = only(md);
      deepStrictEqual([f.severity, f.status], want);
    });
  }

  it('Russian severity section: `## 🚨 КРИТИЧЕСКИЕ ПРОБЛЕМЫ (P0)` over numbered headings', () => {
    const md = ['## 🚨 КРИТИЧЕСКИЕ ПРОБЛЕМЫ (P0)', '', '### 1. XSS в предпросмотре', '', '**Файл:** `content.js:172-189`', '', '## ⚠️ СРЕДНИЕ ПРОБЛЕМЫ (P2)', '', '### 2. Нет таймаута запроса', '', '**Файл:** `api.js:40`', ''].join('\n');
    deepStrictEqual(findings(md).map((f) => [f.id, f.severity]), [['1', 'critical'], ['2', 'medium']]);
  });

  it('Spanish bullets with a severity word first: `- CRITICO - title. Evidencia: …`', () => {
    const md = 'B) Riesgos bloqueantes\n- CRITICO - Secretos en el repositorio. Evidencia: `.env:19`.\n- ALTO - CORS abierto a cualquier origen. Evidencia: `frontend/Caddyfile:18`.\n';
    deepStrictEqual(findings(md).map((f) => f.severity), ['critical', 'high']);
  });
});
