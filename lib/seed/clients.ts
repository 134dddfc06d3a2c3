// Where people sign in from: the office network (10.x), home or VPN (192.168.x), now and then a
// public address (documentation ranges), with the browser they use, versioned by the date.
import { DAY } from "./calendar";
import type { Random } from "./random";

type Browser = "chrome-windows" | "chrome-mac" | "edge-windows" | "firefox-windows" | "firefox-linux" | "safari-mac";

export interface ClientProfile {
  office: string;
  home: string;
  travel: string | null;
  browsers: Browser[];
}

const BROWSERS: Browser[] = ["chrome-windows", "chrome-mac", "edge-windows", "firefox-windows", "firefox-linux", "safari-mac"];
const BROWSER_SHARE = [0.38, 0.12, 0.2, 0.14, 0.08, 0.08];

export function clientProfile(rng: Random): ClientProfile {
  const browsers = [rng.weighted(BROWSERS, BROWSER_SHARE)];
  if (rng.chance(0.3)) browsers.push(rng.weighted(BROWSERS, BROWSER_SHARE));
  const travel = rng.chance(0.25)
    ? rng.chance(0.15)
      ? `2001:db8:${rng.int(1, 0xfff).toString(16)}::${rng.int(1, 0xffff).toString(16)}`
      : `${rng.pick(["203.0.113", "198.51.100", "192.0.2"])}.${rng.int(2, 254)}`
    : null;
  return {
    office: `10.${rng.pick([20, 21, 40, 64])}.${rng.int(0, 31)}.${rng.int(10, 250)}`,
    home: `192.168.${rng.pick([0, 1, 1, 2, 178])}.${rng.int(2, 254)}`,
    travel,
    browsers,
  };
}

export function sessionIp(profile: ClientProfile, officeHours: boolean, rng: Random): string {
  const roll = rng.next();
  if (profile.travel && roll < 0.08) return profile.travel;
  return roll < (officeHours ? 0.78 : 0.25) ? profile.office : profile.home;
}

const CHROME_131 = Date.UTC(2024, 10, 12);
const FIREFOX_133 = Date.UTC(2024, 10, 26);
const RELEASE_CYCLE = 28 * DAY;

export function userAgent(profile: ClientProfile, time: number, rng: Random): string {
  const browser = profile.browsers.length > 1 && rng.chance(0.3) ? profile.browsers[1] : profile.browsers[0];
  // People update a release or two late.
  const chrome = 131 + Math.floor((time - CHROME_131) / RELEASE_CYCLE) - rng.int(0, 1);
  const firefox = 133 + Math.floor((time - FIREFOX_133) / RELEASE_CYCLE) - rng.int(0, 1);
  const webkit = "AppleWebKit/537.36 (KHTML, like Gecko)";
  switch (browser) {
    case "chrome-windows":
      return `Mozilla/5.0 (Windows NT 10.0; Win64; x64) ${webkit} Chrome/${chrome}.0.0.0 Safari/537.36`;
    case "chrome-mac":
      return `Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) ${webkit} Chrome/${chrome}.0.0.0 Safari/537.36`;
    case "edge-windows":
      return `Mozilla/5.0 (Windows NT 10.0; Win64; x64) ${webkit} Chrome/${chrome}.0.0.0 Safari/537.36 Edg/${chrome}.0.0.0`;
    case "firefox-windows":
      return `Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:${firefox}.0) Gecko/20100101 Firefox/${firefox}.0`;
    case "firefox-linux":
      return `Mozilla/5.0 (X11; Linux x86_64; rv:${firefox}.0) Gecko/20100101 Firefox/${firefox}.0`;
    case "safari-mac":
      return `Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/${safariVersion(time)} Safari/605.1.15`;
  }
}

/** Safari's major version changes each September (18 in 2024, 26 in 2025, then yearly). */
function safariVersion(time: number): string {
  const date = new Date(time);
  const year = date.getUTCFullYear();
  const september = Date.UTC(year, 8, 15);
  const releaseYear = time >= september ? year : year - 1;
  const major = releaseYear < 2025 ? 18 : releaseYear - 1999;
  const since = time - Date.UTC(releaseYear, 8, 15);
  const minor = Math.min(6, Math.max(0, Math.floor(since / (61 * DAY))));
  return `${major}.${minor}`;
}
