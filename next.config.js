// Sent with every page, API answer, redirect and file: the console may not be framed by another site
// (clickjacking of Run now or the sign-in form), its URLs (which carry filters and usernames) are not
// sent to other sites, and browsers take each answer for the type it declares. The full
// Content-Security-Policy comes with nonces for Next's scripts; frame-ancestors does not need them.
export const SECURITY_HEADERS = [
  { key: "Content-Security-Policy", value: "frame-ancestors 'none'" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "same-origin" },
  { key: "X-Content-Type-Options", value: "nosniff" },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite loads its WebAssembly and data files from its own package folder: keep it unbundled.
  // exceljs and jsPDF stay unbundled too: the export writers load them (and fonts) in Node only.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "@node-rs/argon2", "exceljs", "jspdf", "jspdf-autotable"],
  poweredByHeader: false,
  // forbidden(): a signed-in user without a console role gets a real 403 response and page.
  experimental: { authInterrupts: true },
  typedRoutes: false,
  async headers() {
    return [{ source: "/:path*", headers: SECURITY_HEADERS }];
  },
};

export default nextConfig;
