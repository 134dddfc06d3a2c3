"use client";
// One transition for everything that reloads a list (sort headers, pagination): while the server
// renders the new page, the rows on screen dim and are marked busy, whichever control was used.
import { createContext, useContext, useTransition, type ReactNode, type TransitionStartFunction } from "react";
import classes from "./data-table.module.css";

type ListTransitionValue = [pending: boolean, start: TransitionStartFunction];

const ListTransitionContext = createContext<ListTransitionValue | null>(null);

export function ListTransition({ children }: { children: ReactNode }) {
  const transition = useTransition();
  return (
    <ListTransitionContext value={transition}>
      <div className={classes.transitionArea} data-pending={transition[0] || undefined} aria-busy={transition[0] || undefined}>
        {children}
      </div>
    </ListTransitionContext>
  );
}

/** The enclosing list's transition, or one of the caller's own outside a ListTransition. */
export function useListTransition(): ListTransitionValue {
  const own = useTransition();
  return useContext(ListTransitionContext) ?? own;
}
