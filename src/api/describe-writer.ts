/**
 * kubectl describe's PrefixWriter + tabwriter: lines at indent levels, `Key:\tvalue` pairs
 * aligned per block the way kubectl aligns them (tabwriter minwidth 0, tabwidth 8, padding 2).
 */
export class DescribeWriter {
  private readonly lines: { level: number; cells: string[] }[] = [];

  /** write(level, 'Name:', value) — cells are joined by tabs and aligned at flush. */
  write(level: number, ...cells: string[]): this {
    this.lines.push({ level, cells });
    return this;
  }

  /** A labels/annotations map in kubectl's layout: first entry on the key line, the rest indented below. */
  writeMap(level: number, title: string, map: Record<string, string> | undefined): this {
    const keys = Object.keys(map ?? {}).sort();
    if (keys.length === 0) return this.write(level, `${title}:`, '<none>');
    keys.forEach((k, i) => this.write(level, i === 0 ? `${title}:` : '', `${k}=${map![k]}`));
    return this;
  }

  toString(): string {
    // Align tab-separated cells across consecutive lines (tabwriter semantics: a column block
    // runs while consecutive lines have a cell in that column).
    const rendered: string[] = this.lines.map((l) => '  '.repeat(l.level) + l.cells.join('\t'));
    return alignTabs(rendered, 2) + (rendered.length ? '\n' : '');
  }
}

/** Go text/tabwriter with minwidth 0, padding `pad`, space padding; cells terminated by tabs. */
export function alignTabs(lines: string[], pad: number): string {
  const rows = lines.map((l) => l.split('\t'));
  const widths: number[][] = rows.map((r) => new Array(r.length).fill(0));
  // For each column index, compute widths over runs of consecutive rows that have a terminated cell there.
  const maxCols = Math.max(0, ...rows.map((r) => r.length));
  for (let c = 0; c < maxCols - 1; c++) {
    let start = 0;
    while (start < rows.length) {
      if (rows[start].length - 1 <= c) { start++; continue; }
      let end = start;
      let w = 0;
      while (end < rows.length && rows[end].length - 1 > c) { w = Math.max(w, rows[end][c].length); end++; }
      for (let i = start; i < end; i++) widths[i][c] = w + pad;
      start = end;
    }
  }
  return rows
    .map((r, i) => r.map((cell, c) => (c < r.length - 1 ? cell.padEnd(widths[i][c]) : cell)).join(''))
    .join('\n');
}
