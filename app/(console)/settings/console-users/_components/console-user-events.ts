// The Console events the page's changes are recorded as, for the link to them on the Console tab.
import { ALL_EVENT_TYPES } from "@/lib/audit/events/event-types";

export const CONSOLE_USER_EVENT_TYPES = ALL_EVENT_TYPES.filter((type) => type.startsWith("CONSOLE_USER_"));
