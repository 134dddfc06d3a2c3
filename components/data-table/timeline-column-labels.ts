// The columns each kind of entity timeline shows, and their headers: shared by the table and its
// loading skeleton.
import type { TimelineKind } from "@/lib/audit/timeline/timeline-filters";

export const TIMELINE_LABELS = {
  createdAt: "Created at",
  eventType: "Event Type",
  user: "User",
  details: "Details",
  changes: "Changes",
  role: "Role in event",
} as const;

export type TimelineColumnId = keyof typeof TIMELINE_LABELS;

export const TIMELINE_COLUMNS: Record<TimelineKind, TimelineColumnId[]> = {
  user: ["createdAt", "eventType", "details", "changes", "role"],
  artifact: ["createdAt", "eventType", "user", "changes"],
  project: ["createdAt", "eventType", "user", "details", "changes"],
  tracker: ["createdAt", "eventType", "user", "details", "changes"],
};

export function timelineColumnLabels(kind: TimelineKind): string[] {
  return TIMELINE_COLUMNS[kind].map((id) => TIMELINE_LABELS[id]);
}
