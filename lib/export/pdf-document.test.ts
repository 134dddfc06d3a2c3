import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { inflateSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { PERMISSIONS_EXPORT_COLUMNS } from "@/lib/audit/tabs/permissions/permissions-export-columns";
import { type PdfDocumentInput, renderPdf } from "./pdf-document";
import { pdfColumn } from "./pdf-writer";
import { PLACEHOLDER } from "./pdf-text";

// A PDF is read back as a second reader reads it: pdftotext for the text, pdffonts for what is
// embedded, and pdftoppm's page image for ink under each name (a font without the glyph prints
// blank, though pdftotext still reads the character).

const folder = mkdtempSync(path.join(tmpdir(), "audit-pdf-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const NAMES = {
  Latin: "Zoë Müller",
  "Latin Extended": "Łukasz Żółć",
  Greek: "Ελένη Παπαδοπούλου",
  Cyrillic: "Дмитрий Иванов",
  Hebrew: "דוד כהן",
  Arabic: "محمد علي",
  "Chinese (simplified)": "王伟",
  "Chinese (traditional)": "張偉豪",
  Japanese: "山田 太郎",
  Korean: "김민준",
  Thai: "สมชาย ใจดี",
  Devanagari: "राहुल शर्मा",
};
const RIGHT_TO_LEFT = new Set(["Hebrew", "Arabic"]);
// setDrawColor(134, 142, 150), as jsPDF writes it
const STRIKE_GREY = "0.53 0.56 0.59 RG";
const LONG_NAME = "Maximilian Alexander von Hohenzollern-Sigmaringen";

function input(body: string[][], struck: string[] = [], users = ""): PdfDocumentInput {
  return {
    title: "Permissions",
    filters: [{ label: "Users", value: users || "All" }],
    timeZone: "UTC",
    generatedAt: new Date("2026-11-27T10:00:00Z"),
    generatedBy: "김민준",
    rows: body.length,
    columns: [
      { header: "Script", width: 16 },
      { header: "User", width: 14 },
      { header: "Message", width: 40 },
    ],
    body,
    struck: new Set(struck),
  };
}

function write(name: string, bytes: Uint8Array): string {
  const file = path.join(folder, name);
  writeFileSync(file, bytes);
  return file;
}

/** Text as read, with the bidi marks pdftotext adds around right-to-left runs taken out and Arabic forms folded. */
const readText = (file: string) =>
  execFileSync("pdftotext", ["-q", "-layout", file, "-"])
    .toString()
    .replace(/[\u202a-\u202e]/g, "")
    .normalize("NFKC");

const embeddedFonts = (file: string) =>
  execFileSync("pdffonts", [file], { stdio: ["ignore", "pipe", "ignore"] })
    .toString()
    .split("\n")
    .filter((line) => line.includes("Identity-H"))
    .map((line) => line.split(/\s+/)[0]);

interface Word {
  text: string;
  box: [number, number, number, number];
}

function words(file: string): Word[] {
  const html = execFileSync("pdftotext", ["-q", "-bbox", "-f", "1", "-l", "1", file, "-"]).toString();
  return [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((match) => ({
    text: match[5].normalize("NFKC"),
    box: [Number(match[1]), Number(match[2]), Number(match[3]), Number(match[4])],
  }));
}

/** Page 1 in grey, 2 pixels a point: how many dark pixels lie inside a box (points). */
function pageInk(file: string): (box: Word["box"]) => number {
  const prefix = path.join(folder, "page");
  execFileSync("pdftoppm", ["-q", "-gray", "-r", "144", "-f", "1", "-l", "1", "-singlefile", file, prefix]);
  const image = readFileSync(`${prefix}.pgm`);
  const header = image.toString("latin1", 0, 32).match(/^P5\s+(\d+)\s+\d+\s+255\s/);
  if (!header) throw new Error("pdftoppm wrote no PGM image");
  const width = Number(header[1]);
  return ([left, top, right, bottom]) => {
    let dark = 0;
    for (let y = Math.floor(top * 2); y < Math.ceil(bottom * 2); y += 1) {
      for (let x = Math.floor(left * 2); x < Math.ceil(right * 2); x += 1) if (image[header[0].length + y * width + x] < 128) dark += 1;
    }
    return dark;
  };
}

/** The page content streams, inflated: what was drawn, as PDF operators. */
function contentStreams(bytes: Uint8Array): string {
  const pdf = Buffer.from(bytes);
  let content = "";
  let at = 0;
  for (;;) {
    const start = pdf.indexOf("stream\n", at, "latin1");
    if (start < 0) return content;
    const end = pdf.indexOf("\nendstream", start, "latin1");
    try {
      content += inflateSync(pdf.subarray(start + 7, end)).toString("latin1");
    } catch {
      // a font file or an image, not deflated text
    }
    at = end + 10;
  }
}

describe("a PDF with a name per script", () => {
  const body = Object.entries(NAMES).map(([script, name]) => [script, name, `Impacted User: ${name} (Disabled)`]);
  const file = write("scripts.pdf", renderPdf(input(body, [], Object.values(NAMES).join(", "))));
  const text = readText(file);

  it("prints every name, in the table and in the Users line", () => {
    const [summary, table] = text.split(/Script\s+User\s+Message/);
    for (const [script, name] of Object.entries(NAMES)) {
      expect(summary, `${script} in "Users:"`).toContain(name);
      expect(table, script).toContain(`${script}`);
      if (!RIGHT_TO_LEFT.has(script)) expect(table, script).toContain(name);
    }
    expect(summary).toContain("by 김민준");
  });

  it("draws right-to-left names in visual order, so that a reader gets them back in reading order", () => {
    // pdftotext turns what it sees right to left back into reading order: a name drawn in reading order would come back reversed.
    const table = text.split(/Script\s+User\s+Message/)[1];
    expect(table).toMatch(/Hebrew\s+דוד כהן/);
    expect(table).toMatch(/Arabic\s+محمد علي/);
    expect(table).not.toContain("ןהכ");
  });

  it("puts ink under every word of every name: no glyph is blank", () => {
    const found = words(file);
    const inkIn = pageInk(file);
    for (const name of Object.values(NAMES)) {
      for (const part of name.split(" ")) {
        const word = found.find((candidate) => candidate.text === part || candidate.text === [...part].reverse().join(""));
        expect(word, part).toBeDefined();
        if (word) expect(inkIn(word.box), part).toBeGreaterThan(20);
      }
    }
  });

  it("embeds the fonts the names need, each once", () => {
    expect(new Set(embeddedFonts(file))).toEqual(new Set(["DejaVuSans", "NotoSansJP", "NotoSansSC", "NotoSansKR", "NotoSansThai", "NotoSansDevanagari"]));
  });
});

describe("a PDF's fonts and marks", () => {
  it("embeds only DejaVu Sans (regular and bold) when every text is Latin", () => {
    const file = write("latin.pdf", renderPdf({ ...input([["Latin", "Zoë Müller", "Impacted User: Zoë Müller"]]), generatedBy: "auditor" }));
    expect(embeddedFonts(file)).toEqual(["DejaVuSans", "DejaVuSans"]);
  });

  it("shows an emoji as a visible placeholder", () => {
    const file = write("emoji.pdf", renderPdf(input([["Emoji", "Anna 🎉", "Impacted User: Anna 👩🏽‍💻 (Enabled)"]])));
    const text = readText(file);
    expect(text).toContain(`Anna ${PLACEHOLDER}`);
    expect(text).toContain(`Impacted User: Anna ${PLACEHOLDER} (Enabled)`);
  });

  it("strikes a disabled user's name through on every line it wraps to", () => {
    const bytes = renderPdf(
      input(
        [
          ["Latin", LONG_NAME, "User Disable"],
          ["Korean", "김민준 김민준 김민준 김민준 김민준 김민준 김민준 김민준 김민준", "User Disable"],
        ],
        ["0:1", "1:1"],
      ),
    );
    const text = readText(write("struck.pdf", bytes));
    // Each name wraps to two lines in the narrow User column...
    const lines = text.split("\n");
    const first = lines.findIndex((line) => line.includes("Maximilian"));
    expect(lines[first]).not.toContain("Hohenzollern");
    expect(lines[first + 1]).toContain("Hohenzollern");
    // ...and each line gets its stroke: a line segment ("x y m x y l S") in the strike's grey.
    const strikes = contentStreams(bytes).split(STRIKE_GREY).slice(1);
    expect(strikes.flatMap((drawn) => drawn.match(/ m\n[\d.]+ [\d.]+ l\nS/g) ?? [])).toHaveLength(4);
  });
});

describe("a Permissions PDF's layout", () => {
  // The demo's three kinds of row, cell by column header: a group assignment, a permission update
  // with three changed roles, an account disabled.
  const KINDS: Record<string, string>[] = [
    {
      "Created at": "2026-11-16 09:45:06",
      User: "lukasz.zolc",
      Name: "Łukasz Żółć",
      "User status": "Enabled",
      Artifact: "Remote API Access",
      "Event Type": "Group Assign",
      "Target user": "william.peterson",
      Message: "Impacted User: william.peterson (Enabled)",
    },
    {
      "Created at": "2026-11-21 14:16:51",
      User: "edward.cook",
      Name: "Edward Cook",
      "User status": "Enabled",
      Artifact: "Field: Acceptance Criteria",
      "Event Type": "Artifact Permission Update",
      Project: "Infusion Pump Firmware",
      Tracker: "User Stories",
      Message: "Changed: Permissions",
      Changes: "Permissions: Developer: Read & Write → None; Project Admin: Read & Write → Read; Reviewer: Read & Write → Read",
    },
    {
      "Created at": "2026-11-23 09:04:36",
      User: "eleni.papadopoulou",
      Name: "Ελένη Παπαδοπούλου",
      "User status": "Disabled",
      Artifact: "benjamin.eriksson",
      "Event Type": "User Disable",
      "Target user": "benjamin.eriksson",
    },
  ];

  it("fits a typical row in three lines: at least 15 rows a page", () => {
    const columns = PERMISSIONS_EXPORT_COLUMNS.filter((column) => column.pdf !== false).map(pdfColumn);
    const body = Array.from({ length: 150 }, (_, index) =>
      columns.map(({ header }) => (header === "Source" ? "demo" : header === "Event ID" ? String(4000 + index) : (KINDS[index % 3][header] ?? ""))),
    );
    const file = write("permissions.pdf", renderPdf({ ...input(body), columns }));
    const pages = Number(/^Pages:\s+(\d+)/m.exec(execFileSync("pdfinfo", [file]).toString())?.[1]);
    expect(pages).toBeLessThanOrEqual(10);
    // The widest change still reads whole, not cut at the page's edge.
    expect(readText(file).replace(/\s+/g, " ")).toContain("Reviewer: Read & Write → Read");
  });
});
