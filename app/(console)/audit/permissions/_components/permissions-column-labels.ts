// The Permissions table's column headers, shared by the table and its loading skeleton.
export const PERMISSION_COLUMN_LABELS = {
  user: "User",
  artifact: "Artifact",
  eventType: "Event Type",
  project: "Project",
  tracker: "Tracker",
  message: "Message",
  createdAt: "Created at",
  source: "Source",
} as const;
