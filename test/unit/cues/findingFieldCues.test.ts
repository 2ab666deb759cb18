import { deepStrictEqual, strictEqual } from 'node:assert';
import { findings } from '../helpers';

// Finding fields (Problem, Impact, Fix, Recommendation, Description, Found in, Workaround) tip a
// numbered heading in a neutral section into a finding: without them, a number alone does not.
describe('finding-field cues', () => {
  const cases: Array<[string, string]> = [
    ['English: **Problem:** / **Impact:** / **Fix:**', '**Problem:** the cache never evicts.\n**Impact:** memory grows without bound.\n**Fix:** add an LRU limit.'],
    ['English: **Description:** / **Recommendation:**', '**Description:** passwords are hashed with SHA-1.\n**Recommendation:** use Argon2id.'],
    ['English: **Found in:** / **Workaround:**', '**Found in:** v2.3.1\n**Workaround:** restart the worker nightly.'],
    ['Spanish: **Problema:** / **Impacto:** / **Recomendación:**', '**Problema:** la caché nunca expira.\n**Impacto:** la memoria crece sin límite.\n**Recomendación:** limitar su tamaño.'],
    ['Portuguese: **Problema:** / **Impacto:** / **Recomendação:**', '**Problema:** o cache nunca expira.\n**Impacto:** a memória cresce sem limite.\n**Recomendação:** limitar o tamanho.'],
    ['French: **Problème :** / **Recommandation :**', '**Problème :** le cache n’expire jamais.\n**Recommandation :** limiter sa taille.'],
    ['German: **Problem:** / **Auswirkung:** / **Empfehlung:**', '**Problem:** Der Cache läuft nie ab.\n**Auswirkung:** Der Speicher wächst unbegrenzt.\n**Empfehlung:** Größe begrenzen.'],
    ['Russian: **Проблема:** / **Влияние:** / **Рекомендация:**', '**Проблема:** кэш никогда не очищается.\n**Влияние:** память растёт без ограничений.\n**Рекомендация:** ограничить размер.'],
    ['Chinese: **问题**： / **影响**： / **建议**：', '**问题**：缓存永不过期。\n**影响**：内存无限增长。\n**建议**：限制缓存大小。'],
    ['Japanese: **問題**： / **影響**： / **推奨**：', '**問題**：キャッシュが期限切れにならない。\n**影響**：メモリが無制限に増える。\n**推奨**：サイズを制限する。'],
  ];
  for (const [name, fields] of cases) {
    it(`a numbered heading in review notes is a finding by its fields: ${name}`, () => {
      // "Review notes" says nothing either way; the number alone is not enough (next test).
      const md = `# Review notes\n\n## 3. Cache layer\n\n${fields}\n`;
      deepStrictEqual(findings(md).map((f) => [f.id, f.title, f.kind]), [['3', 'Cache layer', 'heading']]);
    });
  }

  it('the same heading without fields is not a finding', () => {
    strictEqual(findings('# Review notes\n\n## 3. Cache layer\n\nThe cache is an LRU keyed by tenant.\n').length, 0);
  });
});
