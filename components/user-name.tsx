"use client";
// A user wherever the console names one: avatar (or initials in a colored circle), display name and
// @username, linking to the user's page; a disabled user is struck through, and says so to screen
// readers. A user that no longer exists shows the name the event recorded, without a link.
import Link from "next/link";
import { useEffect, useState, type ReactNode } from "react";
import { Anchor, Avatar, Group, Text, VisuallyHidden, type MantineSize } from "@mantine/core";
import type { UserRef } from "@/lib/audit/events/user-refs";
import { entityHref } from "@/lib/audit/timeline/entity-paths";
import { useHrefWithBack } from "./data-table/use-href-with-back";
import { initials } from "./user-initials";

export type UserNameUser = Pick<UserRef, "id" | "username" | "displayName" | "avatarUrl" | "enabled"> & { exists?: boolean };

/** Colors for initials: readable with white text, never gray (which reads as "disabled"). */
// Filled shades with white initials at 5:1 or better (WCAG AA); green and orange never get there.
const INITIALS_COLORS = ["indigo.8", "blue.9", "cyan.9", "teal.9", "violet.8", "grape.8", "pink.8", "red.9"];

/**
 * False once the image failed to load. An image that fails before hydration fires its error event
 * before React listens, which would leave a broken image instead of the initials: probe it again.
 */
function useImageLoads(src: string | null): boolean {
  const [failed, setFailed] = useState<string | null>(null);
  useEffect(() => {
    if (!src) return;
    const probe = new Image();
    probe.onerror = () => setFailed(src);
    probe.src = src;
    return () => {
      probe.onerror = null;
    };
  }, [src]);
  return src !== null && failed !== src;
}

export function UserAvatar({ user, size = 26 }: { user: Pick<UserNameUser, "displayName" | "avatarUrl" | "enabled">; size?: MantineSize | number }) {
  const loads = useImageLoads(user.avatarUrl);
  return (
    <Avatar
      src={loads ? user.avatarUrl : null}
      name={user.displayName}
      color="initials"
      variant="filled"
      allowedInitialsColors={INITIALS_COLORS}
      size={size}
      radius="xl"
      alt=""
      aria-hidden
      style={user.enabled ? undefined : { filter: "grayscale(1)" }}
    >
      {initials(user.displayName)}
    </Avatar>
  );
}

/** Display name and @username, struck through when disabled, with the hint for screen readers. */
export function UserLabel({ user, size = "sm" }: { user: UserNameUser; size?: MantineSize }) {
  const struck = user.enabled ? undefined : "line-through";
  return (
    <>
      <Text span size={size} fw={500} td={struck} c={user.enabled ? undefined : "dimmed"}>
        {user.displayName}
      </Text>{" "}
      {user.username !== user.displayName && (
        <Text span size={size} c="dimmed" td={struck}>
          @{user.username}
        </Text>
      )}
      {!user.enabled && <VisuallyHidden> (disabled)</VisuallyHidden>}
    </>
  );
}

interface UserNameProps {
  user: UserNameUser;
  size?: MantineSize;
  /** no link (e.g. inside a link already) */
  plain?: boolean;
}

export function UserName({ user, size = "sm", plain = false }: UserNameProps) {
  const exists = user.exists !== false && user.id !== null;
  const href = useHrefWithBack(user.id !== null ? entityHref("user", user.id) : "");
  let label: ReactNode = <UserLabel user={user} size={size} />;
  if (exists && !plain) {
    label = (
      <Anchor component={Link} href={href} underline="hover" c="inherit" title={user.enabled ? undefined : "Disabled user"}>
        {label}
      </Anchor>
    );
  } else if (!exists) {
    label = (
      <span title="This user no longer exists; the name is the one recorded with the event">
        {label}
        <VisuallyHidden> (user no longer exists)</VisuallyHidden>
      </span>
    );
  }
  return (
    <Group gap={8} wrap="nowrap" miw={0}>
      <UserAvatar user={user} size={size === "xs" ? 22 : 26} />
      <div style={{ minWidth: 0 }}>{label}</div>
    </Group>
  );
}
