// The Artifacts table's column headers, shared by the table and its loading skeleton.
export const ARTIFACT_COLUMN_LABELS = {
  user: "User",
  artifact: "Artifact",
  workItem: "Work Item",
  eventType: "Event Type",
  project: "Project",
  tracker: "Tracker",
  changes: "Changes",
  createdAt: "Created at",
  source: "Source",
} as const;
