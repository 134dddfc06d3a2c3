import "@mantine/core/styles.css";
import "@mantine/dates/styles.css";
import "@mantine/notifications/styles.css";
import "@mantine/charts/styles.css";
import type { Metadata } from "next";
import { headers } from "next/headers";
import type { ReactNode } from "react";
import { ColorSchemeScript, mantineHtmlProps } from "@mantine/core";
import { NONCE_HEADER } from "@/lib/security/content-security-policy";
import { Providers } from "./providers";

export const metadata: Metadata = {
  title: { default: "Audit Console", template: "%s · Audit Console" },
  description: "Browse, filter, compare and export the audit trail",
};

// The page's nonce (proxy.ts) goes on Mantine's colour-scheme script and <style> elements, which the
// Content-Security-Policy allows only with it. Reading the request makes every page dynamic: a nonce
// is new for each answer.
export default async function RootLayout({ children }: { children: ReactNode }) {
  const nonce = (await headers()).get(NONCE_HEADER) ?? undefined;
  return (
    <html lang="en" {...mantineHtmlProps}>
      <head>
        <ColorSchemeScript nonce={nonce} />
      </head>
      <body>
        <Providers nonce={nonce}>{children}</Providers>
      </body>
    </html>
  );
}
