import { describe, expect, it } from "vitest";
import type { AuditEventType } from "@/lib/generated/prisma/enums";
import { eventMessage, messageText, type MessageSource } from "./message";
import type { UserRef } from "./user-refs";

const jdoe: UserRef = { id: 5, name: "jdoe", username: "jdoe", displayName: "Jane Doe", avatarUrl: null, enabled: false, exists: true };

const source = (eventType: AuditEventType, overrides: Partial<MessageSource> = {}): MessageSource => ({
  eventType,
  message: null,
  targetUser: null,
  changedFields: [],
  ...overrides,
});

describe("the Message rules", () => {
  it("offers Show changes for artifact permission events with changes", () => {
    for (const type of ["ARTIFACT_PERMISSION_UPDATE", "ARTIFACT_PERMISSION_CREATE", "ARTIFACT_PERMISSION_DELETE"] as const) {
      const message = eventMessage(source(type, { changedFields: ["Permissions"] }));
      expect(message).toEqual({ kind: "changes", fields: ["Permissions"] });
      expect(messageText(message)).toBe("Changed: Permissions");
    }
  });

  it("names the impacted user of Group Assign and Group Remove with the status recorded then", () => {
    const assign = eventMessage(source("GROUP_ASSIGN", { targetUser: jdoe, message: "Impacted User: jdoe (Enabled)" }));
    expect(assign).toEqual({ kind: "impacted", user: jdoe, status: "Enabled" });
    expect(messageText(assign)).toBe("Impacted User: jdoe (Enabled)");
    expect(eventMessage(source("GROUP_REMOVE", { targetUser: jdoe, message: "Impacted User: jdoe (Disabled)" }))).toMatchObject({ status: "Disabled" });
  });

  it("falls back to the impacted user's status now when none was recorded", () => {
    expect(eventMessage(source("GROUP_REMOVE", { targetUser: jdoe }))).toMatchObject({ kind: "impacted", status: "Disabled" });
    expect(eventMessage(source("GROUP_ASSIGN", { targetUser: { ...jdoe, enabled: true }, message: "assigned" }))).toMatchObject({ status: "Enabled" });
  });

  it("leaves Message blank for User Create, User Enable and User Disable", () => {
    for (const type of ["USER_CREATE", "USER_ENABLE", "USER_DISABLE"] as const) {
      const message = eventMessage(source(type, { targetUser: jdoe, message: "Impacted User: jdoe (Enabled)", changedFields: ["Groups"] }));
      expect(message).toEqual({ kind: "blank" });
      expect(messageText(message)).toBe("");
    }
  });

  it("shows a sender's own message otherwise, and blank for none", () => {
    expect(eventMessage(source("ARTIFACT_PERMISSION_UPDATE", { message: " Inherited from the project " }))).toEqual({
      kind: "text",
      text: "Inherited from the project",
    });
    expect(eventMessage(source("ARTIFACT_PERMISSION_UPDATE"))).toEqual({ kind: "blank" });
    expect(eventMessage(source("GROUP_ASSIGN", { message: "no target user" }))).toEqual({ kind: "text", text: "no target user" });
  });
});
