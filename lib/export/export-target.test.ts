import { describe, expect, it } from "vitest";
import { exportTargetOf, parseExportTarget } from "./export-target";

describe("export targets", () => {
  it("names a tab or an entity's timeline, nothing else", () => {
    expect(parseExportTarget("artifacts")).toBe("artifacts");
    expect(parseExportTarget("artifact-12")).toEqual({ kind: "artifact", id: 12 });
    expect(parseExportTarget(exportTargetOf({ kind: "user", id: 2_147_483_647 }))).toEqual({ kind: "user", id: 2_147_483_647 });
    for (const text of ["artifact-0", "artifact-2147483648", "artifact-", "group-3", "users-3", "artifact-1e3", "config", "artifact-12-x"]) {
      expect(parseExportTarget(text), text).toBeNull();
    }
  });
});
