"use client";
// Below every list: which rows are showing, the page numbers, and the rows-per-page choice. The
// control used keeps the focus while the list reloads (keep-focus.ts); past a capped total
// ("10,000+") no last page is offered, since it is unknown: Next goes on page by page.
import { useId } from "react";
import { Group, Pagination, Select, Text } from "@mantine/core";
import { formatCount, formatTotal, pagerPages, PAGE_SIZES, positionOf, type PageResult, type PageSize } from "@/lib/audit/search/list-result";
import { focusedByKeyboard, keepFocus } from "./keep-focus";
import { useListUrl } from "./use-list-url";

interface DataTablePaginationProps {
  result: PageResult;
  size: PageSize;
  rowsOnPage: number;
}

const SIZE_OPTIONS = PAGE_SIZES.map((size) => ({ value: String(size), label: String(size) }));

// The pager and the size select, found again after the list rendered anew.
const PAGER = "[data-list-pager]";
const SIZE_SELECT = "input[data-page-size]";

function shownText(result: PageResult, rowsOnPage: number): string {
  const total = formatTotal(result.total, result.totalIsCapped);
  if (rowsOnPage <= 0) return `No rows on page ${formatCount(result.page)}`;
  if (result.firstRow === null) return `Showing the last ${formatCount(rowsOnPage)} of ${total}`;
  return `Showing ${formatCount(result.firstRow)}–${formatCount(result.firstRow + rowsOnPage - 1)} of ${total}`;
}

export function DataTablePagination({ result, size, rowsOnPage }: DataTablePaginationProps) {
  const { setPage, setSize, pending } = useListUrl();
  const sizeId = useId();
  const { page } = result;
  const { pages, more } = pagerPages(result, size);

  const goTo = (target: number) => {
    const used = document.activeElement;
    const label = used instanceof HTMLElement ? used.getAttribute("aria-label") : null;
    // A click starts the new page at its top; from the keyboard the pager stays in view, with the focus:
    // on the same control on the new page (Next stays Next), else (Next at the end) the page now shown.
    const keyboard = focusedByKeyboard(used);
    keepFocus([`${PAGER} button[aria-label="${label ?? `Page ${target}`}"]`, `${PAGER} button[aria-label="Page ${target}"]`], { scroll: keyboard });
    setPage(positionOf(target, result, pages), { scroll: !keyboard });
  };

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
            onChange={(value) => {
              if (!value) return;
              keepFocus([SIZE_SELECT]);
              setSize(Number(value) as PageSize);
            }}
            allowDeselect={false}
            w={80}
            size="xs"
            disabled={pending}
            comboboxProps={{ withinPortal: true }}
            data-page-size
          />
        </Group>
        <nav aria-label="Pages" data-list-pager>
          <Pagination.Root
            total={pages}
            value={page}
            onChange={goTo}
            size="sm"
            siblings={1}
            boundaries={1}
            disabled={pending}
            getItemProps={(item) => ({ "aria-label": `Page ${item}`, "aria-current": item === page ? "page" : undefined })}
          >
            <Group gap={6} wrap="wrap">
              <Pagination.Previous aria-label="Previous page" />
              <Pagination.Items />
              {more && <Pagination.Dots aria-label="More pages follow" role="img" />}
              <Pagination.Next aria-label="Next page" />
            </Group>
          </Pagination.Root>
        </nav>
      </Group>
    </Group>
  );
}
