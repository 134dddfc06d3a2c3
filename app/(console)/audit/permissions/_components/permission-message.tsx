"use client";
// The Message cell: "Show changes", "Impacted User: NAME (Enabled|Disabled)" with the name linked
// and struck through if the account is disabled now, or blank (message.ts has the rules).
import Link from "next/link";
import { Anchor, Text, VisuallyHidden } from "@mantine/core";
import { useHrefWithBack } from "@/components/data-table/use-href-with-back";
import { ShowChangesLink } from "@/components/diff/show-changes-link";
import { entityHref } from "@/lib/audit/timeline/entity-paths";
import type { EventRow } from "@/lib/audit/events/event-rows";
import { eventMessage } from "@/lib/audit/events/message";

export function PermissionMessage({ row }: { row: EventRow }) {
  const message = eventMessage(row);
  // The user's page goes back to this tab with its filters.
  const userHref = useHrefWithBack(message.kind === "impacted" && message.user.id !== null ? entityHref("user", message.user.id) : "");
  switch (message.kind) {
    case "blank":
      return null;
    case "text":
      return <Text size="sm">{message.text}</Text>;
    case "changes":
      return (
        <ShowChangesLink
          eventId={row.id}
          fields={message.fields}
          hint={row.changeSummary?.map((line) => line.text).join("; ")}
          context={[row.artifact?.name, row.label].filter(Boolean).join(", ")}
        />
      );
    case "impacted": {
      const { user, status } = message;
      const struck = user.enabled ? undefined : "line-through";
      const name = (
        <Text span inherit td={struck}>
          {user.username}
        </Text>
      );
      return (
        <Text size="sm">
          Impacted User:{" "}
          {user.exists && user.id !== null ? (
            <Anchor component={Link} href={userHref} inherit underline="hover" title={user.enabled ? user.displayName : `${user.displayName} (disabled now)`}>
              {name}
            </Anchor>
          ) : (
            name
          )}
          {!user.enabled && <VisuallyHidden> (disabled now)</VisuallyHidden>} ({status})
        </Text>
      );
    }
  }
}
