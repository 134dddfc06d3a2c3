"use server";
// The Console users page's server actions: the form's schemas again on the server, then the data
// functions of lib/auth/console-users, each recording its Console event.
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import {
  ADD_CONSOLE_USER_LABELS,
  addConsoleUserSchema,
  changeRoleSchema,
  consoleUserIdSchema,
  setEnabledSchema,
} from "@/lib/auth/console-users/console-user-schema";
import {
  addConsoleUser,
  changeConsoleUserRole,
  resetConsoleUserPassword,
  setConsoleUserEnabled,
  unlockConsoleUser,
} from "@/lib/auth/console-users/console-users";
import { guardedAction } from "@/lib/auth/guarded-action";
import { requestInfo } from "@/lib/auth/request-info";

const CONSOLE_USERS_PATH = "/settings/console-users";

async function afterChange<Value>(value: Value): Promise<Value> {
  revalidatePath(CONSOLE_USERS_PATH);
  return value;
}

/** Adds an account: { username, displayName, email, role }. The answer holds its one-time password, shown once. */
export const addConsoleUserAction = guardedAction(
  { role: "admin", action: "Adding a console user", input: addConsoleUserSchema, labels: ADD_CONSOLE_USER_LABELS },
  async (spec) => afterChange(await addConsoleUser(spec, requestInfo(await headers()))),
);

/** { id, role }: refused for the last enabled administrator. */
export const changeConsoleUserRoleAction = guardedAction({ role: "admin", action: "Changing a console user's role", input: changeRoleSchema }, async (input) =>
  afterChange(await changeConsoleUserRole(input, requestInfo(await headers()))),
);

/** { id, enabled }: disabling ends the account's sessions at once; refused for the last enabled administrator. */
export const setConsoleUserEnabledAction = guardedAction(
  { role: "admin", action: "Disabling or enabling a console user", input: setEnabledSchema },
  async (input) => afterChange(await setConsoleUserEnabled(input, requestInfo(await headers()))),
);

/** { id }: lifts a lockout in force. */
export const unlockConsoleUserAction = guardedAction({ role: "admin", action: "Unlocking a console user", input: consoleUserIdSchema }, async (input) =>
  afterChange(await unlockConsoleUser(input, requestInfo(await headers()))),
);

/** { id }: a new one-time password (in the answer, shown once); the account's sessions end. */
export const resetConsoleUserPasswordAction = guardedAction(
  { role: "admin", action: "Resetting a console user's password", input: consoleUserIdSchema },
  async (input) => afterChange(await resetConsoleUserPassword(input, requestInfo(await headers()))),
);
