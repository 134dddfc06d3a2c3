// CSV (Blueprint's columns, one line per changed field) and JSON lines, as text chunks of one batch each.
import { BLUEPRINT_HEADERS, blueprintRecords, jsonLineObject } from "./export-columns";
import type { ExportContext } from "./export-context";
import { csvLine, UTF8_BOM } from "./csv";

export async function* csvChunks(context: ExportContext): AsyncGenerator<string> {
  yield UTF8_BOM + csvLine(BLUEPRINT_HEADERS);
  for await (const batch of context.batches) {
    // Lines joined once: a string grown by += is a rope that costs more to encode than to build.
    const lines: string[] = [];
    for (const event of batch) {
      for (const record of blueprintRecords(event, context.tab, context.timeZone)) lines.push(csvLine(record));
    }
    yield lines.join("");
  }
}

export async function* jsonLinesChunks(context: ExportContext): AsyncGenerator<string> {
  for await (const batch of context.batches) {
    let text = "";
    for (const event of batch) text += `${JSON.stringify(jsonLineObject(event, context.timeZone))}\n`;
    yield text;
  }
}
