// A change table wider than a phone (values side by side, user chips, long names) scrolls sideways
// in its own box instead of widening the whole page. The box takes the keyboard's focus, so that
// the arrow keys scroll it too (WCAG 2.1.1; axe's scrollable-region-focusable), named after its table.
import type { ReactNode } from "react";
import { TableScrollContainer } from "@mantine/core";

export function DiffTableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    <TableScrollContainer minWidth={0} type="native" tabIndex={0} role="region" aria-label={label}>
      {children}
    </TableScrollContainer>
  );
}
