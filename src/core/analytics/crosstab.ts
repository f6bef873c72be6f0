/**
 * Cross tabulation (tri croisé) of amounts over two dimensions: each input item contributes an
 * amount to one (row, column) cell; cells count the distinct customers behind them.
 */

export interface CrosstabItem {
  customerCode: string;
  rowKey: string;
  columnKey: string;
  amountMinor: number;
}

export interface Crosstab {
  rowKeys: string[];
  columnKeys: string[];
  /** cells[row][column] */
  amountsMinor: number[][];
  counts: number[][];
  rowTotalsMinor: number[];
  columnTotalsMinor: number[];
  totalMinor: number;
  rowCounts: number[];
  columnCounts: number[];
  totalCount: number;
}

export function crossTabulate(
  items: readonly CrosstabItem[],
  order: { rows?: readonly string[]; columns?: readonly string[] } = {},
): Crosstab {
  const keys = (pick: (item: CrosstabItem) => string, preferred?: readonly string[]) => {
    const present = new Set(items.map(pick));
    const ordered = (preferred ?? []).filter((key) => present.has(key));
    return [...ordered, ...[...present].filter((key) => !ordered.includes(key)).sort()];
  };
  const rowKeys = keys((item) => item.rowKey, order.rows);
  const columnKeys = keys((item) => item.columnKey, order.columns);
  const rowIndex = new Map(rowKeys.map((key, index) => [key, index]));
  const columnIndex = new Map(columnKeys.map((key, index) => [key, index]));
  const amountsMinor = rowKeys.map(() => columnKeys.map(() => 0));
  const members = rowKeys.map(() => columnKeys.map(() => new Set<string>()));
  const rowMembers = rowKeys.map(() => new Set<string>());
  const columnMembers = columnKeys.map(() => new Set<string>());
  const all = new Set<string>();
  for (const item of items) {
    const r = rowIndex.get(item.rowKey) as number;
    const c = columnIndex.get(item.columnKey) as number;
    (amountsMinor[r] as number[])[c] = ((amountsMinor[r] as number[])[c] ?? 0) + item.amountMinor;
    members[r]?.[c]?.add(item.customerCode);
    rowMembers[r]?.add(item.customerCode);
    columnMembers[c]?.add(item.customerCode);
    all.add(item.customerCode);
  }
  const rowTotalsMinor = amountsMinor.map((row) => row.reduce((s, v) => s + v, 0));
  const columnTotalsMinor = columnKeys.map((_k, c) => amountsMinor.reduce((s, row) => s + (row[c] ?? 0), 0));
  return {
    rowKeys,
    columnKeys,
    amountsMinor,
    counts: members.map((row) => row.map((set) => set.size)),
    rowTotalsMinor,
    columnTotalsMinor,
    totalMinor: rowTotalsMinor.reduce((s, v) => s + v, 0),
    rowCounts: rowMembers.map((set) => set.size),
    columnCounts: columnMembers.map((set) => set.size),
    totalCount: all.size,
  };
}
