"use client";
// The OpenAPI document (/api/openapi.json) rendered by Scalar, loaded from the console itself and
// told to fetch nothing from elsewhere: no web fonts, no telemetry, no proxy for "try it".
import { useEffect, useRef, useState } from "react";
import { Alert, Skeleton } from "@mantine/core";

declare global {
  interface Window {
    Scalar?: { createApiReference(element: HTMLElement, configuration: Record<string, unknown>): { destroy?: () => void } };
  }
}

const SCRIPT = "/settings/api-reference/scalar.js";

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
    let cancelled = false;
    loadScalar()
      .then((scalar) => {
        if (cancelled || !container.current) return;
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
      app?.destroy?.();
    };
  }, [documentUrl]);

  return (
    <>
      {state === "loading" && <Skeleton height={480} radius="sm" aria-label="Loading the API reference" />}
      {state !== "loading" && state !== "ready" && (
        <Alert color="red" title="No API reference">
          {state}
        </Alert>
      )}
      <div ref={container} />
    </>
  );
}
