// Sources: every system that sends events has a name (codebeamer-prod); its events, its directory
// entries and its API tokens carry it. The console's own events and accounts have none (null), and
// the filters spell that "console". Pure: safe to import from client components.
import { z } from "zod";

/** The filters' and the URL's name for the console's own events (source null). Never a sender's. */
export const CONSOLE_SOURCE = "console";
export const CONSOLE_SOURCE_LABEL = "Audit Console";

/** The demo seed's sending system. */
export const DEMO_SOURCE = "demo";

export const SOURCE_NAME_PATTERN = /^[a-z0-9][a-z0-9._-]{0,62}$/;

/** A sending system's name, as a token's form and `npm run create-token` take it. */
export const sourceNameSchema = z
  .string()
  .trim()
  .regex(SOURCE_NAME_PATTERN, "use 1 to 63 lower-case letters, digits, dots, dashes or underscores, starting with a letter or digit")
  .refine((name) => name !== CONSOLE_SOURCE, `"${CONSOLE_SOURCE}" names the console's own events; choose another name`);

/** How a source reads in a table or a file: its name, or the console's label for null. */
export function sourceLabel(source: string | null): string {
  return source ?? CONSOLE_SOURCE_LABEL;
}
