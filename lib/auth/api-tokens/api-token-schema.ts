// What an API token is made of, as the settings page's form, its server action and
// `npm run create-token` take it: one schema for all three. Pure: safe for client components.
import { z } from "zod";
import { sourceNameSchema } from "@/lib/audit/events/sources";

export const API_SCOPES = ["ingest", "read"] as const;
export type ApiScopeName = (typeof API_SCOPES)[number];

export const SCOPE_LABELS: Record<ApiScopeName, string> = {
  ingest: "Ingest: send events (POST /api/audit/events)",
  read: "Read: query and export the audit trail",
};

export const DEFAULT_EXPIRY_DAYS = 90;
export const MAX_EXPIRY_DAYS = 365;

export const apiTokenInputSchema = z.object({
  name: z.string().trim().min(1, "give the token a name, such as the system or script that will use it").max(100, "use at most 100 characters"),
  source: sourceNameSchema,
  scopes: z
    .array(z.enum(API_SCOPES))
    .min(1, "choose at least one scope")
    .transform((scopes) => [...new Set(scopes)].sort()),
  expiresInDays: z
    .number({ error: "enter a whole number of days" })
    .int("enter a whole number of days")
    .min(1, "a token lives at least 1 day")
    .max(MAX_EXPIRY_DAYS, `a token lives at most ${MAX_EXPIRY_DAYS} days (1 year)`)
    .default(DEFAULT_EXPIRY_DAYS),
});

export type ApiTokenInput = z.input<typeof apiTokenInputSchema>;
export type ApiTokenSpec = z.output<typeof apiTokenInputSchema>;

export const API_TOKEN_LABELS: Record<string, string> = {
  name: "Name",
  source: "Source",
  scopes: "Scopes",
  expiresInDays: "Expires in (days)",
};

/** "90d", "12w", "1y" or "30" (days) as a number of days, for `--expires`; null when unreadable. */
export function parseExpiry(text: string): number | null {
  const match = /^\s*(\d{1,4})\s*([dwy]?)\s*$/i.exec(text);
  if (!match) return null;
  const unit = { "": 1, d: 1, w: 7, y: 365 }[match[2]!.toLowerCase()]!;
  return Number(match[1]) * unit;
}
