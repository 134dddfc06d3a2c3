"use client";
// Projects and Trackers: searched on the server as the admin types. Tracker names repeat across
// projects ("Bugs"), so a tracker always shows its project; with projects chosen, Trackers offers
// only theirs (the tracker-narrowing rule, lib/audit/events/place-options.ts).
import { Text } from "@mantine/core";
import { findProjectOptions, findTrackerOptions } from "@/lib/audit/search/option-actions";
import type { ProjectOption, TrackerOption } from "@/lib/audit/events/place-options";
import { RemoteMultiSelect } from "./remote-multi-select";

interface PlaceMultiSelectProps<Option> {
  label: string;
  value: number[];
  onChange: (value: number[]) => void;
  initialOptions: Option[];
  error?: string;
  width?: number;
}

const unknownProject = (id: number): ProjectOption => ({ id, key: null, name: `Unknown project #${id}` });
const unknownTracker = (id: number): TrackerOption => ({ id, name: `Unknown tracker #${id}`, projectId: 0, projectName: "" });

export function ProjectMultiSelect(props: PlaceMultiSelectProps<ProjectOption>) {
  return (
    <RemoteMultiSelect
      {...props}
      noun="projects"
      lookUp={findProjectOptions}
      unknown={unknownProject}
      optionLabel={(project) => project.name}
      placeholder="All projects: type to search"
      renderOption={(project) => (
        <Text size="sm">
          {project.name}{" "}
          {project.key && (
            <Text span size="xs" c="dimmed">
              {project.key}
            </Text>
          )}
        </Text>
      )}
    />
  );
}

interface TrackerMultiSelectProps extends PlaceMultiSelectProps<TrackerOption> {
  /** the chosen projects: only their trackers are offered */
  projects: number[];
  onFound: (options: TrackerOption[]) => void;
}

function trackerLabel(tracker: TrackerOption): string {
  return tracker.projectName ? `${tracker.name} · ${tracker.projectName}` : tracker.name;
}

export function TrackerMultiSelect({ projects, ...props }: TrackerMultiSelectProps) {
  return (
    <RemoteMultiSelect
      {...props}
      noun="trackers"
      lookUp={(query) => findTrackerOptions({ query, projects })}
      lookUpKey={projects.join(",")}
      unknown={unknownTracker}
      optionLabel={trackerLabel}
      placeholder={projects.length > 0 ? "All trackers of these projects" : "All trackers: type to search"}
      renderOption={(tracker) => (
        <Text size="sm">
          {tracker.name}{" "}
          <Text span size="xs" c="dimmed">
            {tracker.projectName}
          </Text>
        </Text>
      )}
    />
  );
}
