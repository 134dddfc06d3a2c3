// The console's Next.js configuration. Every answer carries lib/http/security-headers.mjs's headers.
import { SECURITY_HEADERS } from "./lib/http/security-headers.mjs";

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
