// What Scalar's rendering lacks for a screen reader and for axe, added to its DOM as it renders
// (Scalar is a bundled Vue app the console cannot change):
// - its icon-only copy buttons have no name;
// - its "Show more" buttons are named without their visible text;
// - on a narrow screen it renders a <header>, a second banner beside the console's: a plain box here.
// (Its <main> stays: on this page the console's shell has none of its own, see console-shell.tsx.)

const COPY_BUTTONS = 'button[class*="copy-button"]:not([aria-label])';

function repair(root: HTMLElement): void {
  for (const button of root.querySelectorAll<HTMLButtonElement>(COPY_BUTTONS)) button.setAttribute("aria-label", "Copy to the clipboard");
  for (const button of root.querySelectorAll<HTMLButtonElement>("button.show-more[aria-label]")) {
    const visible = button.textContent?.replace(/\s+/g, " ").trim() ?? "";
    const label = button.getAttribute("aria-label") ?? "";
    if (visible && !label.toLowerCase().includes(visible.toLowerCase())) button.setAttribute("aria-label", `${visible}: ${label}`);
  }
  for (const header of root.querySelectorAll("header:not([role])")) header.setAttribute("role", "none");
}

/** Repairs what Scalar renders into `root`, now and whenever it renders more; returns the stop. */
export function repairScalarAccessibility(root: HTMLElement): () => void {
  repair(root);
  // Each repair only sets what is missing or wrong, so the changes it makes itself end here.
  const observer = new MutationObserver(() => repair(root));
  observer.observe(root, { childList: true, subtree: true });
  return () => observer.disconnect();
}
