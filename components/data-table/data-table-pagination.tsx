"use client";
// Below every list: which rows are showing, the page numbers, and the rows-per-page choice.
import { useId } from "react";
import { Group, Pagination, Select, Text } from "@mantine/core";
import { formatCount, formatTotal, pageCount, PAGE_SIZES, positionOf, type PageResult, type PageSize } from "@/lib/audit/search/list-result";
import { useListUrl } from "./use-list-url";

interface DataTablePaginationProps {
  result: PageResult;
  size: PageSize;
  rowsOnPage: number;
}

const SIZE_OPTIONS = PAGE_SIZES.map((size) => ({ value: String(size), label: String(size) }));

function shownText(result: PageResult, rowsOnPage: number): string {
  const total = formatTotal(result.total, result.totalIsCapped);
  if (rowsOnPage <= 0) return `No rows on page ${formatCount(result.page)}`;
  if (result.firstRow === null) return `Showing the last ${formatCount(rowsOnPage)} of ${total}`;
  return `Showing ${formatCount(result.firstRow)}–${formatCount(result.firstRow + rowsOnPage - 1)} of ${total}`;
}

export function DataTablePagination({ result, size, rowsOnPage }: DataTablePaginationProps) {
  const { setPage, setSize, pending } = useListUrl();
  const sizeId = useId();
  const { page, total, totalIsCapped } = result;
  // Past the cap the exact number of pages is unknown: offer one page beyond the current one.
  const pages = totalIsCapped ? Math.max(pageCount(total, size), page + 1) : pageCount(total, size);

  return (
    <Group justify="space-between" gap="md" wrap="wrap">
      <Text size="sm" c="dimmed" aria-live="polite">
        {shownText(result, rowsOnPage)}
      </Text>
      <Group gap="lg" wrap="wrap">
        <Group gap={8} wrap="nowrap">
          <Text size="sm" component="label" htmlFor={sizeId}>
            Rows per page
          </Text>
          <Select
            id={sizeId}
            data={SIZE_OPTIONS}
            value={String(size)}
            onChange={(value) => value && setSize(Number(value) as PageSize)}
            allowDeselect={false}
            w={80}
            size="xs"
            disabled={pending}
            comboboxProps={{ withinPortal: true }}
          />
        </Group>
        <nav aria-label="Pages">
          <Pagination
            total={pages}
            value={page}
            onChange={(target) => setPage(positionOf(target, result, pages))}
            size="sm"
            siblings={1}
            boundaries={1}
            disabled={pending}
            getItemProps={(item) => ({ "aria-label": `Page ${item}` })}
            getControlProps={(control) => ({
              "aria-label": { first: "First page", previous: "Previous page", next: "Next page", last: "Last page" }[control],
            })}
          />
        </nav>
      </Group>
    </Group>
  );
}
