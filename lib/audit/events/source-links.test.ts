import { describe, expect, it } from "vitest";
import { fillLinkTemplate, linkTemplateError, sourceLinkInputSchema } from "./source-links";

const parse = (linkTemplate: string) => sourceLinkInputSchema.safeParse({ source: "codebeamer-prod", linkTemplate });

describe("source link templates", () => {
  it("takes http(s) URLs with known placeholders, and blank as no link", () => {
    expect(parse("https://alm.example.com/cb/item/{artifactId}")).toMatchObject({
      success: true,
      data: { linkTemplate: "https://alm.example.com/cb/item/{artifactId}" },
    });
    expect(parse("  http://alm:8080/cb/tracker/{trackerId}?project={projectId}  ").data?.linkTemplate).toBe(
      "http://alm:8080/cb/tracker/{trackerId}?project={projectId}",
    );
    expect(parse("https://alm.example.com/users/{userId}").success).toBe(true);
    expect(parse("   ")).toMatchObject({ success: true, data: { linkTemplate: null } });
  });

  it("names what is wrong with a template", () => {
    expect(linkTemplateError("https://alm.example.com/item/{itemId}")).toBe(
      "{itemId} is not a placeholder; use {artifactId}, {userId}, {projectId}, {trackerId}",
    );
    expect(linkTemplateError("javascript:alert({artifactId})")).toBe("must start with https:// or http://, not javascript://");
    expect(linkTemplateError("ftp://alm.example.com/{artifactId}")).toMatch(/^must start with https:\/\/ or http:\/\//);
    expect(linkTemplateError("alm.example.com/item/{artifactId}")).toBe("is not a URL: start it with https:// or http:// and a host name");
    expect(linkTemplateError("https://alm.example.com/item/")).toMatch(/^names no entity/);
    expect(linkTemplateError("https://alm.example.com/item/{artifactId")).toMatch(/^has a brace that opens or closes no placeholder/);
    expect(linkTemplateError("https://alm.example.com/item/ {artifactId}")).toBe("may not contain spaces");
    expect(linkTemplateError("https://user:secret@alm.example.com/{artifactId}")).toBe("may not hold a user name or password");
    expect(linkTemplateError(`https://alm.example.com/${"x".repeat(500)}/{artifactId}`)).toMatch(/^is 5\d\d characters long; at most 500$/);
    expect(parse("https://alm.example.com/item/{id}").error?.issues[0]).toMatchObject({ path: ["linkTemplate"] });
  });

  it("fills every placeholder, URL-encoded, or gives no link when one has no id", () => {
    const template = "https://alm.example.com/cb/item/{artifactId}?tracker={trackerId}";
    expect(fillLinkTemplate(template, { artifactId: "4711", trackerId: "A/B 1" })).toBe("https://alm.example.com/cb/item/4711?tracker=A%2FB%201");
    expect(fillLinkTemplate(template, { artifactId: "4711" })).toBeNull();
    expect(fillLinkTemplate(template, { artifactId: "4711", trackerId: null })).toBeNull();
    expect(fillLinkTemplate("https://alm.example.com/cb/user/{userId}", { userId: "u-9", artifactId: "1" })).toBe("https://alm.example.com/cb/user/u-9");
  });
});
