import { cookies } from "next/headers";
import { TIME_ZONE_COOKIE } from "./time-zone-cookie";
import { isValidTimeZone } from "./zoned";

export const DEFAULT_TIME_ZONE = "UTC";

/** The signed-in admin's time zone: the browser's, as told by the `tz` cookie; UTC until known. */
export async function getAdminTimeZone(): Promise<string> {
  const value = (await cookies()).get(TIME_ZONE_COOKIE)?.value;
  const zone = value ? decodeURIComponent(value) : "";
  return isValidTimeZone(zone) ? zone : DEFAULT_TIME_ZONE;
}
