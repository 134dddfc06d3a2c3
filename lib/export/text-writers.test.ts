import { describe, expect, it } from "vitest";
import { ChunkWriter } from "./text-writers";

const decoded = (chunks: Uint8Array[]) => Buffer.concat(chunks).toString("utf8");

describe("ChunkWriter", () => {
  it("hands on chunks that never exceed its size and together hold every line, multi-byte text too", () => {
    const writer = new ChunkWriter(64);
    const lines = Array.from({ length: 40 }, (_, index) => `${index},Zoë Łukasz 山田 😀\r\n`);
    const chunks: Uint8Array[] = [];
    for (const line of lines) {
      writer.write(line);
      chunks.push(...writer.take());
    }
    chunks.push(...writer.take(true));
    expect(chunks.length).toBeGreaterThan(10);
    for (const chunk of chunks) expect(chunk.length).toBeLessThanOrEqual(64);
    expect(decoded(chunks)).toBe(lines.join(""));
  });

  it("keeps the chunks it handed on when it goes on writing (each chunk its own bytes)", () => {
    const writer = new ChunkWriter(16);
    writer.write("aaaaaaaaaa\n");
    writer.write("bbbb\n");
    const [first] = writer.take();
    writer.write("cccccccccc\n");
    writer.take(true);
    expect(Buffer.from(first).toString()).toBe("aaaaaaaaaa\n");
  });

  it("writes a line longer than a chunk as a chunk of its own, in order", () => {
    const writer = new ChunkWriter(16);
    writer.write("head\n");
    writer.write(`${"x".repeat(40)}\n`);
    writer.write("tail\n");
    const chunks = writer.take(true);
    expect(decoded(chunks)).toBe(`head\n${"x".repeat(40)}\ntail\n`);
    expect(chunks.map((chunk) => chunk.length)).toEqual([5, 41, 5]);
  });

  it("writes the next chunk in a buffer that came back, and only in one of its chunk size", () => {
    const back = new ArrayBuffer(64);
    const other = new ArrayBuffer(8);
    const returned = [other, back];
    const writer = new ChunkWriter(64, () => returned.pop());
    for (let line = 0; line < 12; line += 1) writer.write(`${line % 10}aaa\n`);
    const [first, second] = writer.take(true);
    expect(first?.buffer).toBe(back);
    expect(Buffer.from(first as Uint8Array).toString()).toBe("0aaa\n1aaa\n2aaa\n3aaa\n4aaa\n5aaa\n6aaa\n7aaa\n8aaa\n9aaa\n");
    // The 8-byte buffer was not of its size: the second chunk is in a new one.
    expect(returned).toEqual([]);
    expect(second?.buffer).not.toBe(other);
    expect(Buffer.from(second as Uint8Array).toString()).toBe("0aaa\n1aaa\n");
  });

  it("hands on nothing for nothing written", () => {
    expect(new ChunkWriter().take(true)).toEqual([]);
  });
});
