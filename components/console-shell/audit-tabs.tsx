"use client";
// The Audit page's tab bar: links (so tabs can be opened in a new window and bookmarked), the
// current one marked with aria-current. Tabs that later releases bring are shown, but disabled.
import Link from "next/link";
import { usePathname } from "next/navigation";
import { Group, Tooltip } from "@mantine/core";
import { IconHistory, IconLogin2, IconSettings, IconShieldLock } from "@tabler/icons-react";
import classes from "./audit-tabs.module.css";

const TABS = [
  { slug: "logins", label: "Logins", icon: IconLogin2, available: true },
  { slug: "artifacts", label: "Artifacts", icon: IconHistory, available: true },
  { slug: "permissions", label: "Permissions", icon: IconShieldLock, available: true },
  { slug: "config", label: "Config", icon: IconSettings, available: true },
] as const;

export function AuditTabs() {
  const pathname = usePathname();
  return (
    <nav aria-label="Audit sections" className={classes.bar}>
      <Group gap={0} wrap="nowrap" component="ul" className={classes.list}>
        {TABS.map(({ slug, label, icon: Icon, available }) => {
          const href = `/audit/${slug}`;
          const current = pathname === href || pathname.startsWith(`${href}/`);
          const content = (
            <>
              <Icon size={16} stroke={1.8} aria-hidden />
              {label}
            </>
          );
          return (
            <li key={slug}>
              {available ? (
                <Link href={href} className={classes.tab} aria-current={current ? "page" : undefined}>
                  {content}
                </Link>
              ) : (
                <Tooltip label="Arrives in a later release" withArrow>
                  <span className={classes.tab} aria-disabled="true" tabIndex={0} aria-label={`${label}, arrives in a later release`}>
                    {content}
                  </span>
                </Tooltip>
              )}
            </li>
          );
        })}
      </Group>
    </nav>
  );
}
