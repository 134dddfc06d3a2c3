// "Open in the source system": per source, an admin-set link template such as
// https://alm.example.com/cb/item/{artifactId}, filled with the source's own ids of the entity (the
// ids the source sent, never the console's). A link is offered only where every placeholder of the
// template has a value. One schema for the settings form, its server action and the tests. Pure:
// safe to import from client components.
import { z } from "zod";

export const LINK_PLACEHOLDERS = ["artifactId", "userId", "projectId", "trackerId"] as const;
export type LinkPlaceholder = (typeof LINK_PLACEHOLDERS)[number];

/** The source's own ids of an entity, by placeholder; a missing one leaves a template that needs it without a link. */
export type LinkIds = Partial<Record<LinkPlaceholder, string | null>>;

export const MAX_LINK_TEMPLATE_LENGTH = 500;

const PLACEHOLDER = /\{([^{}]*)\}/g;
const PLACEHOLDER_LIST = LINK_PLACEHOLDERS.map((name) => `{${name}}`).join(", ");

/** Why `template` cannot be a link template, or null when it can. */
export function linkTemplateError(template: string): string | null {
  if (template.length > MAX_LINK_TEMPLATE_LENGTH) return `is ${template.length} characters long; at most ${MAX_LINK_TEMPLATE_LENGTH}`;
  if (/\s/.test(template)) return "may not contain spaces";
  const names = [...template.matchAll(PLACEHOLDER)].map((match) => match[1]);
  const unknown = names.filter((name) => !(LINK_PLACEHOLDERS as readonly string[]).includes(name));
  if (unknown.length > 0) return `${unknown.map((name) => `{${name}}`).join(", ")} is not a placeholder; use ${PLACEHOLDER_LIST}`;
  if (/[{}]/.test(template.replace(PLACEHOLDER, ""))) return `has a brace that opens or closes no placeholder; use ${PLACEHOLDER_LIST}`;
  if (names.length === 0) return `names no entity: put at least one of ${PLACEHOLDER_LIST} in it`;
  let url: URL;
  try {
    url = new URL(template.replace(PLACEHOLDER, "1"));
  } catch {
    return "is not a URL: start it with https:// or http:// and a host name";
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return `must start with https:// or http://, not ${url.protocol}//`;
  if (!url.hostname) return "needs a host name after https://";
  if (url.username || url.password) return "may not hold a user name or password";
  return null;
}

/** A source's link template as the form sends it: blank clears it. */
export const sourceLinkInputSchema = z.object({
  source: z.string().trim().min(1, "choose a source").max(63),
  linkTemplate: z
    .string()
    .trim()
    .superRefine((template, context) => {
      const error = template === "" ? null : linkTemplateError(template);
      if (error) context.addIssue({ code: "custom", message: error });
    })
    .transform((template) => (template === "" ? null : template)),
});

export type SourceLinkInput = z.input<typeof sourceLinkInputSchema>;

export const SOURCE_LINK_LABELS = { source: "Source", linkTemplate: "Link template" } as const;

/** `template` with each placeholder replaced by its id (URL-encoded), or null when one has no id. */
export function fillLinkTemplate(template: string, ids: LinkIds): string | null {
  let missing = false;
  const href = template.replace(PLACEHOLDER, (_, name: LinkPlaceholder) => {
    const value = ids[name];
    if (!value) missing = true;
    return encodeURIComponent(value ?? "");
  });
  return missing ? null : href;
}

/** A link into the source system, and what it says: "Open in codebeamer-prod". */
export interface SourceLink {
  href: string;
  source: string;
}
