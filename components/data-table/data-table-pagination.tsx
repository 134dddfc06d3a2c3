"use client";
// Below every list: which rows are showing, the page numbers, and the rows-per-page choice.
import { useId } from "react";
import { Group, Pagination, Select, Text } from "@mantine/core";
import { formatCount, formatTotal, pageCount, PAGE_SIZES, shownRange, type PageSize } from "@/lib/audit/search/list-result";
import { useListUrl } from "./use-list-url";

interface DataTablePaginationProps {
  page: number;
  size: PageSize;
  total: number;
  totalIsCapped: boolean;
  rowsOnPage: number;
}

const SIZE_OPTIONS = PAGE_SIZES.map((size) => ({ value: String(size), label: String(size) }));

export function DataTablePagination({ page, size, total, totalIsCapped, rowsOnPage }: DataTablePaginationProps) {
  const { setPage, setSize, pending } = useListUrl();
  const sizeId = useId();
  const shown = shownRange(page, size, rowsOnPage);
  // Past the cap the exact number of pages is unknown: offer one page beyond the current one.
  const pages = totalIsCapped ? Math.max(pageCount(total, size), page + 1) : pageCount(total, size);

  return (
    <Group justify="space-between" gap="md" wrap="wrap">
      <Text size="sm" c="dimmed" aria-live="polite">
        {shown
          ? `Showing ${formatCount(shown.first)}–${formatCount(shown.last)} of ${formatTotal(total, totalIsCapped)}`
          : `No rows on page ${formatCount(page)}`}
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
            onChange={setPage}
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
