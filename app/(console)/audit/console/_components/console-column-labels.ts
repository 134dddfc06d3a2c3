// The Console table's column headers, shared by the table and its loading skeleton.
export const CONSOLE_COLUMN_LABELS = {
  user: "User",
  eventType: "Event Type",
  message: "Message",
  createdAt: "Created at",
  source: "Source",
} as const;
