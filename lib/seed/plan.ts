// How many events of each kind the seed writes: logins and work item updates dominate, as in a
// real ALM. Account events come first (they follow from the users); the rest share what is left.
// Creations, removals and deletions are bounded by the number of items, whatever the total.
import { ARTIFACT_COUNT, WORK_ITEM_COUNT } from "./items";
import type { ItemOperation } from "./item-events";

export type OperationCounts = Record<ItemOperation, number>;

export interface Plan {
  total: number;
  /** account events (User Create/Disable/Enable, Group Assign/Remove) */
  accounts: number;
  /** login events: User Login, User Logout, User System Logout */
  logins: number;
  workItems: OperationCounts;
  artifacts: OperationCounts;
  /** Artifact Permission Create/Update/Delete */
  permissions: number;
}

export const MIN_EVENTS = 1000;

function operations(budget: number, items: number, share: { create: number; remove: number }): OperationCounts {
  const create = Math.min(Math.round(items * 0.5), Math.round(budget * share.create));
  const remove = Math.max(3, Math.min(Math.round(budget * share.remove), Math.round(items * 0.1)));
  const restore = Math.max(1, Math.round(remove * 0.3));
  const deleted = Math.max(2, Math.round(remove * 0.55));
  return { create, update: budget - create - remove - restore - deleted, remove, restore, delete: deleted };
}

export function makePlan(total: number, accounts: number): Plan {
  const rest = total - accounts;
  if (total < MIN_EVENTS || rest < MIN_EVENTS / 2) {
    throw new RangeError(
      `The seed needs at least ${Math.max(MIN_EVENTS, accounts + MIN_EVENTS / 2).toLocaleString("en-US")} events (asked for ${total.toLocaleString("en-US")}).`,
    );
  }
  const logins = Math.round(rest * 0.47);
  const permissions = Math.round(rest * 0.025);
  const artifactBudget = Math.round(rest * 0.12);
  const workItemBudget = rest - logins - permissions - artifactBudget;
  return {
    total,
    accounts,
    logins,
    workItems: operations(workItemBudget, WORK_ITEM_COUNT, { create: 0.08, remove: 0.025 }),
    artifacts: operations(artifactBudget, ARTIFACT_COUNT - 300, { create: 0.1, remove: 0.03 }),
    permissions,
  };
}
