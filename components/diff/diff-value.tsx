"use client";
// One side of a field's change: text, a user (linked, struck through when disabled), a list, or None.
import { Group, Text } from "@mantine/core";
import { UserName } from "@/components/user-name";
import type { DisplayValue, ListItem } from "@/lib/audit/diff/change-diff";
import type { UserOption } from "@/lib/audit/events/user-refs";
import { Marked, NoneValue } from "./diff-marks";
import classes from "./diff.module.css";

/** The users user values name, as they are now, by id. */
export type DiffUsers = Record<number, UserOption>;

export function DiffUser({ id, name, users }: { id: number | null; name: string; users: DiffUsers }) {
  const user = id === null ? undefined : users[id];
  if (!user) return <UserName user={{ id, username: name, displayName: name, avatarUrl: null, enabled: true, exists: false }} />;
  return <UserName user={{ ...user, exists: true }} />;
}

export function DiffValue({ value, users, mark = "same" }: { value: DisplayValue; users: DiffUsers; mark?: "same" | "added" | "removed" }) {
  switch (value.type) {
    case "none":
      return <NoneValue />;
    case "user":
      return (
        <Marked change={mark} chip>
          <DiffUser id={value.id} name={value.name} users={users} />
        </Marked>
      );
    case "list":
      return <Marked change={mark}>{value.items.join(", ")}</Marked>;
    case "text":
      return (
        <Marked change={mark}>
          <span className={classes.text}>{value.text}</span>
        </Marked>
      );
  }
}

/** A list's items, each marked added, removed or kept. */
export function DiffListItems({ items, side }: { items: ListItem[]; side: "before" | "after" | "both" }) {
  const shown = items.filter((item) => side === "both" || item.change === "same" || (side === "before" ? item.change === "removed" : item.change === "added"));
  if (shown.length === 0) return <NoneValue />;
  return (
    <Group gap={6} wrap="wrap" component="ul" style={{ listStyle: "none", padding: 0, margin: 0 }}>
      {shown.map((item) => (
        <Text component="li" key={`${item.change}:${item.value}`} size="sm">
          <Marked change={item.change}>{item.value}</Marked>
        </Text>
      ))}
    </Group>
  );
}
