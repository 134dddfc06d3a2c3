// /settings/api-reference: every API the console answers, from its OpenAPI document
// (/api/openapi.json, generated from the routes' schemas). Administrators and auditors.
import type { Metadata } from "next";
import { Stack } from "@mantine/core";
import { requirePageReader } from "@/lib/auth/page-guard";
import { SettingsHeader } from "../_components/settings-header";
import { ApiReferenceIntro } from "./_components/api-reference-intro";
import { ApiReferenceView } from "./_components/api-reference-view";

export const metadata: Metadata = { title: "API reference · Settings" };

const DOCUMENT_URL = "/api/openapi.json";

export default async function ApiReferencePage() {
  const principal = await requirePageReader();
  return (
    <Stack gap="md" maw={1440} mx="auto">
      <SettingsHeader title="API reference">
        <ApiReferenceIntro documentUrl={DOCUMENT_URL} isAdmin={principal.role === "ADMIN"} />
      </SettingsHeader>
      <ApiReferenceView documentUrl={DOCUMENT_URL} />
    </Stack>
  );
}
