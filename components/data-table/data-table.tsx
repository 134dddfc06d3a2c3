"use client";
// The one table of the console: @tanstack/react-table for the model, Mantine for the markup.
// Rows arrive sorted and paged by the server; a sortable header writes `sort` into the URL and keeps
// the focus while the list reloads. The table scrolls sideways in its own box on a narrow screen.
import { useMemo } from "react";
import { Table, UnstyledButton, VisuallyHidden } from "@mantine/core";
import { IconArrowDown, IconArrowUp, IconArrowsSort } from "@tabler/icons-react";
import { FlexRender, useTable, type Header, type RowData, type SortingState, type Updater } from "@tanstack/react-table";
import { splitSort, type SortValue } from "@/lib/audit/search/filter-schema";
import { dataTableFeatures, type DataTableColumn, type DataTableFeatures } from "./data-table-features";
import { keepFocus } from "./keep-focus";
import { useListUrl } from "./use-list-url";
import classes from "./data-table.module.css";

interface DataTableProps<Row extends RowData> {
  /** names the table for screen readers: "Login events" */
  label: string;
  columns: DataTableColumn<Row>[];
  rows: Row[];
  getRowId: (row: Row) => string;
  /** the sort in effect, "createdAt.desc"; omit for a list without sortable columns */
  sort?: SortValue<string>;
  /** the sort a list has without `sort` in the URL */
  defaultSort?: SortValue<string>;
}

function toSorting(sort: SortValue<string> | undefined): SortingState {
  if (!sort) return [];
  const { field, direction } = splitSort(sort);
  return [{ id: field, desc: direction === "desc" }];
}

export function DataTable<Row extends RowData>({ label, columns, rows, getRowId, sort, defaultSort }: DataTableProps<Row>) {
  const { setSort } = useListUrl(defaultSort);
  const sorting = useMemo(() => toSorting(sort), [sort]);
  const onSortingChange = (updater: Updater<SortingState>) => {
    const next = typeof updater === "function" ? updater(sorting) : updater;
    const first = next[0];
    if (first) setSort(`${first.id}.${first.desc ? "desc" : "asc"}`);
  };
  const table = useTable({
    features: dataTableFeatures,
    columns,
    data: rows,
    getRowId,
    state: { sorting },
    onSortingChange,
    manualSorting: true,
    enableMultiSort: false,
    enableSortingRemoval: false,
  });

  return (
    <Table.ScrollContainer minWidth={720} type="native" className={classes.scroller}>
      <Table striped highlightOnHover verticalSpacing="xs" aria-label={label} className={classes.table}>
        <Table.Thead>
          {table.getHeaderGroups().map((group) => (
            <Table.Tr key={group.id}>
              {group.headers.map((header) => (
                <HeaderCell key={header.id} header={header} />
              ))}
            </Table.Tr>
          ))}
        </Table.Thead>
        <Table.Tbody>
          {table.getRowModel().rows.map((row) => (
            <Table.Tr key={row.id}>
              {row.getAllCells().map((cell) => (
                <Table.Td key={cell.id} className={cell.column.columnDef.meta?.nowrap ? classes.nowrap : undefined}>
                  <FlexRender cell={cell} />
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

type AnyHeader<Row extends RowData> = Header<DataTableFeatures, Row, unknown>;

function HeaderCell<Row extends RowData>({ header }: { header: AnyHeader<Row> }) {
  const { column } = header;
  const width = column.columnDef.meta?.width;
  const content = header.isPlaceholder ? null : <FlexRender header={header} />;
  if (!column.getCanSort()) {
    return (
      <Table.Th scope="col" style={{ width }}>
        {content}
      </Table.Th>
    );
  }
  const sorted = column.getIsSorted();
  const next = column.getNextSortingOrder();
  const Icon = sorted === "asc" ? IconArrowUp : sorted === "desc" ? IconArrowDown : IconArrowsSort;
  return (
    <Table.Th scope="col" style={{ width }} aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : "none"}>
      <UnstyledButton
        className={classes.sortButton}
        onClick={(event) => {
          keepFocus([`[data-sort-column="${column.id}"]`]);
          column.getToggleSortingHandler()?.(event);
        }}
        data-sorted={sorted || undefined}
        data-sort-column={column.id}
      >
        {content}
        <Icon size={14} stroke={2} aria-hidden className={classes.sortIcon} />
        <VisuallyHidden>{next === "desc" ? ", sort descending" : ", sort ascending"}</VisuallyHidden>
      </UnstyledButton>
    </Table.Th>
  );
}
