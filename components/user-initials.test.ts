import { describe, expect, it } from "vitest";
import { initials } from "./user-initials";

describe("initials", () => {
  it("takes the first letter of the first and the last word", () => {
    expect(initials("Zoë Müller")).toBe("ZM");
    expect(initials("Ana María López García")).toBe("AG");
    expect(initials("  Grace   Jansen ")).toBe("GJ");
    expect(initials("admin")).toBe("A");
    expect(initials("Ελένη Παπαδοπούλου")).toBe("ΕΠ");
    expect(initials("山田 太郎")).toBe("山太");
  });

  it("skips punctuation, and words that have no letter at all", () => {
    expect(initials("create-admin (root)")).toBe("CR");
    expect(initials("(root)")).toBe("R");
    expect(initials("Jürgen Weiß — ")).toBe("JW");
    expect(initials('"Bob" 2nd')).toBe("B2");
  });

  it("says ? when the name has no letter or digit", () => {
    expect(initials("")).toBe("?");
    expect(initials("-- ()")).toBe("?");
  });
});
