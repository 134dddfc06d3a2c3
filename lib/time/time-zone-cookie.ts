export const TIME_ZONE_COOKIE = "tz";
