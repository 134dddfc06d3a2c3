// A trusted principal for code that runs outside a request (scheduled jobs, scripts, tests): the
// guard accepts it without a session or database check, so only server code can set it.
import { AsyncLocalStorage } from "node:async_hooks";
import type { Principal } from "./principal";

const storage = new AsyncLocalStorage<Principal>();

/** Runs `fn` with `principal` as the acting user for every guard call inside it. */
export function runAs<T>(principal: Principal, fn: () => Promise<T>): Promise<T> {
  return storage.run(principal, fn);
}

/** The principal set by an enclosing runAs, if any. */
export function currentPrincipalOverride(): Principal | undefined {
  return storage.getStore();
}
