// Which tracker this is, in which project and from which system; a deleted tracker says so.
import { EntityHeader, type EntityHeadProps, sourceFact } from "@/components/data-table/entity-header";
import { EntityLink } from "@/components/data-table/entity-link";
import type { TrackerProfile } from "@/lib/audit/timeline/entity-profiles";

export function TrackerHeader({ tracker, back, sourceLink }: EntityHeadProps & { tracker: TrackerProfile }) {
  return (
    <EntityHeader
      kindLabel={`Tracker #${tracker.id}`}
      title={tracker.name}
      facts={[{ term: "Project", value: <EntityLink kind="project" entity={tracker.project} /> }, sourceFact(tracker)]}
      back={back ?? { label: "Back to Artifacts", href: "/audit/artifacts" }}
      sourceLink={sourceLink}
      notice={
        tracker.exists
          ? undefined
          : {
              title: "No longer exists",
              text: "This tracker has been deleted. The page is built from the audit trail: the name is the one the newest event recorded.",
            }
      }
    />
  );
}
