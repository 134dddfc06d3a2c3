import { describe, expect, it } from "vitest";
import { Prisma } from "@/lib/generated/prisma/client";
import { refusalAnswer } from "./refusals";

describe("a busy database as the API answers it", () => {
  it("answers a pool without a free connection 503 with Retry-After, from pg or from a Prisma transaction that could not start", async () => {
    const notStarted = new Prisma.PrismaClientKnownRequestError("Transaction API error: Unable to start a transaction in the given time.", {
      code: "P2028",
      clientVersion: Prisma.prismaVersion.client,
    });
    for (const error of [new Error("timeout exceeded when trying to connect"), notStarted]) {
      const answer = refusalAnswer(error);
      expect([answer?.status, answer?.headers.get("Retry-After")]).toEqual([503, "5"]);
      expect(await answer?.json()).toEqual({
        error: { code: "database_busy", message: "Every database connection is in use; the request was not run. Try again in a few seconds." },
      });
    }
  });

  it("leaves other transaction errors to the 500 of an unexpected failure", () => {
    const closed = new Prisma.PrismaClientKnownRequestError("Transaction API error: Transaction already closed.", {
      code: "P2028",
      clientVersion: Prisma.prismaVersion.client,
    });
    expect(refusalAnswer(closed)).toBeNull();
  });
});
