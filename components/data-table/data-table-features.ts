// The table features every audit list uses, and the column helper typed by them. Sorting is done
// by the server (manualSorting); the table only tracks which column is sorted.
import { createColumnHelper, rowSortingFeature, tableFeatures, type ColumnDef, type RowData } from "@tanstack/react-table";

export interface DataTableColumnMeta {
  /** CSS width of the column, e.g. 180 or "30%" */
  width?: number | string;
  /** keep the cell on one line */
  nowrap?: boolean;
}

export const dataTableFeatures = tableFeatures({
  rowSortingFeature,
  columnMeta: {} as DataTableColumnMeta,
});

export type DataTableFeatures = typeof dataTableFeatures;

// The cell value type differs per column; `unknown` would reject every typed accessor.
// biome-ignore lint/suspicious/noExplicitAny: see the line above
export type DataTableColumn<Row extends RowData> = ColumnDef<DataTableFeatures, Row, any>;

/** `const column = dataTableColumns<LoginRow>()`, then `column.accessor(...)`, `column.display(...)`. */
export function dataTableColumns<Row extends RowData>() {
  return createColumnHelper<DataTableFeatures, Row>();
}
