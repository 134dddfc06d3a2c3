"use server";
// The change-password page's server action: any signed-in console account, on itself.
import { headers } from "next/headers";
import { CHANGE_PASSWORD_LABELS, changePasswordSchema } from "@/lib/auth/console-users/console-user-schema";
import { changeOwnPassword } from "@/lib/auth/console-users/own-password";
import { guardedAction } from "@/lib/auth/guarded-action";
import { requestInfo } from "@/lib/auth/request-info";

/** { currentPassword, newPassword, confirmPassword }: the other sessions of the account end. */
export const changeOwnPasswordAction = guardedAction(
  { role: "account", action: "Changing your password", input: changePasswordSchema, labels: CHANGE_PASSWORD_LABELS },
  async (input) => changeOwnPassword(input, requestInfo(await headers())),
);
