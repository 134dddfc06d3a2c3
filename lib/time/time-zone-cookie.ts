// The cookies that choose the zone times are shown and exported in. Pure: the browser writes them,
// lib/time/admin-time-zone.ts reads them.

/** the browser's IANA zone, written by components/time-zone-cookie.tsx */
export const TIME_ZONE_COOKIE = "tz";
/** "1" while the admin's "Times in UTC" switch is on (components/time-zone-switch.tsx) */
export const UTC_TIMES_COOKIE = "tz-utc";

/** A year-long, site-wide cookie line for `document.cookie`; `null` deletes the cookie. */
export function consoleCookie(name: string, value: string | null, secure: boolean): string {
  const life = value === null ? "max-age=0" : "max-age=31536000";
  return `${name}=${value === null ? "" : encodeURIComponent(value)}; path=/; ${life}; samesite=lax${secure ? "; secure" : ""}`;
}
