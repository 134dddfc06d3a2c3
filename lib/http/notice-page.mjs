// A small page of its own for the moments the console cannot render one: too busy (scripts/lib/
// page-gate.mjs, before Next) or its database not answering (proxy.ts). Plain JavaScript, so that
// the custom server (plain Node) and the proxy (bundled by Next) share it. It loads nothing, runs
// nothing, and reloads itself after `retryAfterSeconds`.

/** Its policy: its own inline stylesheet, and nothing else. */
export const NOTICE_PAGE_POLICY = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

const ESCAPES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
const escapeHtml = (text) => String(text).replace(/[&<>"']/g, (character) => ESCAPES[character]);

/** The page's HTML: a heading, a paragraph, and a reload of `reloadTo` (a same-site path) or itself. */
export function noticePage({ title, text, retryAfterSeconds, reloadTo }) {
  const refresh = reloadTo ? `${retryAfterSeconds};url=${reloadTo}` : String(retryAfterSeconds);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="${escapeHtml(refresh)}"><title>${escapeHtml(title)} · Audit Console</title>
<style>body{font-family:system-ui,sans-serif;margin:0;display:grid;place-items:center;min-height:100vh;background:#f8f9fa;color:#212529}
main{max-width:32rem;margin:1rem;padding:2rem;background:#fff;border:1px solid #dee2e6;border-radius:8px}h1{font-size:1.25rem;margin:0 0 .75rem}p{margin:0;line-height:1.5}</style>
</head><body><main><h1>${escapeHtml(title)}</h1><p>${escapeHtml(text)}</p></main></body></html>`;
}
