"use client";
// The console's sections in the header: the audit trail and the API reference for everyone, API
// tokens and console users for administrators only; the section open is marked with aria-current.
// Buttons in the header on a wide screen (icons alone below `lg`, where the labels would crowd out
// the time zone and the account), a list in the header's menu on a narrow one.
import { Fragment } from "react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { ActionIcon, Button, Group, NavLink, Stack } from "@mantine/core";
import { IconApi, IconKey, IconListSearch, IconUsers, type Icon } from "@tabler/icons-react";
import type { ConsoleAccessRole } from "@/lib/auth/principal";

interface Section {
  href: string;
  /** the path prefix the section owns */
  prefix: string;
  label: string;
  title: string;
  icon: Icon;
  roles: readonly ConsoleAccessRole[];
}

const SECTIONS: Section[] = [
  { href: "/audit/logins", prefix: "/audit", label: "Audit", title: "The audit trail", icon: IconListSearch, roles: ["ADMIN", "AUDITOR"] },
  { href: "/settings/api-tokens", prefix: "/settings/api-tokens", label: "API tokens", title: "Settings: API tokens", icon: IconKey, roles: ["ADMIN"] },
  {
    href: "/settings/console-users",
    prefix: "/settings/console-users",
    label: "Users",
    title: "Settings: console users, the accounts that sign in to this console",
    icon: IconUsers,
    roles: ["ADMIN"],
  },
  {
    href: "/settings/api-reference",
    prefix: "/settings/api-reference",
    label: "API reference",
    title: "Settings: the API reference",
    icon: IconApi,
    roles: ["ADMIN", "AUDITOR"],
  },
];

function useSections(role: ConsoleAccessRole) {
  const pathname = usePathname();
  return SECTIONS.filter((section) => section.roles.includes(role)).map((section) => ({
    ...section,
    current: pathname === section.prefix || pathname.startsWith(`${section.prefix}/`),
  }));
}

/** The sections as buttons in the header, from the `sm` breakpoint up: labelled from `lg`, icons (named alike) below it. */
export function ConsoleNav({ role }: { role: ConsoleAccessRole }) {
  return (
    <Group component="nav" aria-label="Console" gap={4} wrap="nowrap" visibleFrom="sm">
      {useSections(role).map(({ href, label, title, icon: SectionIcon, current }) => {
        const link = {
          component: Link,
          href,
          title,
          variant: current ? "light" : "subtle",
          color: current ? undefined : "gray",
          c: current ? undefined : "gray.8",
          "aria-current": current ? ("page" as const) : undefined,
        };
        return (
          <Fragment key={href}>
            <Button {...link} size="sm" visibleFrom="lg" leftSection={<SectionIcon size={16} stroke={1.8} aria-hidden />}>
              {label}
            </Button>
            <ActionIcon {...link} size="lg" hiddenFrom="lg" aria-label={label}>
              <SectionIcon size={18} stroke={1.8} aria-hidden />
            </ActionIcon>
          </Fragment>
        );
      })}
    </Group>
  );
}

/** The same sections as a list, in the menu a narrow screen opens from the header. */
export function ConsoleNavList({ role, onNavigate }: { role: ConsoleAccessRole; onNavigate: () => void }) {
  return (
    <Stack component="nav" aria-label="Console" gap={4}>
      {useSections(role).map(({ href, label, icon: SectionIcon, current }) => (
        <NavLink
          key={href}
          component={Link}
          href={href}
          label={label}
          active={current}
          onClick={onNavigate}
          leftSection={<SectionIcon size={18} stroke={1.8} aria-hidden />}
          aria-current={current ? "page" : undefined}
          style={{ borderRadius: "var(--mantine-radius-sm)" }}
        />
      ))}
    </Stack>
  );
}
