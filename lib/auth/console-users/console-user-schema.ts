// What the Console users page, its server actions and `npm run create-admin` take: one schema for
// each input, and the password rules every console password obeys. Pure: safe for client components.
import { z } from "zod";
import type { ConsoleRole } from "@/lib/generated/prisma/enums";

export const MIN_PASSWORD_LENGTH = 12;
// argon2 hashes whatever it is given: an unbounded password is a cheap denial of service.
export const MAX_PASSWORD_LENGTH = 1024;

export const CONSOLE_ROLES = ["ADMIN", "AUDITOR", "NONE"] as const satisfies readonly ConsoleRole[];

/** The roles as the page names them. */
export const CONSOLE_ROLE_LABELS: Record<ConsoleRole, string> = {
  ADMIN: "Administrator",
  AUDITOR: "Auditor",
  NONE: "No access",
};

export const CONSOLE_ROLE_HINTS: Record<ConsoleRole, string> = {
  ADMIN: "Everything: configuration, retention, API tokens, console users",
  AUDITOR: "Reads and exports the audit trail; changes nothing",
  NONE: "May sign in, but sees only the access-denied page",
};

export const USERNAME_PATTERN = /^[a-z0-9._@-]{1,200}$/;

/** A console username: trimmed, lower-case, letters, digits, ".", "_", "@" and "-". */
export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, "enter a username")
  .max(200, "use at most 200 characters")
  .regex(USERNAME_PATTERN, 'use only letters, digits, ".", "_", "@" and "-"');

/** A new password: what the change-password page, the reset and create-admin all demand. */
export const newPasswordSchema = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `use at least ${MIN_PASSWORD_LENGTH} characters`)
  .max(MAX_PASSWORD_LENGTH, `use at most ${MAX_PASSWORD_LENGTH} characters`);

export const addConsoleUserSchema = z.object({
  username: usernameSchema,
  displayName: z.string().trim().min(1, "enter the person's name").max(200, "use at most 200 characters"),
  // "" from the form and null from its own output (the action parses what the form parsed) both mean none.
  email: z
    .string()
    .trim()
    .max(320, "use at most 320 characters")
    .refine((value) => value === "" || z.email().safeParse(value).success, "enter an e-mail address, such as ada@example.com")
    .nullable()
    .transform((value) => value || null),
  role: z.enum(CONSOLE_ROLES, { error: "choose Administrator, Auditor or No access" }),
});
export type AddConsoleUserInput = z.input<typeof addConsoleUserSchema>;
export type AddConsoleUserSpec = z.output<typeof addConsoleUserSchema>;

export const ADD_CONSOLE_USER_LABELS: Record<string, string> = {
  username: "Username",
  displayName: "Display name",
  email: "E-mail",
  role: "Role",
};

export const consoleUserIdSchema = z.object({ id: z.number().int().positive() });

export const changeRoleSchema = consoleUserIdSchema.extend({
  role: z.enum(CONSOLE_ROLES, { error: "choose Administrator, Auditor or No access" }),
});

export const setEnabledSchema = consoleUserIdSchema.extend({ enabled: z.boolean() });

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, "enter the password you signed in with").max(MAX_PASSWORD_LENGTH, "is not your password"),
    newPassword: newPasswordSchema,
    confirmPassword: z.string(),
  })
  .refine((value) => value.confirmPassword === value.newPassword, { path: ["confirmPassword"], message: "the two passwords differ" })
  .refine((value) => value.newPassword !== value.currentPassword, { path: ["newPassword"], message: "choose a password other than the current one" });
export type ChangePasswordInput = z.input<typeof changePasswordSchema>;

export const CHANGE_PASSWORD_LABELS: Record<string, string> = {
  currentPassword: "Current password",
  newPassword: "New password",
  confirmPassword: "Repeat the new password",
};
