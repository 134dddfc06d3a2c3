// Every server action is declared through guardedAction: the role it needs, what it does (for the
// refusal) and the zod schema of its input. A server action is a public POST endpoint, whatever
// page shows its button: the wrapper checks the role before anything else, counts the call against
// the account's rate limit (the budget its API calls spend, API_RATE_LIMIT a minute), validates the
// input, and gives refusals back in one shape the forms show next to the field; anything else is thrown.
import type { z } from "zod";
import { InputError, inputError } from "@/lib/api/input-error";
import { accountCaller, RateLimitError, takeRequest } from "@/lib/api/rate-limit";
import { AuthError, type OwnAccount, requireAdmin, requireAuditReader, requireOwnAccount } from "./guard";
import type { Principal } from "./principal";

export type ActionResult<Value> = { ok: true; value: Value } | { ok: false; message: string; field?: string };

/** Who may call an action, and whom the guard hands it. */
interface Callers {
  /** audit readers: administrators and auditors */
  reader: Principal;
  admin: Principal;
  /** any signed-in console account, acting on itself (one still to replace a one-time password too) */
  account: OwnAccount;
}

const GUARDS: { [Role in keyof Callers]: (action: string) => Promise<Callers[Role]> } = {
  reader: requireAuditReader,
  admin: requireAdmin,
  account: requireOwnAccount,
};

export interface ActionSpec<Input, Role extends keyof Callers = keyof Callers> {
  role: Role;
  /** what the action does, as a refusal names it: "Changing the audit retention" */
  action: string;
  input: z.ZodType<Input>;
  /** labels of the input's fields, for messages */
  labels?: Record<string, string>;
}

export function guardedAction<Input, Value, Role extends keyof Callers>(
  spec: ActionSpec<Input, Role>,
  run: (input: Input, principal: Callers[Role]) => Promise<Value>,
): (input?: unknown) => Promise<ActionResult<Value>> {
  return async (raw) => {
    try {
      const principal = await GUARDS[spec.role](spec.action);
      takeRequest("api", accountCaller(principal));
      const parsed = spec.input.safeParse(raw);
      if (!parsed.success) throw inputError(parsed.error, spec.labels);
      return { ok: true, value: await run(parsed.data, principal) };
    } catch (error) {
      if (error instanceof AuthError || error instanceof RateLimitError) return { ok: false, message: error.message };
      if (error instanceof InputError) return { ok: false, message: error.message, field: error.field };
      throw error;
    }
  };
}
