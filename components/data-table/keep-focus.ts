// Keeps keyboard focus where the user acted while a list reloads. A new page, sort or page size
// renders the results again (a new Suspense boundary per search), so the control that was used is
// replaced and focus would fall to <body>, far from where the user was. Until the new control is
// there, and for as long as focus is lost, this puts it back on the first of `selectors` present.

/** How long a reload may take before the focus is left alone. */
const WATCH_MS = 60_000;
/** How long after putting the focus back it is still watched: a list may render twice. */
const SETTLE_MS = 1_500;

let stopWatching: (() => void) | null = null;

function lost(): boolean {
  const active = document.activeElement;
  return active === null || active === document.body || !active.isConnected;
}

function focusable(element: Element | null): element is HTMLElement {
  return element instanceof HTMLElement && element.isConnected && !element.matches(":disabled") && element.closest("[inert]") === null;
}

/**
 * From now on, whenever focus is lost (the control it was on went away or was disabled), focus the
 * first element matching one of `selectors`, scrolled into view unless `scroll` is false (a click on
 * a page number starts the new page at its top). Stops once the user moves the focus elsewhere,
 * another call takes over, shortly after the focus was put back, or after WATCH_MS.
 */
export function keepFocus(selectors: string[], { scroll = true }: { scroll?: boolean } = {}): void {
  stopWatching?.();
  const started = performance.now();
  const used = document.activeElement;
  let restored: { element: HTMLElement; at: number } | null = null;
  let frame = 0;
  const tick = () => {
    const now = performance.now();
    const active = document.activeElement;
    // The user went elsewhere (not the control they used, not its replacement, not lost): their choice wins.
    if (!lost() && active !== used && active !== restored?.element) return stop();
    if (now - started > WATCH_MS || (restored && now - restored.at > SETTLE_MS)) return stop();
    if (lost()) {
      const target = selectors.map((selector) => document.querySelector(selector)).find(focusable);
      if (target) {
        target.focus({ preventScroll: !scroll });
        restored = { element: target, at: now };
      }
    }
    frame = requestAnimationFrame(tick);
  };
  const stop = () => {
    cancelAnimationFrame(frame);
    if (stopWatching === stop) stopWatching = null;
  };
  stopWatching = stop;
  frame = requestAnimationFrame(tick);
}

/** True when the element was reached by keyboard (it shows a focus ring), not clicked with a pointer. */
export function focusedByKeyboard(element: Element | null): boolean {
  return element instanceof HTMLElement && element.matches(":focus-visible");
}
