// The value the access spec (unauthorized.spec.ts) puts in each dynamic segment of a route's path to
// request it. The guards answer before a value is looked up, so any well-formed value will do; one
// segment may have several, each requested. A dynamic segment missing here fails the spec, naming it.
export const SEGMENT_SAMPLES: Readonly<Record<string, readonly string[]>> = {
  "[id]": ["1"],
  // Each tab's export, in a format of its own.
  "[file]": ["logins.csv", "artifacts.xlsx", "permissions.pdf", "console.jsonl"],
  "[...missing]": ["no-such-page"],
  // ALM Octane's audits path: any space, a workspace that is every source.
  "[space]": ["1001"],
  "[workspace]": ["all"],
  "[...nextauth]": ["session"],
};
