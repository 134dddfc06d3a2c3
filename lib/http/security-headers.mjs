// Sent with every page, API answer, redirect and file: the console may not be framed by another site
// (clickjacking of Run now or the sign-in form), its URLs (which carry filters and usernames) are not
// sent to other sites, browsers take each answer for the type it declares, and no page may use the
// camera, microphone, location or other devices. The Content-Security-Policy here is for answers that
// are not pages (JSON, files): they may load and run nothing. Pages get proxy.ts's policy with a
// nonce instead, which replaces this one.
const DENIED_FEATURES = [
  "accelerometer",
  "autoplay",
  "camera",
  "display-capture",
  "encrypted-media",
  "geolocation",
  "gyroscope",
  "hid",
  "idle-detection",
  "magnetometer",
  "microphone",
  "midi",
  "payment",
  "picture-in-picture",
  "publickey-credentials-get",
  "screen-wake-lock",
  "serial",
  "usb",
  "xr-spatial-tracking",
];

export const SECURITY_HEADERS = [
  { key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "same-origin" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Permissions-Policy", value: DENIED_FEATURES.map((feature) => `${feature}=()`).join(", ") },
];
