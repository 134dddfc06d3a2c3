// "audit-logins_last-30-days_2026-11-23_0915_CET.xlsx": the tab, the filters briefly, when and in which zone.
import { formatDateTime, zoneName } from "@/lib/time/zoned";

export function exportFileName(tab: string, filterSlug: string, generatedAt: Date, timeZone: string, extension: string): string {
  const stamp = formatDateTime(generatedAt, timeZone).slice(0, 16).replace(" ", "_").replace(":", "");
  const zone = zoneName(generatedAt, timeZone)
    .replace("+", "plus")
    .replace("-", "minus")
    .replace(/[^A-Za-z0-9]/g, "");
  const slug = filterSlug.replace(/[^A-Za-z0-9_-]/g, "");
  return `audit-${tab}_${slug}_${stamp}_${zone}.${extension}`;
}
