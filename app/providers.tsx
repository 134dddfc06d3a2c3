"use client";

import type { ReactNode } from "react";
import { MantineProvider, Modal, Notification, createTheme, type CSSVariablesResolver } from "@mantine/core";
import { Notifications } from "@mantine/notifications";
import { NuqsAdapter } from "nuqs/adapters/next/app";
import { z } from "zod";
import { TimeZoneCookie } from "@/components/time-zone-cookie";

// zod tries `new Function("")` once to see whether it may compile its parsers; the pages'
// Content-Security-Policy (proxy.ts) allows no eval, so the try is a refusal the browser reports.
// In the browser zod is told not to try: it parses as it would after the refusal. The server keeps eval.
if (typeof window !== "undefined") z.config({ jitless: true });

const theme = createTheme({
  primaryColor: "indigo",
  // WCAG AA wants 4.5:1 for text: indigo 6 on white is 4.3:1, indigo 7 is 5.0:1.
  primaryShade: { light: 7, dark: 8 },
  // Filled buttons of light colours (orange, yellow) get dark text instead of white.
  autoContrast: true,
  defaultRadius: "sm",
  fontFamily: "Inter, system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Noto Sans CJK JP', sans-serif",
  components: {
    // A dialog's and a notification's close buttons are icons: they need a name for screen readers
    // (axe: button-name; a "Role changed" notification still on screen failed the users page).
    Modal: Modal.extend({ defaultProps: { closeButtonProps: { "aria-label": "Close" } } }),
    Notification: Notification.extend({ defaultProps: { closeButtonProps: { "aria-label": "Close the notification" } } }),
  },
});

// Mantine's dimmed text (gray 6) is 3.3:1 on white; this gray is 5.8:1 on white and 4.9:1 on gray 2,
// still lighter than body text. Links in indigo 8 keep 5:1 on a hovered (gray 1) table row. A field's
// error in red 6 is 3.6:1 on white; red 8 is 5.4:1.
const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    "--mantine-color-dimmed": "#5f666d",
    "--mantine-color-anchor": "var(--mantine-color-indigo-8)",
    "--mantine-color-error": "var(--mantine-color-red-8)",
  },
  dark: {},
});

export function Providers({ children, nonce }: { children: ReactNode; nonce?: string }) {
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light" getStyleNonce={nonce ? () => nonce : undefined}>
      <Notifications position="top-right" />
      <TimeZoneCookie />
      <NuqsAdapter>{children}</NuqsAdapter>
    </MantineProvider>
  );
}
