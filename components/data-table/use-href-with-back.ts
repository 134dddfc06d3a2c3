"use client";
// A link to an entity page or a diff that keeps the way back to the tab (and its filters) the admin is on.
import { usePathname, useSearchParams } from "next/navigation";
import { backFrom, withBack } from "@/lib/audit/timeline/back-link";

export function useHrefWithBack(href: string): string {
  const pathname = usePathname();
  const search = useSearchParams();
  return withBack(href, backFrom(pathname, new URLSearchParams(search.toString())));
}
