/**
 * The layout of Go's text/tabwriter as kubectl configures it for tables
 * (minwidth 6, tabwidth 4, padding 3, padded with spaces): every cell but the last of a row is
 * padded to the widest cell of its column plus the padding, never narrower than minwidth; the
 * last cell is written as is. Widths count characters (runes), not bytes.
 */
export interface TabLayout {
  minWidth: number;
  padding: number;
}

export const KUBECTL_TABLE_LAYOUT: TabLayout = { minWidth: 6, padding: 3 };

/** Renders rows of cells; returns one line per row, each ending with a newline. */
/**
 * `paint` may decorate a cell (e.g. colour) after its padding is computed from the plain text.
 */
export function tabulate(
  rows: string[][],
  layout: TabLayout = KUBECTL_TABLE_LAYOUT,
  paint?: (cell: string, row: number, col: number) => string,
): string {
  // A column block spans consecutive rows that have a terminated cell in that column; the rows of
  // one table all have the same number of cells, but the general rule costs nothing.
  const blockWidth = (col: number, from: number): [number, number] => {
    let w = layout.minWidth;
    let end = from;
    while (end < rows.length && rows[end].length - 1 > col) {
      w = Math.max(w, runeLength(rows[end][col]) + layout.padding);
      end++;
    }
    return [w, end];
  };
  const cellWidths: number[][] = rows.map((r) => new Array(Math.max(0, r.length - 1)).fill(0));
  const maxCols = Math.max(0, ...rows.map((r) => r.length));
  for (let c = 0; c < maxCols - 1; c++) {
    let i = 0;
    while (i < rows.length) {
      if (rows[i].length - 1 <= c) { i++; continue; }
      const [w, end] = blockWidth(c, i);
      for (let j = i; j < end; j++) cellWidths[j][c] = w;
      i = end;
    }
  }
  let out = '';
  rows.forEach((r, i) => {
    r.forEach((cell, c) => {
      const shown = paint ? paint(cell, i, c) : cell;
      out += c < r.length - 1 ? shown + ' '.repeat(cellWidths[i][c] - runeLength(cell)) : shown;
    });
    out += '\n';
  });
  return out;
}

export function runeLength(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}
