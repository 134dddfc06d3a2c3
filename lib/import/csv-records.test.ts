import { describe, expect, it } from "vitest";
import { csvRecords, parseCsvRecord } from "./csv-records";
import { ReadTally } from "./import-tally";

async function records(text: string, maxRecordLines?: number) {
  const tally = new ReadTally("t.csv");
  const lines = text.split("\n").map((line, index) => ({ number: index + 1, text: line }));
  const found: { line: number; fields: string[] }[] = [];
  for await (const record of csvRecords(
    (async function* () {
      yield* lines;
    })(),
    tally,
    maxRecordLines,
  )) {
    found.push(record);
  }
  return { found, tally };
}

describe("parseCsvRecord", () => {
  it("reads plain, quoted, doubled-quote and empty fields", () => {
    expect(parseCsvRecord('a,"b, c","say ""hi""",,"",e')).toEqual(["a", "b, c", 'say "hi"', "", "", "e"]);
    expect(parseCsvRecord("")).toEqual([""]);
    expect(parseCsvRecord('"open')).toBeNull();
  });
});

describe("csvRecords", () => {
  it("joins the lines of a quoted field that holds line breaks, numbered by its first line", async () => {
    const { found } = await records('h1,h2\n1,"two\nlines"\n3,x');
    expect(found).toEqual([
      { line: 1, fields: ["h1", "h2"] },
      { line: 2, fields: ["1", "two\nlines"] },
      { line: 4, fields: ["3", "x"] },
    ]);
  });

  it("reports a quote never closed and reads the lines after it again", async () => {
    const { found, tally } = await records('a,b\n1,"broken\n2,ok\n3,ok', 2);
    expect(found.map((record) => record.fields)).toEqual([
      ["a", "b"],
      ["2", "ok"],
      ["3", "ok"],
    ]);
    expect(tally.unreadable).toEqual([{ file: "t.csv", line: 2, reason: "a quoted field is not closed within 2 lines" }]);
    const atEnd = await records('a,b\n1,ok\n2,"broken');
    expect(atEnd.found).toHaveLength(2);
    expect(atEnd.tally.unreadable[0]).toMatchObject({ line: 3, reason: "a quoted field is not closed before the end of the file" });
  });
});
