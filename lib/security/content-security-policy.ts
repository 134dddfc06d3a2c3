// The Content-Security-Policy of the console's pages, which proxy.ts sends with a fresh nonce for
// each answer, and the other headers only pages carry. Pure.

/** The request header the root layout reads the page's nonce from. */
export const NONCE_HEADER = "x-nonce";

/** The page that renders Scalar, whose bundle adds <style> elements without a nonce. */
export const API_REFERENCE_PATH = "/settings/api-reference";

/**
 * The policy of one page. Scripts: only those carrying this answer's nonce, and what they load
 * ('strict-dynamic': Next's chunks, Scalar's bundle); 'self' is for browsers without CSP 3.
 * Styles: style sheets from the console; <style> elements only with the nonce (Mantine's theme
 * variables and responsive style props); style attributes inline, because Mantine renders its
 * style props, Box sizes, transitions and positioned popovers as style="..." attributes in the
 * server's HTML, which no nonce or hash can cover. The API reference page allows inline <style>
 * elements instead of the nonce: Scalar's bundle creates them at run time without one.
 * Development adds 'unsafe-eval', which React's development build needs for its call stacks.
 */
export function contentSecurityPolicy(nonce: string, path: string, options = { development: false, https: false }): string {
  const styleElements = path === API_REFERENCE_PATH ? "'self' 'unsafe-inline'" : `'self' 'nonce-${nonce}'`;
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.development ? " 'unsafe-eval'" : ""}`,
    `style-src 'self' 'nonce-${nonce}'`,
    `style-src-elem ${styleElements}`,
    "style-src-attr 'unsafe-inline'",
    // Avatars under /avatars; Mantine's icons are inline SVG; data: for Scalar's and the charts' small images.
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(options.https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** Browsers keep to https for a year once they have seen this over https. */
export const STRICT_TRANSPORT_SECURITY = "max-age=31536000";
