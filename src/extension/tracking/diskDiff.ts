import { diffArrays } from 'diff';
import { hunkChange, type LineChange } from './liveShift';

// Disk → buffer: a file opened with unsaved changes (restored by hot exit, say) is compared
// with its file, so that its findings start from where their lines are in the buffer. jsdiff's
// Myers diff with a time cap: an unrelated 5k-line pair took seconds uncapped
// (follow-the-code.md §4.2); the common prefix and suffix are cut first, so the usual small
// delta costs next to nothing.

/** How long the diff of one file may take; past it the file's findings stay `unknown`. */
export const DISK_DIFF_TIMEOUT_MS = 50;

/**
 * The whole-line changes that turn `disk` into `buffer`, in order (each relative to the text
 * the previous ones left); undefined when the diff ran past `timeoutMs`.
 */
export function diskToBufferChanges(disk: string, buffer: string, timeoutMs = DISK_DIFF_TIMEOUT_MS): LineChange[] | undefined {
  if (disk === buffer) return [];
  const before = splitLines(disk);
  const after = splitLines(buffer);
  let head = 0;
  while (head < before.length && head < after.length && before[head] === after[head]) head++;
  let tail = 0;
  while (tail < before.length - head && tail < after.length - head && before[before.length - 1 - tail] === after[after.length - 1 - tail]) tail++;
  const parts = diffArrays(before.slice(head, before.length - tail), after.slice(head, after.length - tail), { timeout: timeoutMs });
  if (!parts) return undefined;
  const changes: LineChange[] = [];
  // `line` is where the next part starts in the text as changed so far (1-based).
  let line = head + 1;
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i];
    if (!p.added && !p.removed) {
      line += p.count;
      continue;
    }
    // A removal directly followed by an addition is one replacement.
    const removed = p.removed ? p.count : 0;
    const next = p.removed ? parts[i + 1] : undefined;
    const added = p.added ? p.count : next?.added ? next.count : 0;
    if (next?.added) i++;
    changes.push(hunkChange(line, removed, added));
    line += added;
  }
  return changes;
}

/** Lines without their breaks; a final break ends the last line rather than starting an empty one. */
function splitLines(text: string): string[] {
  const lines = text.split(/\r\n|\r|\n/);
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}
