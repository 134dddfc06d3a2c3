import { describe, expect, it } from "vitest";
import { addConsoleUserSchema, changePasswordSchema, changeRoleSchema } from "./console-user-schema";

const messages = (result: { success: boolean; error?: { issues: Array<{ path: PropertyKey[]; message: string }> } }) =>
  result.error?.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`) ?? [];

describe("the Add user form's schema", () => {
  it("reads what the form sends, and again what it made of it (the action parses the form's output)", () => {
    const form = addConsoleUserSchema.parse({ username: "  J.Doe ", displayName: " Jane Doe ", email: "", role: "AUDITOR" });
    expect(form).toEqual({ username: "j.doe", displayName: "Jane Doe", email: null, role: "AUDITOR" });
    expect(addConsoleUserSchema.parse(form)).toEqual(form);
    const withEmail = addConsoleUserSchema.parse({ ...form, email: " jane@example.com " });
    expect(addConsoleUserSchema.parse(withEmail)).toEqual({ ...form, email: "jane@example.com" });
  });

  it("names each field at fault", () => {
    expect(messages(addConsoleUserSchema.safeParse({ username: "Not Valid!", displayName: " ", email: "jane@", role: "ROOT" }))).toEqual([
      'username: use only letters, digits, ".", "_", "@" and "-"',
      "displayName: enter the person's name",
      "email: enter an e-mail address, such as ada@example.com",
      "role: choose Administrator, Auditor or No access",
    ]);
    expect(messages(changeRoleSchema.safeParse({ id: 0, role: "ADMIN" }))).toEqual(["id: Too small: expected number to be >0"]);
  });
});

describe("the change-password schema", () => {
  it("holds the new password to the console's rules", () => {
    expect(messages(changePasswordSchema.safeParse({ currentPassword: "", newPassword: "short", confirmPassword: "short" }))).toEqual([
      "currentPassword: enter the password you signed in with",
      "newPassword: use at least 12 characters",
    ]);
    expect(messages(changePasswordSchema.safeParse({ currentPassword: "x", newPassword: "x".repeat(1025), confirmPassword: "x".repeat(1025) }))).toEqual([
      "newPassword: use at most 1024 characters",
    ]);
  });

  it("wants the new password twice, and another than the current one", () => {
    const same = "a long passphrase";
    expect(messages(changePasswordSchema.safeParse({ currentPassword: "old one", newPassword: same, confirmPassword: `${same}!` }))).toEqual([
      "confirmPassword: the two passwords differ",
    ]);
    expect(messages(changePasswordSchema.safeParse({ currentPassword: same, newPassword: same, confirmPassword: same }))).toEqual([
      "newPassword: choose a password other than the current one",
    ]);
    expect(changePasswordSchema.safeParse({ currentPassword: "old one", newPassword: same, confirmPassword: same }).success).toBe(true);
  });
});
