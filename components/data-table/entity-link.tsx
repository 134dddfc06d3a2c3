"use client";
// A project, tracker or artifact an event names: its recorded name, linking to its page when the
// event knows its id. The page says so when the entity has since been deleted.
import Link from "next/link";
import { Anchor, Text, type MantineSize } from "@mantine/core";
import { entityHref } from "@/lib/audit/timeline/entity-paths";
import type { EntityRef } from "@/lib/audit/events/event-rows";
import { useHrefWithBack } from "./use-href-with-back";

interface EntityLinkProps {
  kind: "project" | "tracker" | "artifact";
  entity: EntityRef | null;
  size?: MantineSize;
  /** shown for no entity; "—" by default */
  empty?: string;
}

export function EntityLink({ kind, entity, size = "sm", empty = "—" }: EntityLinkProps) {
  const href = useHrefWithBack(entity?.id ? entityHref(kind, entity.id) : "");
  if (!entity) {
    return (
      <Text span size={size} c="dimmed">
        {empty}
      </Text>
    );
  }
  if (entity.id === null) {
    return (
      <Text span size={size}>
        {entity.name}
      </Text>
    );
  }
  return (
    <Anchor component={Link} href={href} size={size} underline="hover">
      {entity.name}
    </Anchor>
  );
}
