"use client";

import { useEffect } from "react";
import { useRouter } from "next/navigation";
import { consoleCookie, TIME_ZONE_COOKIE } from "@/lib/time/time-zone-cookie";

/** Tells the server the browser's time zone, so that times render in the admin's zone. */
export function TimeZoneCookie() {
  const router = useRouter();
  useEffect(() => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    const current = document.cookie.split("; ").find((part) => part.startsWith(`${TIME_ZONE_COOKIE}=`));
    if (!zone || current === `${TIME_ZONE_COOKIE}=${encodeURIComponent(zone)}`) return;
    // biome-ignore lint/suspicious/noDocumentCookie: the Cookie Store API is missing from Firefox and Safari
    document.cookie = consoleCookie(TIME_ZONE_COOKIE, zone, location.protocol === "https:");
    router.refresh();
  }, [router]);
  return null;
}
