// ANY /rest: no API answers at the bare prefix either; the same JSON 404 as every unknown API path.
export { GET, POST, PUT, PATCH, DELETE, OPTIONS } from "../api/[...missing]/route";
