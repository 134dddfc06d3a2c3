"use client";
// The first thing Tab reaches on every console page, shown only while focused: "Skip to results"
// jumps past the header, the tabs and the filters to the list (DataTableResults marks it); a page
// without a list skips to its main content instead.
import { useEffect, useState } from "react";
import { RESULTS_ID } from "@/components/data-table/results-anchor";
import classes from "./console-shell.module.css";

/** Whether the page shows a list of results now: they come and go with navigation and loading. */
function useHasResults(mainId: string): boolean {
  const [hasResults, setHasResults] = useState(false);
  useEffect(() => {
    const main = document.getElementById(mainId);
    const update = () => setHasResults(document.getElementById(RESULTS_ID) !== null);
    update();
    if (!main) return;
    const observer = new MutationObserver(update);
    observer.observe(main, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, [mainId]);
  return hasResults;
}

export function SkipLink({ mainId }: { mainId: string }) {
  const hasResults = useHasResults(mainId);
  const targetId = hasResults ? RESULTS_ID : mainId;
  return (
    <a
      href={`#${targetId}`}
      className={classes.skipLink}
      onClick={(event) => {
        const target = document.getElementById(targetId);
        if (!target) return;
        // Focus, not only scroll: the next Tab goes on from the results.
        event.preventDefault();
        target.focus();
        target.scrollIntoView({ block: "start" });
      }}
    >
      {hasResults ? "Skip to results" : "Skip to main content"}
    </a>
  );
}
