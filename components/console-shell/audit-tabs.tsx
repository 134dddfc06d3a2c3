"use client";
// The Audit page's tab bar: a link per search tab (lib/audit/tabs/search-tabs.ts) and the Config tab,
// so tabs can be opened in a new window and bookmarked; the current one marked with aria-current.
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
  return (
    <nav aria-label="Audit sections" className={classes.bar}>
      <Group gap={0} wrap="nowrap" component="ul" className={classes.list}>
        {TABS.map(({ href, label, icon: TabIcon }) => {
          const current = pathname === href || pathname.startsWith(`${href}/`);
          return (
            <li key={href}>
              <Link href={href} className={classes.tab} aria-current={current ? "page" : undefined}>
                <TabIcon size={16} stroke={1.8} aria-hidden />
                {label}
              </Link>
            </li>
          );
        })}
      </Group>
    </nav>
  );
}
