import { cookies } from "next/headers";
import { TIME_ZONE_COOKIE, UTC_TIMES_COOKIE } from "./time-zone-cookie";
import { isValidTimeZone } from "./zoned";

export const DEFAULT_TIME_ZONE = "UTC";

/** The browser's time zone, as told by the `tz` cookie; UTC until known. */
export async function getBrowserTimeZone(): Promise<string> {
  const value = (await cookies()).get(TIME_ZONE_COOKIE)?.value;
  const zone = value ? decodeURIComponent(value) : "";
  return isValidTimeZone(zone) ? zone : DEFAULT_TIME_ZONE;
}

/** Whether the admin switched "Times in UTC" on (the `tz-utc` cookie). */
export async function prefersUtcTimes(): Promise<boolean> {
  return (await cookies()).get(UTC_TIMES_COOKIE)?.value === "1";
}

/**
 * The zone the signed-in admin's times are shown, ranged and exported in: UTC while "Times in UTC"
 * is on, else the browser's. Tables, the diff view, entity pages, day ranges and exports all read it.
 */
export async function getAdminTimeZone(): Promise<string> {
  return (await prefersUtcTimes()) ? "UTC" : getBrowserTimeZone();
}
