/**
 * Cheap plain text of a Markdown snippet for deciding what is a finding; the final title goes
 * through remark. Every pattern here is linear: link text and targets are bounded, and no two
 * unbounded quantifiers can overlap.
 */
export function quickPlain(md: string): string {
  let s = md.length > MAX_SNIPPET ? md.slice(0, MAX_SNIPPET) : md;
  // Most lines carry no link or tag: each pattern runs only where its opening character occurs.
  if (s.includes('](')) {
    s = s
      .replace(/!\[[^\]\n]{0,500}\]\([^)\n]{0,2000}\)/g, '')
      // `[[H-01] Title](url)`: link text may hold one level of brackets (contest reports).
      .replace(/\[((?:[^[\]\n]|\[[^[\]\n]{0,100}\]){0,500})\]\([^)\n]{0,2000}\)/g, '$1');
  }
  if (s.includes('<')) s = s.replace(/<[^<>\n]{1,500}>/g, '');
  if (MARKUP.test(s)) s = s.replace(/\*\*|__|~~|`/g, '');
  return SPACES.test(s) ? s.replace(/\s+/g, ' ').trim() : s.trim();
}

const MARKUP = /\*\*|__|~~|`/;
const SPACES = /\s\s|[^\S ]/;

/** A title or lead line longer than this is not a title: it is cut before any pattern sees it. */
export const MAX_SNIPPET = 4000;
