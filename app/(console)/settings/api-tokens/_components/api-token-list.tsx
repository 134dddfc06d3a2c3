// Every token, newest first, revoked and expired ones too: the record of who had access.
import { Text } from "@mantine/core";
import { timeZoneCaption } from "@/components/data-table/data-table-results";
import { DataTableEmpty } from "@/components/data-table/data-table-states";
import { listApiTokens } from "@/lib/auth/api-tokens/api-tokens";
import { formatTotalOf } from "@/lib/audit/search/list-result";
import { isExpired } from "./api-token-days";
import { ApiTokenTable } from "./api-token-table";

export async function ApiTokenList({ timeZone, now }: { timeZone: string; now: Date }) {
  const tokens = await listApiTokens();
  if (tokens.length === 0) {
    return (
      <DataTableEmpty
        title="No API tokens yet"
        description="Create one above for each system that sends events to the console, or that reads the audit trail through its API."
      />
    );
  }
  const active = tokens.filter((token) => !token.revokedAt && !isExpired(token, now)).length;
  return (
    <>
      <Text size="sm" c="dimmed" role="status">
        {formatTotalOf(tokens.length, false, "token")}, {active} active · {timeZoneCaption(timeZone, now)}
      </Text>
      <ApiTokenTable tokens={tokens} timeZone={timeZone} now={now} />
    </>
  );
}
