import { describe, expect, it } from "vitest";
import { UNAVAILABLE_PATH, unavailableAnswer, unavailablePath } from "./database-unavailable";

const answerAt = (path: string) => unavailableAnswer(new URL(path, "http://console.test"));

describe("the page for a database that does not answer", () => {
  it("is 503 with Retry-After, loads nothing, and goes back to the console page the admin was on", async () => {
    const answer = answerAt(unavailablePath("/audit/artifacts?range=Last_7_Days&types=ARTIFACT_UPDATE"));
    expect(answer.status).toBe(503);
    expect(answer.headers.get("Retry-After")).toBe("5");
    expect(answer.headers.get("Content-Security-Policy")).toMatch(/^default-src 'none'; style-src 'unsafe-inline'/);
    expect(answer.headers.get("X-Frame-Options")).toBe("DENY");
    expect(answer.headers.get("Cache-Control")).toBe("no-store");
    const page = await answer.text();
    expect(page).toContain("<h1>The database is not answering</h1>");
    expect(page).toContain('<meta http-equiv="refresh" content="5;url=/audit/artifacts?range=Last_7_Days&amp;types=ARTIFACT_UPDATE">');
    expect(page).not.toContain("<script");
  });

  it("never sends the browser to another site, and escapes what it shows", async () => {
    for (const back of ["https://evil.example/", "//evil.example/x", "/\\evil.example", "javascript:alert(1)"]) {
      const page = await answerAt(`${UNAVAILABLE_PATH}?back=${encodeURIComponent(back)}`).text();
      expect(page, back).toContain('content="5;url=/audit/logins"');
    }
    const page = await answerAt(`${UNAVAILABLE_PATH}?back=${encodeURIComponent('/audit/logins?q="><script>x</script>')}`).text();
    expect(page).not.toContain("<script");
    expect(page).toContain('content="5;url=/audit/logins?q=%22%3E%3Cscript%3Ex%3C/script%3E"');
  });

  it("leaves out a way back too long for a Location header", () => {
    expect(unavailablePath(`/audit/logins?users=${"1,".repeat(2_000)}1`)).toBe(UNAVAILABLE_PATH);
    expect(unavailablePath(null)).toBe(`${UNAVAILABLE_PATH}?back=%2Faudit%2Flogins`);
  });
});
