// Refused input of the console's API and server actions: the field at fault (a path into the input,
// "period.days") and a message that names it. Pure.
import type { z } from "zod";

export class InputError extends Error {
  readonly status = 400;
  constructor(
    /** the field in error, as a path into the input: "period.days", "eventTypes.USER_LOGOUT" */
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = "InputError";
  }
}

/** The first issue of a failed parse as an InputError, its field named by `labels` where they have it. */
export function inputError(error: z.ZodError, labels: Record<string, string> = {}): InputError {
  const issue = error.issues[0];
  const field = issue && issue.path.length > 0 ? issue.path.map(String).join(".") : "body";
  return new InputError(field, `${labels[field] ?? field}: ${issue?.message ?? "is not valid"}`);
}
