import { describe, expect, it } from "vitest";
import { z } from "zod";
import { accessMapSchema } from "@/lib/audit/events/changes";
import { reservedKeyPath, withoutReservedKeys } from "./reserved-keys";

// JSON.parse keeps "__proto__" as an own key, as a request body or a file arrives.
const parsed = (text: string): unknown => JSON.parse(text);

describe("reservedKeyPath", () => {
  it("finds __proto__, constructor and prototype at any depth, in objects and arrays", () => {
    expect(reservedKeyPath(parsed('{"a":1,"__proto__":2}'))).toEqual(["__proto__"]);
    expect(reservedKeyPath(parsed('{"a":{"b":[0,{"constructor":1}]}}'))).toEqual(["a", "b", 1, "constructor"]);
    expect(reservedKeyPath(parsed('[{"prototype":null}]'))).toEqual([0, "prototype"]);
    expect(reservedKeyPath(parsed('{"a":{"b":"__proto__"},"proto":1,"__proto":2}'))).toBeNull();
    expect(reservedKeyPath(null)).toBeNull();
    expect(reservedKeyPath("__proto__")).toBeNull();
  });

  it("stops at the depth it is given", () => {
    expect(reservedKeyPath(parsed('{"a":{"b":{"__proto__":1}}}'), 1)).toBeNull();
    expect(reservedKeyPath(parsed('{"a":{"b":{"__proto__":1}}}'), 2)).toEqual(["a", "b", "__proto__"]);
  });
});

describe("withoutReservedKeys", () => {
  it("leaves non-objects to the wrapped schema", () => {
    const schema = withoutReservedKeys(z.record(z.string(), z.number(), { error: "must be an object" }));
    expect(schema.safeParse(null).error?.issues[0]?.message).toBe("must be an object");
    expect(schema.safeParse([1]).error?.issues[0]?.message).toBe("must be an object");
    expect(schema.safeParse({ a: 1 }).data).toEqual({ a: 1 });
  });

  it("refuses the access map a permission change would have lost a role of", () => {
    const issues = accessMapSchema.safeParse(parsed('{"Developer":"Read","__proto__":"Write"}')).error?.issues;
    expect(issues?.map((issue) => [issue.path, issue.message])).toEqual([[["__proto__"], "is a reserved name, not a field"]]);
    expect(accessMapSchema.safeParse({ Developer: "Read" }).data).toEqual({ Developer: "Read" });
  });
});
