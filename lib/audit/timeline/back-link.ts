// The way back from an entity page to the tab the admin came from, with its filters: links to
// entity pages carry the tab's path and query in `back`, and the page's "Back to ..." link follows
// it. Only a search tab's own path on this console is taken, so the parameter can never send
// anyone elsewhere (no open redirect). Pure: safe to import from client components.
import { getSearchTab, SEARCH_TAB_IDS } from "../tabs/search-tabs";
import { TIMELINE_KINDS } from "./timeline-filters";

export const BACK_PARAM = "back";

/** Longer than any tab's URL with 100 ids in each of its fields. */
const MAX_BACK_LENGTH = 4000;
const ORIGIN = "http://console.invalid";

export interface BackLink {
  href: string;
  /** "Back to Artifacts" */
  label: string;
}

/** The tab `value` returns to, with its query, when it is a search tab's path on this console; else null. */
export function readBackLink(value: string | string[] | null | undefined): BackLink | null {
  const text = Array.isArray(value) ? value[0] : value;
  // "//host" and "/\host" would be read as another site by browsers; controls and spaces never occur in the pager's URLs.
  if (!text || text.length > MAX_BACK_LENGTH || !text.startsWith("/") || /^\/[/\\]|[\\\s\p{Cc}]/u.test(text)) return null;
  let url: URL;
  try {
    url = new URL(text, ORIGIN);
  } catch {
    return null;
  }
  const tab = SEARCH_TAB_IDS.map(getSearchTab).find((candidate) => candidate.path === url.pathname);
  if (url.origin !== ORIGIN || !tab) return null;
  return { href: `${url.pathname}${url.search}`, label: `Back to ${tab.title}` };
}

/** The pages that pass on the way back they were given: entity pages and the diff page. */
const PASSING_PAGE = new RegExp(`^/(${TIMELINE_KINDS.map((kind) => `${kind}s`).join("|")}|audit/changes)/\\d+$`);

/**
 * What a link to an entity page or a diff should carry as `back`, seen from the page at
 * `pathname?search`: the tab itself, or on an entity page or a diff the tab that page came from; null elsewhere.
 */
export function backFrom(pathname: string, search: URLSearchParams): string | null {
  const query = search.toString();
  const here = readBackLink(`${pathname}${query ? `?${query}` : ""}`);
  if (here) return here.href;
  return PASSING_PAGE.test(pathname) ? (readBackLink(search.get(BACK_PARAM))?.href ?? null) : null;
}

/** `href` (an entity page) carrying `back`, when there is one. */
export function withBack(href: string, back: string | null): string {
  return back ? `${href}?${new URLSearchParams({ [BACK_PARAM]: back }).toString()}` : href;
}
