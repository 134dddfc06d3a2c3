// The Logins table's column headers, shared by the table and its loading skeleton.
export const LOGIN_COLUMN_LABELS = {
  user: "User",
  eventType: "Event Type",
  createdAt: "Created at",
  ip: "IP address",
  source: "Source",
} as const;
