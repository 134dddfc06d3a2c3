// ANY /rest/...: a Jira-style API path nothing answers. The same JSON 404 as an unknown /api path.
export { GET, POST, PUT, PATCH, DELETE, OPTIONS } from "../../api/[...missing]/route";
