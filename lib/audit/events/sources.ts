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

/** How a value of the Sources filter reads: "Audit Console" for CONSOLE_SOURCE, else the name. */
export function sourceFilterLabel(value: string): string {
  return value === CONSOLE_SOURCE ? CONSOLE_SOURCE_LABEL : value;
}

/** "codebeamer-prod · id 4711": where a directory entry came from, or null for none. */
export function sourceReference(source: string | null, sourceId: string | null): string | null {
  if (source === null) return null;
  return sourceId === null ? source : `${source} · id ${sourceId}`;
}

/** One choice of the Sources filter: the URL's value and what the form shows. */
export interface SourceOption {
  value: string;
  label: string;
}

/**
 * The Sources filter's choices: the console's own events, the known sources (in the order given:
 * by name), then any chosen name no source has (a URL may name one never registered: it finds nothing).
 */
export function sourceOptionsOf(known: readonly string[], chosen: readonly string[]): SourceOption[] {
  const unknown = chosen.filter((value) => value !== CONSOLE_SOURCE && !known.includes(value));
  return [
    { value: CONSOLE_SOURCE, label: CONSOLE_SOURCE_LABEL },
    ...known.map((name) => ({ value: name, label: name })),
    ...unknown.map((name) => ({ value: name, label: `${name} (no such source)` })),
  ];
}
