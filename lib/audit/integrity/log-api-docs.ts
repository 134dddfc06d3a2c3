// What the Merkle log's API reads and answers (app/api/audit/checkpoints/*, app/api/audit/proofs/*),
// as zod schemas the routes parse with and the OpenAPI document is made from. Proofs have RFC 9162's
// shapes (§4.12 InclusionProofDataV2, §4.13 ConsistencyProofDataV2) with their field names; hashes
// are base64, as in the checkpoint note. Pure.
import { z } from "zod";
import { InputError, inputError } from "@/lib/api/input-error";
import { type ApiOperationDoc, apiTime } from "@/lib/api/openapi/api-docs";

/** A query parameter that is a whole number ≥ 0 (a leaf index, a tree size). */
function wholeNumber(description: string) {
  return z
    .string({ error: (issue) => (issue.input === undefined ? `is required: ${description}` : "must be text") })
    .regex(/^(0|[1-9][0-9]{0,15})$/, { message: `must be a whole number ≥ 0: ${description}` })
    .transform(Number)
    .refine(Number.isSafeInteger, { message: "is too large" })
    .describe(description);
}

export const inclusionQuerySchema = z
  .object({
    seq: wholeNumber("the event's sequence number (its leaf index, from 0)"),
    size: wholeNumber("the tree size of a stored checkpoint (see /api/audit/checkpoints/latest)"),
  })
  .refine((query) => query.seq < query.size, { path: ["seq"], message: "must be below size: a tree of size N holds the sequence numbers 0 to N - 1" });

export const consistencyQuerySchema = z
  .object({
    from: wholeNumber("the older tree size (a stored checkpoint's, or 0)"),
    to: wholeNumber("the newer tree size: a stored checkpoint's"),
  })
  .refine((query) => query.from <= query.to, { path: ["from"], message: "must not be larger than to" });

export const checkpointsQuerySchema = z.object({
  size: wholeNumber("the tree size of the checkpoint wanted; without it, the newest checkpoints").optional(),
  before: wholeNumber("list the checkpoints of smaller trees than this (paging backwards)").optional(),
  limit: wholeNumber("how many checkpoints to list, 1 to 1000 (default 100)").optional(),
});

export const publicKeyQuerySchema = z.object({
  format: z.enum(["text", "json"]).optional().describe("text (default): the verifier key alone, as text/plain; json: with the log's origin"),
});

/**
 * The query's parameters parsed by `schema`, or an InputError naming the parameter: a repeated one
 * is refused, an empty one is missing, and parameters the schema does not know are ignored.
 */
export function readQuery<Schema extends z.ZodType>(schema: Schema, params: URLSearchParams, names: readonly string[]): z.output<Schema> {
  const raw: Record<string, string> = {};
  for (const name of names) {
    const values = params.getAll(name);
    if (values.length > 1) throw new InputError(name, `${name}: is given ${values.length} times; give it once`);
    if (values[0]) raw[name] = values[0];
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw inputError(parsed.error);
  return parsed.data;
}

const base64Hash = z.base64().describe("a SHA-256 hash, base64");

export const checkpointAnswerSchema = z.object({
  treeSize: z.number().int().describe("how many events the log held: sequence numbers 0 to treeSize - 1"),
  rootHash: base64Hash.describe("RFC 9162 Merkle tree hash of the first treeSize leaves, base64"),
  time: apiTime.describe("when the checkpoint was signed"),
  checkpoint: z.string().describe("the C2SP signed note (c2sp.org/tlog-checkpoint): what the signature covers, and the signature"),
});

export const checkpointListSchema = z.object({
  checkpoints: z.array(checkpointAnswerSchema).describe("newest first"),
  nextBefore: z.number().int().nullable().describe("pass as before= for the next (older) page; null at the first checkpoint"),
});

export const publicKeyAnswerSchema = z.object({
  origin: z.string().describe("the checkpoints' origin line"),
  verifierKey: z.string().describe('C2SP signed-note verifier key: "<name>+<key id hex>+<base64(0x01 || Ed25519 public key)>"'),
  algorithm: z.literal("Ed25519"),
});

export const inclusionAnswerSchema = z.object({
  tree_size: z.number().int(),
  leaf_index: z.number().int().describe("the event's sequence number"),
  inclusion_path: z.array(base64Hash).describe("RFC 9162 §2.1.3.1 PATH, from the leaf's sibling up"),
  leaf_hash: base64Hash.describe("SHA-256(0x00 || RFC 8785 canonical JSON of the event as stored)"),
  event_id: z.string().describe("the event's id, kept after a retention purge (the leaf outlives the event)"),
  checkpoint: checkpointAnswerSchema.describe("the signed checkpoint of tree_size the proof leads to"),
});

export const consistencyAnswerSchema = z.object({
  tree_size_1: z.number().int(),
  tree_size_2: z.number().int(),
  consistency_path: z.array(base64Hash).describe("RFC 9162 §2.1.4.1 PROOF(tree_size_1, D[tree_size_2])"),
  checkpoint_1: checkpointAnswerSchema.nullable().describe("the signed checkpoint of tree_size_1 (null for 0)"),
  checkpoint_2: checkpointAnswerSchema,
});

const TAG = "Tamper evidence";
const notStored =
  "A parameter is not a whole number, seq is not below size, from is larger than to, or a size is not a stored checkpoint's (the message names the parameter).";

export const LOG_API_DOCS: ApiOperationDoc[] = [
  {
    method: "get",
    path: "/api/audit/checkpoints/public-key",
    tag: TAG,
    access: "public",
    summary: "The key that signs the log's checkpoints",
    description: "Public and cacheable: what `npm run verify -- --key` and any C2SP signed-note verifier take.",
    query: publicKeyQuerySchema,
    responses: {
      200: { description: "The verifier key (text/plain), or with ?format=json the key and the origin.", contentType: "text/plain", schema: z.string() },
      400: { description: "format is neither text nor json." },
    },
  },
  {
    method: "get",
    path: "/api/audit/checkpoints/latest",
    tag: TAG,
    access: "reader",
    summary: "The newest signed checkpoint of the Merkle log",
    responses: {
      200: { description: "Its tree size, root hash, time and signed note.", schema: checkpointAnswerSchema },
      404: { description: "No checkpoint has been signed yet (an empty log)." },
    },
  },
  {
    method: "get",
    path: "/api/audit/checkpoints",
    tag: TAG,
    access: "reader",
    summary: "Every signed checkpoint, or the one of a tree size",
    description: "With size: that checkpoint (as /latest answers). Without: the newest first, paged with before and limit.",
    query: checkpointsQuerySchema,
    responses: {
      200: { description: "The checkpoint of size, or a page of checkpoints.", schema: z.union([checkpointAnswerSchema, checkpointListSchema]) },
      400: { description: "A parameter is not a whole number, limit is outside 1 to 1000, or no checkpoint has that size." },
    },
  },
  {
    method: "get",
    path: "/api/audit/proofs/inclusion",
    tag: TAG,
    access: "reader",
    summary: "Proof that an event is in the log (RFC 9162 inclusion proof)",
    query: inclusionQuerySchema,
    responses: {
      200: { description: "The proof, the leaf hash and event id, and the checkpoint it leads to.", schema: inclusionAnswerSchema },
      400: { description: notStored },
    },
  },
  {
    method: "get",
    path: "/api/audit/proofs/consistency",
    tag: TAG,
    access: "reader",
    summary: "Proof that the log only grew between two checkpoints (RFC 9162 consistency proof)",
    query: consistencyQuerySchema,
    responses: { 200: { description: "The proof and both checkpoints.", schema: consistencyAnswerSchema }, 400: { description: notStored } },
  },
];
