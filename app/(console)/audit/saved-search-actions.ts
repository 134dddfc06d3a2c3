"use server";
// The search tabs' saved-search actions: the save dialog's schema again on the server, then the data
// functions, which check the role (only administrators share) and record the Console event.
import { revalidatePath } from "next/cache";
import { InputError } from "@/lib/api/input-error";
import { deleteSavedSearchSchema, SAVED_SEARCH_LABELS, savedSearchInputSchema } from "@/lib/audit/saved-searches/saved-search-schema";
import { createSavedSearch, deleteSavedSearch, UnknownSavedSearchError } from "@/lib/audit/saved-searches/saved-searches";
import { guardedAction } from "@/lib/auth/guarded-action";

/** Saves the tab's filters: { tab, name, query, shared }. */
export const createSavedSearchAction = guardedAction(
  { role: "reader", action: "Saving a search", input: savedSearchInputSchema, labels: SAVED_SEARCH_LABELS },
  async (input) => {
    const saved = await createSavedSearch(input);
    revalidatePath(`/audit/${saved.tab}`);
    return { id: saved.id, name: saved.name, query: saved.query, shared: saved.shared };
  },
);

/** Deletes a saved search: { id }. */
export const deleteSavedSearchAction = guardedAction(
  { role: "reader", action: "Deleting a saved search", input: deleteSavedSearchSchema, labels: { id: "Saved search" } },
  async (input) => {
    try {
      const deleted = await deleteSavedSearch(input);
      revalidatePath(`/audit/${deleted.tab}`);
      return deleted;
    } catch (error) {
      if (error instanceof UnknownSavedSearchError) throw new InputError("id", `${error.message} Reload the page to see the saved searches there are.`);
      throw error;
    }
  },
);
