// Which project this is: name, key, since when, where from, its trackers; a deleted project says so.
import { Group } from "@mantine/core";
import { DateTimeText } from "@/components/data-table/data-table-cells";
import { EntityHeader, type EntityHeadProps, sourceFact } from "@/components/data-table/entity-header";
import { EntityLink } from "@/components/data-table/entity-link";
import type { ProjectProfile } from "@/lib/audit/timeline/entity-profiles";

export function ProjectHeader({ project, timeZone, back, sourceLink }: EntityHeadProps & { project: ProjectProfile; timeZone: string }) {
  return (
    <EntityHeader
      kindLabel={`Project #${project.id}${project.key ? ` · ${project.key}` : ""}`}
      title={project.name}
      facts={[
        { term: "Created", value: project.createdAt ? <DateTimeText value={project.createdAt} timeZone={timeZone} /> : "—" },
        sourceFact(project),
        {
          term: "Trackers",
          value:
            project.trackers.length === 0 ? (
              "—"
            ) : (
              <Group gap="sm" component="span" wrap="wrap">
                {project.trackers.map((tracker) => (
                  <EntityLink key={tracker.id} kind="tracker" entity={tracker} />
                ))}
              </Group>
            ),
        },
      ]}
      back={back ?? { label: "Back to Artifacts", href: "/audit/artifacts" }}
      sourceLink={sourceLink}
      notice={
        project.exists
          ? undefined
          : {
              title: "No longer exists",
              text: "This project has been deleted. The page is built from the audit trail: the name is the one the newest event recorded.",
            }
      }
    />
  );
}
