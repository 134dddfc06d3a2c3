// The audited event types: their labels (as the reference spells them), categories and tabs.
import type { AuditCategory, AuditEventType } from "@/lib/generated/prisma/enums";

export type { AuditCategory, AuditEventType };

interface EventTypeInfo {
  label: string;
  category: AuditCategory;
}

export const EVENT_TYPES = {
  USER_LOGIN: { label: "User Login", category: "LOGIN" },
  USER_LOGOUT: { label: "User Logout", category: "LOGIN" },
  USER_SYSTEM_LOGOUT: { label: "User System Logout", category: "LOGIN" },
  WORK_ITEM_CREATE: { label: "Work Item Create", category: "WORK_ITEM" },
  WORK_ITEM_DELETE: { label: "Work Item Delete", category: "WORK_ITEM" },
  WORK_ITEM_REMOVE: { label: "Work Item Remove", category: "WORK_ITEM" },
  WORK_ITEM_RESTORE: { label: "Work Item Restore", category: "WORK_ITEM" },
  WORK_ITEM_UPDATE: { label: "Work Item Update", category: "WORK_ITEM" },
  ARTIFACT_CREATE: { label: "Artifact Create", category: "ARTIFACT" },
  ARTIFACT_DELETE: { label: "Artifact Delete", category: "ARTIFACT" },
  ARTIFACT_REMOVE: { label: "Artifact Remove", category: "ARTIFACT" },
  ARTIFACT_RESTORE: { label: "Artifact Restore", category: "ARTIFACT" },
  ARTIFACT_UPDATE: { label: "Artifact Update", category: "ARTIFACT" },
  ARTIFACT_PERMISSION_CREATE: { label: "Artifact Permission Create", category: "PERMISSION" },
  ARTIFACT_PERMISSION_DELETE: { label: "Artifact Permission Delete", category: "PERMISSION" },
  ARTIFACT_PERMISSION_UPDATE: { label: "Artifact Permission Update", category: "PERMISSION" },
  GROUP_ASSIGN: { label: "Group Assign", category: "PERMISSION" },
  GROUP_REMOVE: { label: "Group Remove", category: "PERMISSION" },
  USER_CREATE: { label: "User Create", category: "PERMISSION" },
  USER_DISABLE: { label: "User Disable", category: "PERMISSION" },
  USER_ENABLE: { label: "User Enable", category: "PERMISSION" },
  AUDIT_CONFIG_CHANGE: { label: "Audit Config Change", category: "SYSTEM" },
  AUDIT_EXPORT: { label: "Audit Export", category: "SYSTEM" },
  AUDIT_PURGE: { label: "Audit Purge", category: "SYSTEM" },
  API_TOKEN_CREATE: { label: "API Token Create", category: "SYSTEM" },
  API_TOKEN_REVOKE: { label: "API Token Revoke", category: "SYSTEM" },
  SAVED_SEARCH_CREATE: { label: "Saved Search Create", category: "SYSTEM" },
  SAVED_SEARCH_DELETE: { label: "Saved Search Delete", category: "SYSTEM" },
  CONSOLE_USER_CREATE: { label: "Console User Create", category: "SYSTEM" },
  CONSOLE_USER_ROLE_CHANGE: { label: "Console User Role Change", category: "SYSTEM" },
  CONSOLE_USER_DISABLE: { label: "Console User Disable", category: "SYSTEM" },
  CONSOLE_USER_ENABLE: { label: "Console User Enable", category: "SYSTEM" },
  CONSOLE_USER_UNLOCK: { label: "Console User Unlock", category: "SYSTEM" },
  CONSOLE_USER_PASSWORD_RESET: { label: "Console User Password Reset", category: "SYSTEM" },
  CONSOLE_USER_PASSWORD_CHANGE: { label: "Console User Password Change", category: "SYSTEM" },
  AUDIT_INTEGRITY_CHECK: { label: "Audit Log Verification", category: "SYSTEM" },
} as const satisfies Record<AuditEventType, EventTypeInfo>;

export const ALL_EVENT_TYPES = Object.keys(EVENT_TYPES) as AuditEventType[];

export const CATEGORY_LABELS: Record<AuditCategory, string> = {
  LOGIN: "Login",
  WORK_ITEM: "Work Item",
  ARTIFACT: "Artifact",
  PERMISSION: "Permission",
  SYSTEM: "Audit Console",
};

export function eventTypeLabel(type: AuditEventType): string {
  return EVENT_TYPES[type].label;
}

export function categoryOf(type: AuditEventType): AuditCategory {
  return EVENT_TYPES[type].category;
}

export function eventTypesOf(...categories: AuditCategory[]): AuditEventType[] {
  return ALL_EVENT_TYPES.filter((type) => categories.includes(EVENT_TYPES[type].category));
}

/** "User Login" or "User_Login" (the API's spelling) or "USER_LOGIN" to the enum value. */
export function parseEventType(text: string): AuditEventType | undefined {
  const key = text
    .trim()
    .replace(/[\s_]+/g, "_")
    .toUpperCase();
  return key in EVENT_TYPES ? (key as AuditEventType) : undefined;
}
