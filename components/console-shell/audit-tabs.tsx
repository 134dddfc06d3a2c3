"use client";
// The Audit page's tab bar: a link per search tab (lib/audit/tabs/search-tabs.ts) and the Config tab,
// so tabs can be opened in a new window and bookmarked; the current one marked with aria-current.
// On a narrow screen the bar scrolls sideways in its own box, with the current tab scrolled into it.
import { useEffect, useRef } from "react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { Group } from "@mantine/core";
import { IconClipboardList, IconHistory, IconLogin2, IconSettings, IconShieldLock, type Icon } from "@tabler/icons-react";
import { SEARCH_TAB_IDS, SEARCH_TABS, type SearchTabId } from "@/lib/audit/tabs/search-tabs";
import classes from "./audit-tabs.module.css";

const ICONS: Record<SearchTabId, Icon> = {
  logins: IconLogin2,
  artifacts: IconHistory,
  permissions: IconShieldLock,
  console: IconClipboardList,
};

const TABS = [
  ...SEARCH_TAB_IDS.map((id) => ({ href: SEARCH_TABS[id].path, label: SEARCH_TABS[id].title, icon: ICONS[id] })),
  { href: "/audit/config", label: "Config", icon: IconSettings },
];

export function AuditTabs() {
  const pathname = usePathname();
  // The <ul> (Group types its element as a div).
  const list = useRef<HTMLDivElement>(null);
  const currentHref = TABS.find(({ href }) => pathname === href || pathname.startsWith(`${href}/`))?.href;
  useEffect(() => {
    const bar = list.current;
    const current = currentHref ? bar?.querySelector<HTMLElement>(`a[href="${currentHref}"]`) : null;
    if (!bar || !current) return;
    // Sideways only (scrollIntoView would move the page too).
    const left = current.getBoundingClientRect().left - bar.getBoundingClientRect().left + bar.scrollLeft;
    if (left < bar.scrollLeft || left + current.offsetWidth > bar.scrollLeft + bar.clientWidth) bar.scrollLeft = left - 16;
  }, [currentHref]);
  return (
    <nav aria-label="Audit sections" className={classes.bar}>
      <Group gap={0} wrap="nowrap" component="ul" className={classes.list} ref={list}>
        {TABS.map(({ href, label, icon: TabIcon }) => {
          const current = href === currentHref;
          return (
            <li key={href}>
              <Link href={href} className={classes.tab} aria-current={current ? "page" : undefined}>
                <TabIcon size={16} stroke={1.8} aria-hidden className={classes.icon} />
                {label}
              </Link>
            </li>
          );
        })}
      </Group>
    </nav>
  );
}
