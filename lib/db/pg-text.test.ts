import fc from "fast-check";
import pg from "pg";
import { expect, it } from "vitest";
import { timestampFromText } from "./pg-text";

const pgParser = pg.types.getTypeParser(pg.types.builtins.TIMESTAMPTZ);

it("reads a UTC timestamp as the pg driver does, to the millisecond, whatever its fraction", () => {
  const texts = fc
    .tuple(
      fc.integer({ min: 1, max: 9999 }),
      fc.date({ noInvalidDate: true, min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(2200, 0, 1)) }),
      fc.integer({ min: 0, max: 6 }),
    )
    .map(([micros, date, places]) => {
      const iso = date.toISOString();
      const fraction = places === 0 ? "" : `.${(String(date.getUTCMilliseconds()).padStart(3, "0") + String(micros % 1000).padStart(3, "0")).slice(0, places)}`;
      return `${iso.slice(0, 10)} ${iso.slice(11, 19)}${fraction}+00`;
    });
  fc.assert(
    fc.property(texts, (text) => {
      expect(timestampFromText(text).getTime()).toBe((pgParser(text) as Date).getTime());
    }),
    { numRuns: 3000 },
  );
});

it("leaves what it does not read by position to the pg driver: early years, BC, other zones", () => {
  for (const text of ["0099-01-01 00:00:00+00", "2000-01-01 00:00:00 BC", "2026-11-27 21:38:45.5+01", "2026-11-27 21:38:45+05:30"]) {
    expect(timestampFromText(text).getTime()).toEqual((pgParser(text) as Date).getTime());
  }
});
