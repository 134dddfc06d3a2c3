"use client";
// The OpenAPI document (/api/openapi.json) rendered by Scalar, loaded from the console itself and
// told to fetch nothing from elsewhere: no web fonts, no telemetry, no proxy for "try it".
import { useEffect, useRef, useState } from "react";
import { Alert, Box, Skeleton } from "@mantine/core";
import { API_REFERENCE_PATH } from "@/lib/security/content-security-policy";
import { repairScalarAccessibility } from "./scalar-accessibility";
import classes from "./api-reference-view.module.css";

declare global {
  interface Window {
    Scalar?: { createApiReference(element: HTMLElement, configuration: Record<string, unknown>): { destroy?: () => void } };
  }
}

const SCRIPT = "/settings/api-reference/scalar.js";

/**
 * Whether this document was served for this page: its Content-Security-Policy (proxy.ts) is the one
 * that lets Scalar add its <style> elements. A document first served for another page and then
 * navigated here on the client keeps that page's stricter policy.
 */
function servedForThisPage(): boolean {
  const [entry] = performance.getEntriesByType("navigation");
  return !entry || new URL(entry.name).pathname === API_REFERENCE_PATH;
}

function loadScalar(): Promise<NonNullable<Window["Scalar"]>> {
  if (window.Scalar) return Promise.resolve(window.Scalar);
  return new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = SCRIPT;
    script.onload = () => (window.Scalar ? resolve(window.Scalar) : reject(new Error("the renderer did not start")));
    script.onerror = () => reject(new Error("the renderer could not be loaded"));
    document.head.append(script);
  });
}

export function ApiReferenceView({ documentUrl }: { documentUrl: string }) {
  const container = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<"loading" | "ready" | string>("loading");

  useEffect(() => {
    let app: { destroy?: () => void } | null = null;
    let stopRepairs: (() => void) | null = null;
    let cancelled = false;
    if (!servedForThisPage()) {
      window.location.reload();
      return;
    }
    loadScalar()
      .then((scalar) => {
        if (cancelled || !container.current) return;
        stopRepairs = repairScalarAccessibility(container.current);
        app = scalar.createApiReference(container.current, {
          url: documentUrl,
          withDefaultFonts: false,
          telemetry: false,
          hideClientButton: true,
          hideDarkModeToggle: true,
          forceDarkModeState: "light",
          showDeveloperTools: "never",
          agent: { disabled: true },
          mcp: { disabled: true },
          defaultOpenAllTags: false,
          authentication: { preferredSecurityScheme: "apiToken" },
        });
        setState("ready");
      })
      .catch((error: Error) => setState(`The API reference could not be shown: ${error.message}. The document itself is at ${documentUrl}.`));
    return () => {
      cancelled = true;
      stopRepairs?.();
      app?.destroy?.();
    };
  }, [documentUrl]);

  return (
    <>
      {/* Until Scalar renders its own <main>, the page's main content is this placeholder or the failure. */}
      {state !== "ready" && (
        <Box component="main">
          {state === "loading" ? (
            <Skeleton height={480} radius="sm" role="status" aria-label="Loading the API reference" />
          ) : (
            <Alert color="red" title="No API reference">
              {state}
            </Alert>
          )}
        </Box>
      )}
      <div ref={container} className={classes.reference} />
    </>
  );
}
