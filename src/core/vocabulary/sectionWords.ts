/**
 * What a heading says about the units beneath it, by kind, in English, Spanish, Portuguese,
 * French, German, Russian (stems), Chinese and Japanese. `classifySection` (./sectionKind.ts)
 * builds its patterns from these lists; nothing else spells them out.
 */
export const SECTION_WORDS = {
  /** The section holds findings or open work ("Known Issues", "Remaining from Audit", "Hallazgos"). */
  findings: [
    'finding', 'findings', 'issue', 'issues', 'bug', 'bugs', 'vulnerability', 'vulnerabilities', 'problem', 'problems', 'concern',
    'concerns', 'weakness', 'weaknesses', 'risk', 'risks', 'defect', 'defects', 'flaw', 'flaws', 'observation', 'observations',
    'remaining', 'not fixed', 'still pending', 'open items', 'next priorities', 'known issues', 'known limitations', 'known edges',
    'known gaps', 'known problems', 'known bugs', 'hotspot', 'hotspots', 'security hotspots', 'limitaciones conocidas', 'problemas conocidos', 'limitações conhecidas',
    'problemas conhecidos', 'limites connues', 'problèmes connus', 'bekannte probleme', 'bekannte einschränkungen',
    'известные проблемы', 'известные ограничения', '已知问题', '既知の問題', 'fixes', 'blocker', 'blockers', 'gap',
    'gaps', 'todos', 'severity', 'hallazgo', 'hallazgos', 'problema', 'problemas', 'achado', 'achados', 'riesgo', 'riesgos', 'risco',
    'riscos', 'bloqueador', 'bloqueadores', 'bloqueante', 'bloqueantes', 'vulnerabilidad', 'vulnerabilidades', 'vulnerabilidade',
    'constat', 'constats', 'problème', 'problèmes', 'vulnérabilité', 'vulnérabilités', 'befund', 'befunde', 'schwachstelle',
    'schwachstellen', 'probleme', 'mängel', '问题', '漏洞', '发现', '缺陷', '問題', '脆弱性', '指摘', '不具合',
  ],
  /** Russian words decline: stems match as prefixes. */
  findingsStems: ['проблем', 'ошибк', 'уязвим', 'замечан'],
  /** Words that name findings outright: such a heading is never a procedure ("Findings Explanation" aside). */
  findingNames: ['finding', 'findings', 'issue', 'issues', 'bug', 'bugs', 'vulnerability', 'vulnerabilities', 'problem', 'problems'],
  /** "Not bugs", "Not issues": the heading sets findings aside. */
  notFindings: ['not bug', 'not bugs', 'not a bug', 'not issue', 'not issues', 'not an issue', 'not finding', 'not findings', 'not problems'],
  /** Procedural or metadata: steps, plans, checklists, changed files, references (when the heading is short). */
  procedural: [
    'deploy', 'deployment', 'rollback', 'roll-back', 'verification', 'verify', 'verified', 'testing', 'test', 'tests', 'test plan',
    'checklist', 'file changed', 'files changed', 'changed files', 'file modified', 'files modified', 'commit', 'commits', 'reference',
    'references', 'credit', 'credits', 'acknowledgment', 'acknowledgments', 'acknowledgement', 'acknowledgements', 'statistics', 'stats',
    'metrics', 'table of contents', 'contents', 'toc', 'scope', 'methodology', 'approach', 'about', 'disclaimer', 'appendix', 'glossary',
    'timeline', 'how to', 'usage', 'setup', 'installation', 'changelog', 'next steps', 'sign-off', 'signoff', 'overview', 'introduction',
    'conclusion', 'executive', 'severity criteria', 'severity classification', 'severity definition', 'severity definitions',
    'risk classification', 'coverage', 'project profile', 'wardens', 'audit scope', 'recommended actions', 'action items', 'action plan',
    'roadmap', 'how to verify', 'priority', 'priorities', 'recommendation', 'recommendations', 'explanation', 'classification',
    'definition', 'definitions', 'plan', 'phase', 'sprint', 'week', 'implementation order', 'despliegue', 'verificación', 'pruebas',
    'referencias', 'metodología', 'alcance', 'apéndice', 'glosario', 'instalación', 'próximos pasos', 'introducción', 'conclusión',
    'recomendaciones', 'fase', 'semana', 'implantação', 'verificação', 'testes', 'referências', 'metodologia', 'escopo', 'anexo',
    'instalação', 'próximos passos', 'introdução', 'conclusão', 'recomendações', 'plano', 'déploiement', 'vérification', 'méthodologie',
    'portée', 'annexe', 'glossaire', 'prochaines étapes', 'recommandations', 'bereitstellung', 'überprüfung', 'methodik', 'umfang',
    'anhang', 'glossar', 'nächste schritte', 'einleitung', 'fazit', 'empfehlungen', '部署', '验证', '测试', '范围', '附录', '建议',
    '计划', '阶段', '下一步', '検証', 'テスト', '手順', '範囲', '付録', '推奨', '計画', '次のステップ',
  ],
  proceduralStems: ['план', 'недел', 'методолог', 'рекомендац', 'тестирован', 'развертыван'],
  /** Procedural whatever else the heading says ("Findings Explanation", "Severity Criteria"). */
  alwaysProcedural: [
    'explanation', 'classification', 'definition', 'definitions', 'methodology', 'severity criteria', 'deployment', 'rollback',
    'file changed', 'files changed', 'changed files', 'commits', 'references', 'credits', 'table of contents', 'disclaimer', 'appendix',
    'glossary', 'how to verify', 'metodología', 'metodologia', 'méthodologie', 'methodik', 'apéndice', 'anexo', 'annexe', 'anhang',
    'glosario', 'glossaire', 'glossar', '附录', '付録',
  ],
  /** A summary or statistics section, whose tables repeat the findings. */
  summary: [
    'summary', 'statistics', 'stats', 'overview', 'matrix', 'count', 'counts', 'metrics', 'table of contents', 'scoreboard', 'dashboard',
    'resumen', 'resumo', 'sommaire', 'résumé', 'zusammenfassung', 'übersicht', 'сводка', 'итог', 'итоги', 'обзор', '摘要', '概述', '总结',
    '概要', 'まとめ',
  ],
  /** Fixes grouped by severity (`## HIGH PRIORITY FIXES (4)`, `## Critical fixes`): fixed findings. */
  fixGroup: ['fixes', 'fixes applied', 'correcciones', 'correções', 'corrections', 'korrekturen', 'исправления', '修复', '修正'],
  /** "Next priorities" lists open work, though "priorities" alone is a plan. */
  openWork: ['next priorities'],
} as const;
