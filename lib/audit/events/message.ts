// The Permissions tab's Message column, by the reference's rules: "Show changes" for artifact
// permission events that recorded changes, "Impacted User: NAME (Enabled|Disabled)" for Group Assign
// and Group Remove, blank for User Create, User Enable and User Disable. Pure: pages, exports and
// the API read the same answer.
import type { AuditEventType } from "@/lib/generated/prisma/enums";
import type { UserRef } from "./user-refs";

export type AccountStatus = "Enabled" | "Disabled";

export type EventMessage =
  | { kind: "blank" }
  /** the diff view has something to show */
  | { kind: "changes"; fields: string[] }
  /** status: the impacted user's account when the event happened (as recorded), else now */
  | { kind: "impacted"; user: UserRef; status: AccountStatus }
  | { kind: "text"; text: string };

export interface MessageSource {
  eventType: AuditEventType;
  message: string | null;
  targetUser: UserRef | null;
  changedFields: string[];
}

const BLANK_TYPES = new Set<AuditEventType>(["USER_CREATE", "USER_ENABLE", "USER_DISABLE"]);
const GROUP_TYPES = new Set<AuditEventType>(["GROUP_ASSIGN", "GROUP_REMOVE"]);
const RECORDED_STATUS = /\((Enabled|Disabled)\)\s*$/;

function recordedStatus(message: string | null): AccountStatus | null {
  const match = message === null ? null : RECORDED_STATUS.exec(message);
  return match ? (match[1] as AccountStatus) : null;
}

export function eventMessage(source: MessageSource): EventMessage {
  if (BLANK_TYPES.has(source.eventType)) return { kind: "blank" };
  if (GROUP_TYPES.has(source.eventType) && source.targetUser) {
    const status = recordedStatus(source.message) ?? (source.targetUser.enabled ? "Enabled" : "Disabled");
    return { kind: "impacted", user: source.targetUser, status };
  }
  if (source.changedFields.length > 0) return { kind: "changes", fields: source.changedFields };
  const text = source.message?.trim();
  return text ? { kind: "text", text } : { kind: "blank" };
}

/** The message as plain text (exports, API): "Impacted User: jdoe (Enabled)", "Changed: Permissions", "". */
export function messageText(message: EventMessage): string {
  switch (message.kind) {
    case "blank":
      return "";
    case "changes":
      return `Changed: ${message.fields.join(", ")}`;
    case "impacted":
      return `Impacted User: ${message.user.username} (${message.status})`;
    case "text":
      return message.text;
  }
}
