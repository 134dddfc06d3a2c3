// /settings/api-reference: every API the console answers, from its OpenAPI document
// (/api/openapi.json, generated from the routes' schemas). Administrators and auditors.
import type { Metadata } from "next";
import Link from "next/link";
import { Anchor, Stack } from "@mantine/core";
import { requirePageReader } from "@/lib/auth/page-guard";
import { SettingsHeader } from "../_components/settings-header";
import { ApiReferenceView } from "./_components/api-reference-view";

export const metadata: Metadata = { title: "API reference · Settings" };

const DOCUMENT_URL = "/api/openapi.json";

export default async function ApiReferencePage() {
  const principal = await requirePageReader();
  return (
    <Stack gap="md" maw={1440} mx="auto">
      <SettingsHeader title="API reference">
        Every endpoint, its parameters and its answers, generated from the schemas the console validates with. The OpenAPI 3.1 document is at{" "}
        <Anchor href={DOCUMENT_URL} size="sm">
          {DOCUMENT_URL}
        </Anchor>
        .{" "}
        {principal.role === "ADMIN" ? (
          <>
            Calls need an{" "}
            <Anchor component={Link} href="/settings/api-tokens" size="sm">
              API token
            </Anchor>
            .
          </>
        ) : (
          "Calls need an API token, which an administrator makes."
        )}
      </SettingsHeader>
      <ApiReferenceView documentUrl={DOCUMENT_URL} />
    </Stack>
  );
}
