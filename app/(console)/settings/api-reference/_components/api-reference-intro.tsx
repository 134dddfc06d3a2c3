"use client";
// What the reference is, where the document is, and what a call needs: an administrator gets the way
// to the API tokens page, an auditor is told who makes tokens.
import Link from "next/link";
import { Anchor } from "@mantine/core";

export function ApiReferenceIntro({ documentUrl, isAdmin }: { documentUrl: string; isAdmin: boolean }) {
  return (
    <>
      Every endpoint, its parameters and its answers, generated from the schemas the console validates with. The OpenAPI 3.1 document is at{" "}
      <Anchor href={documentUrl} size="sm" underline="always">
        {documentUrl}
      </Anchor>
      .{" "}
      {isAdmin ? (
        <>
          Calls need an{" "}
          <Anchor component={Link} href="/settings/api-tokens" size="sm" underline="always">
            API token
          </Anchor>
          .
        </>
      ) : (
        "Calls need an API token, which an administrator makes."
      )}
    </>
  );
}
