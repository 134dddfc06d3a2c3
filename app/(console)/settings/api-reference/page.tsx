// /settings/api-reference: every API the console answers, from its OpenAPI document
// (/api/openapi.json, generated from the routes' schemas). Administrators and auditors.
import type { Metadata } from "next";
import { Box, Stack } from "@mantine/core";
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
      {/* A landmark of its own: the reference below is the page's <main> (the shell gives this page none). */}
      <Box component="section" aria-label="About the API reference">
        <SettingsHeader title="API reference">
          <ApiReferenceIntro documentUrl={DOCUMENT_URL} isAdmin={principal.role === "ADMIN"} />
        </SettingsHeader>
      </Box>
      <ApiReferenceView documentUrl={DOCUMENT_URL} />
    </Stack>
  );
}
