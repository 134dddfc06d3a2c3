// API tokens: made and revoked by administrators (the settings page, `npm run create-token`), each
// a Console event; checked on every API call that carries one. A token belongs to one source and
// outlives the administrator who made it. Revoked and expired tokens are refused at once: there is
// no cache between the database and the check.
import "server-only";
import { recordEvent, type EntityRef } from "@/lib/audit/events/record-event";
import { getDb } from "@/lib/db";
import type { ApiScope } from "@/lib/generated/prisma/enums";
import { AuthError, requireAdmin } from "../guard";
import type { Principal } from "../principal";
import { type ApiScopeName, type ApiTokenSpec, SCOPE_LABELS } from "./api-token-schema";
import { hashTokenSecret, newTokenSecret, shownPrefix } from "./token-secret";

const DAY_MS = 86_400_000;
/** last-used time and address are written at most this often per token (unless the address changes) */
const LAST_USED_EVERY_MS = 60_000;

export interface ApiTokenSummary {
  id: number;
  name: string;
  source: string;
  scopes: ApiScopeName[];
  prefix: string;
  createdByName: string;
  createdAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
  revokedByName: string | null;
  lastUsedAt: Date | null;
  lastUsedIp: string | null;
}

/** The caller an API token stands for: its source, and what it may do. */
export interface TokenCaller {
  id: number;
  name: string;
  source: string;
  scopes: ApiScopeName[];
}

const toScopeNames = (scopes: readonly ApiScope[]): ApiScopeName[] => scopes.map((scope) => scope.toLowerCase() as ApiScopeName);
const toScopes = (scopes: readonly ApiScopeName[]): ApiScope[] => scopes.map((scope) => scope.toUpperCase() as ApiScope);

const SUMMARY_SELECT = {
  id: true,
  name: true,
  source: true,
  scopes: true,
  prefix: true,
  createdByName: true,
  createdAt: true,
  expiresAt: true,
  revokedAt: true,
  revokedByName: true,
  lastUsedAt: true,
  lastUsedIp: true,
} as const;

const actorOf = (principal: Principal): EntityRef => ({ id: principal.userId, name: principal.username });

/** Makes a token (administrators only); the secret is in the answer and nowhere else. The Console event commits with it. */
export async function createApiToken(spec: ApiTokenSpec, now = new Date()): Promise<{ token: ApiTokenSummary; secret: string }> {
  const actor = actorOf(await requireAdmin("Creating an API token"));
  const secret = newTokenSecret();
  const expiresAt = new Date(now.getTime() + spec.expiresInDays * DAY_MS);
  const token = await getDb().prisma.$transaction(async (tx) => {
    await tx.eventSource.upsert({ where: { name: spec.source }, create: { name: spec.source }, update: {} });
    const created = await tx.apiToken.create({
      data: {
        name: spec.name,
        source: spec.source,
        scopes: toScopes(spec.scopes),
        prefix: shownPrefix(secret),
        secretHash: hashTokenSecret(secret),
        createdById: actor.id,
        createdByName: actor.name,
        createdAt: now,
        expiresAt,
      },
      select: SUMMARY_SELECT,
    });
    await recordEvent(
      {
        eventType: "API_TOKEN_CREATE",
        actor,
        message: `API token "${spec.name}" (${created.prefix}…) created for source ${spec.source}: ${spec.scopes.join(" and ")}, expires ${expiresAt.toISOString().slice(0, 10)}`,
        details: { tokenId: created.id, name: spec.name, source: spec.source, scopes: spec.scopes, expiresAt: expiresAt.toISOString() },
        createdAt: now,
      },
      { client: tx },
    );
    return created;
  });
  return { token: { ...token, scopes: toScopeNames(token.scopes) }, secret };
}

/** Revokes a token for good (administrators only); false when it was revoked already. Unknown ids throw UnknownTokenError. */
export async function revokeApiToken(id: number, now = new Date()): Promise<boolean> {
  const actor = actorOf(await requireAdmin("Revoking an API token"));
  return getDb().prisma.$transaction(async (tx) => {
    const token = await tx.apiToken.findUnique({ where: { id }, select: SUMMARY_SELECT });
    if (!token) throw new UnknownTokenError(id);
    if (token.revokedAt) return false;
    await tx.apiToken.update({ where: { id }, data: { revokedAt: now, revokedByName: actor.name } });
    await recordEvent(
      {
        eventType: "API_TOKEN_REVOKE",
        actor,
        message: `API token "${token.name}" (${token.prefix}…) of source ${token.source} revoked`,
        details: { tokenId: id, name: token.name, source: token.source },
        createdAt: now,
      },
      { client: tx },
    );
    return true;
  });
}

export class UnknownTokenError extends Error {
  constructor(id: number) {
    super(`There is no API token #${id}.`);
    this.name = "UnknownTokenError";
  }
}

/** Every token, newest first, revoked ones included (they stay listed as the record of who had access). */
export async function listApiTokens(): Promise<ApiTokenSummary[]> {
  await requireAdmin("Listing API tokens");
  const tokens = await getDb().prisma.apiToken.findMany({ select: SUMMARY_SELECT, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
  return tokens.map((token) => ({ ...token, scopes: toScopeNames(token.scopes) }));
}

const lastWritten = new Map<string, { at: number; ip: string | null }>();

async function noteUse(tokenId: number, secretHash: string, ip: string | null, now: Date): Promise<void> {
  const last = lastWritten.get(secretHash);
  if (last && last.ip === ip && now.getTime() - last.at < LAST_USED_EVERY_MS) return;
  lastWritten.set(secretHash, { at: now.getTime(), ip });
  await getDb().prisma.apiToken.update({ where: { id: tokenId }, data: { lastUsedAt: now, lastUsedIp: ip } });
}

const describeDate = (date: Date) => `${date.toISOString().replace("T", " ").slice(0, 16)} UTC`;

/** The caller behind a secret, or AuthError 401 saying why not (unknown, revoked, expired). */
export async function authenticateToken(secret: string, ip: string | null, now = new Date()): Promise<TokenCaller> {
  const secretHash = hashTokenSecret(secret);
  const token = await getDb().prisma.apiToken.findUnique({
    where: { secretHash },
    select: { id: true, name: true, source: true, scopes: true, revokedAt: true, expiresAt: true },
  });
  if (!token) throw new AuthError(401, "This API token is not known: check that it was copied whole, or create a new one under Settings, API tokens.");
  if (token.revokedAt) throw new AuthError(401, `This API token ("${token.name}") was revoked on ${describeDate(token.revokedAt)}.`);
  if (token.expiresAt <= now) throw new AuthError(401, `This API token ("${token.name}") expired on ${describeDate(token.expiresAt)}.`);
  await noteUse(token.id, secretHash, ip, now);
  return { id: token.id, name: token.name, source: token.source, scopes: toScopeNames(token.scopes) };
}

/** Throws AuthError 403 unless the token has `scope`. */
export function requireScope(caller: TokenCaller, scope: ApiScopeName, action: string): void {
  if (caller.scopes.includes(scope)) return;
  throw new AuthError(
    403,
    `${action} needs an API token with the ${scope} scope (${SCOPE_LABELS[scope]}); the token "${caller.name}" has ${caller.scopes.join(" and ")}.`,
  );
}

/** A read token as the guard's principal: an auditor's rights, never an administrator's. */
export function tokenPrincipal(caller: TokenCaller): Principal {
  return {
    userId: null,
    username: `api-token:${caller.name}`,
    displayName: `API token "${caller.name}" (${caller.source})`,
    role: "AUDITOR",
    sessionId: null,
    apiToken: caller,
  };
}
