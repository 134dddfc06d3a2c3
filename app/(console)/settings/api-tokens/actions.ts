"use server";
// The API tokens page's server actions: the form's schema again on the server, then the same
// functions `npm run create-token` calls, each recording its Console event.
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { z } from "zod";
import { InputError } from "@/lib/api/input-error";
import { API_TOKEN_LABELS, apiTokenInputSchema } from "@/lib/auth/api-tokens/api-token-schema";
import { createApiToken, revokeApiToken, UnknownTokenError } from "@/lib/auth/api-tokens/api-tokens";
import { guardedAction } from "@/lib/auth/guarded-action";
import { requestInfo } from "@/lib/auth/request-info";
import { setSourceLinkTemplate } from "@/lib/audit/events/source-link-store";
import { SOURCE_LINK_LABELS, sourceLinkInputSchema } from "@/lib/audit/events/source-links";

const API_TOKENS_PATH = "/settings/api-tokens";

/** Makes a token: { name, source, scopes, expiresInDays }. The answer holds the secret, shown once. */
export const createApiTokenAction = guardedAction(
  { role: "admin", action: "Creating an API token", input: apiTokenInputSchema, labels: API_TOKEN_LABELS },
  async (spec) => {
    const created = await createApiToken(spec);
    revalidatePath(API_TOKENS_PATH);
    return created;
  },
);

/** Revokes a token for good: { id }. `revoked` is false when someone had revoked it already. */
export const revokeApiTokenAction = guardedAction(
  { role: "admin", action: "Revoking an API token", input: z.object({ id: z.number().int().positive() }) },
  async ({ id }) => {
    try {
      const revoked = await revokeApiToken(id);
      revalidatePath(API_TOKENS_PATH);
      return { revoked };
    } catch (error) {
      if (error instanceof UnknownTokenError) throw new InputError("id", `${error.message} Reload the page to see the tokens there are.`);
      throw error;
    }
  },
);

/** Sets or clears a source's "Open in the source system" link template: { source, linkTemplate } ("" clears it). */
export const saveSourceLinkAction = guardedAction(
  { role: "admin", action: "Changing a source's link template", input: sourceLinkInputSchema, labels: SOURCE_LINK_LABELS },
  async ({ source, linkTemplate }) => {
    const result = await setSourceLinkTemplate({ source, linkTemplate: linkTemplate ?? "" }, { via: "console", request: requestInfo(await headers()) });
    revalidatePath(API_TOKENS_PATH);
    return result;
  },
);
