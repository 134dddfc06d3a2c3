// POST /api/v3/sysadmin/audit/permissions: permission audit records, paged (Codebeamer v3)
import { codebeamerRoute } from "@/lib/api/codebeamer/codebeamer-route";

export const { GET, HEAD, POST, PUT, PATCH, DELETE } = codebeamerRoute("permissions");
