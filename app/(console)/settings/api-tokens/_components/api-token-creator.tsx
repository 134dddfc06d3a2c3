"use client";
// The Create token card's content: the form, and once a token is made, its secret above it until
// the admin has copied it. The secret lives in this component's state only, never in the URL.
import { useState } from "react";
import { Stack } from "@mantine/core";
import type { ApiTokenSummary } from "@/lib/auth/api-tokens/api-tokens";
import { ApiTokenForm, type KnownSource } from "./api-token-form";
import { ApiTokenSecret } from "./api-token-secret";

interface Created {
  token: ApiTokenSummary;
  secret: string;
  origin: string;
}

export function ApiTokenCreator({ sources, now, timeZone }: { sources: KnownSource[]; now: Date; timeZone: string }) {
  const [created, setCreated] = useState<Created | null>(null);
  return (
    <Stack gap="md">
      {created && <ApiTokenSecret {...created} timeZone={timeZone} onDone={() => setCreated(null)} />}
      <ApiTokenForm sources={sources} now={now} timeZone={timeZone} onCreated={(result) => setCreated({ ...result, origin: window.location.origin })} />
    </Stack>
  );
}
