/**
 * Offsets and line endings of a report's lines, for edits that insert whole lines or add to
 * the end of one. A BOM stays before the first line; each line keeps its own ending.
 */
export class ReportLines {
  private readonly starts: number[] = [];
  private readonly ends: string[] = [];

  constructor(readonly text: string) {
    const re = /\r\n|\r|\n/g;
    let start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) {
      this.starts.push(start);
      this.ends.push(m[0]);
      start = m.index + m[0].length;
    }
    this.starts.push(start);
    this.ends.push('');
  }

  get count(): number {
    return this.starts.length;
  }

  /** The text of a 1-based line, without its ending. */
  lineText(line: number): string {
    const start = this.starts[line - 1];
    return this.text.slice(start, start + this.lengthOf(line));
  }

  /** Offset of a column (0-based) of a 1-based line. */
  offset(line: number, column = 0): number {
    return this.starts[line - 1] + column;
  }

  /** The line ending to write near a line: its own, else the report's first, else `\n`. */
  eol(line: number): string {
    return this.ends[line - 1] || this.ends.find((e) => e !== '') || '\n';
  }

  private lengthOf(line: number): number {
    const next = line < this.starts.length ? this.starts[line] - this.ends[line - 1].length : this.text.length;
    return next - this.starts[line - 1];
  }
}
