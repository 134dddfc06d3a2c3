import type { IncomingMessage, ServerResponse } from "node:http";

type Handle = (request: IncomingMessage, response: ServerResponse) => unknown;

export declare const PAGE_RETRY_AFTER_SECONDS: number;
export declare function isPageRequest(url: string | undefined): boolean;
export declare function createPageGate(
  handle: Handle,
  options?: { limit?: number; queue?: number; waitMs?: number },
): Handle & { state(): { running: number; waiting: number; limit: number; queue: number } };
