"use client";
// Writes a list's page, page size and sort into the URL; the server page reads them back and
// renders the new page. Changing the size or the sort goes back to page 1.
import { parseAsNumberLiteral, parseAsString, useQueryStates } from "nuqs";
import { DEFAULT_PAGE_SIZE, PAGE_SIZES, type PagePosition, type PageSize } from "@/lib/audit/search/list-result";
import { parseAsPage, parseAsPosition } from "@/lib/audit/search/list-url";
import { useListTransition } from "./list-transition";

const listKeys = {
  page: parseAsPage,
  size: parseAsNumberLiteral(PAGE_SIZES),
  sort: parseAsString,
  after: parseAsPosition,
  before: parseAsPosition,
};

/** `defaultSort` is left out of the URL. */
export function useListUrl(defaultSort?: string) {
  const [pending, startTransition] = useListTransition();
  const [, setUrl] = useQueryStates(listKeys, { shallow: false, history: "push", scroll: false, startTransition });
  const firstPage = { page: null, after: null, before: null };
  return {
    pending,
    // A new page starts at the top unless asked not to (the keyboard's user stays at the pager); a
    // new sort or size keeps the place (the controls are near).
    setPage: ({ page, after = null, before = null }: PagePosition, { scroll = true }: { scroll?: boolean } = {}) =>
      setUrl(page === 1 ? firstPage : { page, after: before ? null : after, before }, { scroll }),
    setSize: (size: PageSize) => setUrl({ size: size === DEFAULT_PAGE_SIZE ? null : size, ...firstPage }),
    setSort: (sort: string) => setUrl({ sort: sort === defaultSort ? null : sort, ...firstPage }),
  };
}
