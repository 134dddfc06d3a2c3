// The timeline's column headers, shared by the table and its loading skeleton.
export const TIMELINE_COLUMN_LABELS = ["Created at", "Event Type", "Details", "Role in event"];
