// Who the artifact is: kind, state (active, in the trash, deleted), place, source, and the event
// that put it in its state; a deleted or unknown artifact says so.
import { Badge, Text } from "@mantine/core";
import { DateTimeText } from "@/components/data-table/data-table-cells";
import { EntityHeader, type EntityHeadProps, sourceFact, type EntityFact } from "@/components/data-table/entity-header";
import { EntityLink } from "@/components/data-table/entity-link";
import { UserName } from "@/components/user-name";
import type { ArtifactProfile } from "@/lib/audit/timeline/entity-profiles";
import { eventTypeLabel } from "@/lib/audit/events/event-types";
import type { ArtifactState } from "@/lib/generated/prisma/enums";

const STATES: Record<ArtifactState, { label: string; color: string }> = {
  ACTIVE: { label: "Active", color: "green" },
  TRASHED: { label: "In the trash", color: "orange" },
  DELETED: { label: "Deleted", color: "red" },
};

function notice(artifact: ArtifactProfile, noun: string) {
  if (!artifact.exists) {
    return { title: "No longer in the catalogue", text: "This page is built from the audit trail alone: the name is the one the newest event recorded." };
  }
  if (artifact.state === "DELETED") return { title: "Deleted for good", text: `The ${noun} is gone; its history below stays in the audit trail.` };
  if (artifact.state === "TRASHED") return { title: "In the trash", text: `The ${noun} was removed to the trash and can still be restored.` };
  return undefined;
}

export function ArtifactHeader({ artifact, timeZone, back, sourceLink }: EntityHeadProps & { artifact: ArtifactProfile; timeZone: string }) {
  const state = artifact.state ? STATES[artifact.state] : null;
  const kindLabel = artifact.kind === "WORK_ITEM" ? "Work item" : "Artifact";
  const facts: EntityFact[] = [
    { term: "Project", value: <EntityLink kind="project" entity={artifact.project} /> },
    { term: "Tracker", value: <EntityLink kind="tracker" entity={artifact.tracker} /> },
    { term: "Created", value: artifact.createdAt ? <DateTimeText value={artifact.createdAt} timeZone={timeZone} /> : "—" },
    sourceFact(artifact),
  ];
  const last = artifact.lastStateEvent;
  if (last) {
    facts.push({
      term: "Last life event",
      value: (
        <>
          <Text span inherit fw={500}>
            {eventTypeLabel(last.eventType)}
          </Text>{" "}
          <DateTimeText value={last.createdAt} timeZone={timeZone} />
          <UserName user={last.actor} size="xs" />
        </>
      ),
    });
  }
  return (
    <EntityHeader
      kindLabel={`${kindLabel} #${artifact.id}`}
      title={artifact.name}
      badges={
        state && (
          <Badge color={state.color} c="dark.7" variant="light">
            {state.label}
          </Badge>
        )
      }
      facts={facts}
      notice={notice(artifact, kindLabel.toLowerCase())}
      back={back ?? { label: "Back to Artifacts", href: "/audit/artifacts" }}
      sourceLink={sourceLink}
    />
  );
}
