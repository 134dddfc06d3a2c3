// ALM Octane's audit query: clauses `field OPERATOR value` joined by `;` (AND), strings between ^ and
// ^ (\^ and \\ inside one), ids as bare numbers, the whole optionally in double quotes as Octane's
// examples write it: `"entity_type EQ ^epic^;entity_id EQ 1125"`. A tokenizer and a recursive-descent
// parser; a refusal names the 1-based position of the offending character in the parameter's value as
// sent (URL-decoded, its quotes counted), and what was expected there. Pure.
import { ID_MAX, isoTime, NAME_MAX } from "@/lib/ingest/ingest-schema";
import { InputError } from "../input-error";
import { entityTypeList, OCTANE_ACTIONS, type OctaneAction, type OctaneEntityType, octaneEntityType } from "./octane-entities";

export const OCTANE_FIELDS = ["entity_type", "entity_id", "field_name", "action", "user_id", "timestamp"] as const;
export type OctaneField = (typeof OCTANE_FIELDS)[number];

export const OCTANE_OPERATORS = ["EQ", "GE", "LE", "GT", "LT"] as const;
export type OctaneOperator = (typeof OCTANE_OPERATORS)[number];

/** Longer queries are refused: a query says a few things about one entity or one time span. */
export const MAX_QUERY_LENGTH = 2_000;
export const MAX_CLAUSES = 20;

export type OctaneClause =
  | { field: "entity_type"; operator: "EQ"; entityType: OctaneEntityType }
  | { field: "action"; operator: "EQ"; action: OctaneAction }
  | { field: "entity_id" | "user_id"; operator: "EQ"; id: string }
  | { field: "field_name"; operator: "EQ"; name: string }
  | { field: "timestamp"; operator: OctaneOperator; time: Date };

type TokenKind = "word" | "number" | "string" | "semicolon" | "end";

interface Token {
  kind: TokenKind;
  /** the word or number as written; a string's value, unescaped */
  text: string;
  /** 1-based position of its first character in the query as sent */
  position: number;
}

/** What each field takes: its operators, and whether a bare number may stand for its value. */
const FIELD_RULES: Record<OctaneField, { operators: readonly OctaneOperator[]; bareNumber: boolean }> = {
  entity_type: { operators: ["EQ"], bareNumber: false },
  entity_id: { operators: ["EQ"], bareNumber: true },
  field_name: { operators: ["EQ"], bareNumber: false },
  action: { operators: ["EQ"], bareNumber: false },
  user_id: { operators: ["EQ"], bareNumber: true },
  timestamp: { operators: OCTANE_OPERATORS, bareNumber: false },
};

const FIELD_LIST = "entity_type, entity_id, field_name, action, user_id or timestamp";
const OPERATOR_LIST = "EQ, GE, LE, GT or LT";

function refuse(position: number, message: string): never {
  throw new InputError("query", `query: position ${position}: ${message}`);
}

const isWordStart = (char: string) => /[A-Za-z_]/.test(char);
const isWordPart = (char: string) => /[A-Za-z0-9_]/.test(char);
const isDigit = (char: string) => char >= "0" && char <= "9";
const isSpace = (char: string) => /\s/.test(char);

/** The tokens of `chars` (code points), positions counted from `base`. */
function tokenize(chars: readonly string[], base: number): Token[] {
  const tokens: Token[] = [];
  let index = 0;
  const run = (test: (char: string) => boolean) => {
    const start = index;
    while (index < chars.length && test(chars[index])) index += 1;
    return chars.slice(start, index).join("");
  };
  while (index < chars.length) {
    const char = chars[index];
    const position = base + index;
    if (isSpace(char)) {
      index += 1;
    } else if (char === ";") {
      tokens.push({ kind: "semicolon", text: ";", position });
      index += 1;
    } else if (char === "^") {
      index += 1;
      let text = "";
      for (;;) {
        if (index >= chars.length) refuse(position, "this ^ opens a value that no ^ closes");
        const next = chars[index];
        if (next === "^") break;
        // \^ and \\ stand for ^ and \; any other backslash is itself
        if (next === "\\" && (chars[index + 1] === "^" || chars[index + 1] === "\\")) index += 1;
        text += chars[index];
        index += 1;
      }
      index += 1;
      tokens.push({ kind: "string", text, position });
    } else if (isDigit(char)) {
      const text = run(isWordPart);
      if (!/^\d+$/.test(text)) refuse(position, `"${text}" is not a number; write a value that is not a whole number between ^ and ^`);
      tokens.push({ kind: "number", text, position });
    } else if (isWordStart(char)) {
      tokens.push({ kind: "word", text: run(isWordPart), position });
    } else if (char === "'" || char === '"') {
      refuse(position, `unexpected ${char}: write a value between ^ and ^ (^epic^)`);
    } else {
      refuse(position, `unexpected "${char}": clauses are joined by ; (AND) only`);
    }
  }
  tokens.push({ kind: "end", text: "", position: base + chars.length });
  return tokens;
}

function shown(token: Token): string {
  if (token.kind === "end") return "the end of the query";
  if (token.kind === "string") return `^${token.text.length > 40 ? `${token.text.slice(0, 40)}…` : token.text}^`;
  return `"${token.text}"`;
}

class Parser {
  private index = 0;
  constructor(private readonly tokens: Token[]) {}

  private peek(): Token {
    return this.tokens[this.index];
  }

  private next(): Token {
    const token = this.tokens[this.index];
    if (token.kind !== "end") this.index += 1;
    return token;
  }

  query(): OctaneClause[] {
    if (this.peek().kind === "end") return [];
    const clauses = [this.clause()];
    while (this.peek().kind === "semicolon") {
      this.next();
      if (clauses.length === MAX_CLAUSES) refuse(this.peek().position, `at most ${MAX_CLAUSES} clauses`);
      clauses.push(this.clause());
    }
    const rest = this.peek();
    if (rest.kind !== "end") refuse(rest.position, `expected ; between clauses, found ${shown(rest)}`);
    return clauses;
  }

  private clause(): OctaneClause {
    const fieldToken = this.next();
    if (fieldToken.kind !== "word") refuse(fieldToken.position, `expected a field (${FIELD_LIST}), found ${shown(fieldToken)}`);
    const field = fieldToken.text.toLowerCase() as OctaneField;
    if (!OCTANE_FIELDS.includes(field)) refuse(fieldToken.position, `unknown field "${fieldToken.text}"; use ${FIELD_LIST}`);
    const operator = this.operator(field);
    return this.value(field, operator);
  }

  private operator(field: OctaneField): OctaneOperator {
    const token = this.next();
    const operator = token.text.toUpperCase() as OctaneOperator;
    if (token.kind !== "word" || !OCTANE_OPERATORS.includes(operator)) {
      refuse(token.position, `expected ${OPERATOR_LIST} after ${field}, found ${shown(token)}`);
    }
    const allowed = FIELD_RULES[field].operators;
    if (!allowed.includes(operator)) refuse(token.position, `${field} takes ${allowed.join(", ")} only, not ${operator}`);
    return operator;
  }

  private value(field: OctaneField, operator: OctaneOperator): OctaneClause {
    const token = this.next();
    const { bareNumber } = FIELD_RULES[field];
    if (token.kind !== "string" && !(bareNumber && token.kind === "number")) {
      const expected = bareNumber ? "an id: a number (1125) or a value between ^ and ^" : "a value between ^ and ^";
      refuse(token.position, `expected ${expected} after ${field} ${operator}, found ${shown(token)}`);
    }
    const text = token.text;
    switch (field) {
      case "entity_type": {
        const entityType = octaneEntityType(text);
        if (!entityType) refuse(token.position, `"${text}" is not an entity type the console audits; use ${entityTypeList()}`);
        return { field, operator: "EQ", entityType };
      }
      case "action": {
        const action = text.toLowerCase() as OctaneAction;
        if (!OCTANE_ACTIONS.includes(action)) refuse(token.position, `"${text}" is not an action; use ${OCTANE_ACTIONS.join(", ")}`);
        return { field, operator: "EQ", action };
      }
      case "entity_id":
      case "user_id": {
        const id = text.trim();
        if (id === "" || id.length > ID_MAX) refuse(token.position, `${field} must be an id of 1 to ${ID_MAX} characters`);
        return { field, operator: "EQ", id };
      }
      case "field_name": {
        if (text === "" || text.length > NAME_MAX) refuse(token.position, `field_name must be a field's name of 1 to ${NAME_MAX} characters`);
        return { field, operator: "EQ", name: text };
      }
      case "timestamp": {
        const time = new Date(text);
        if (!isoTime.safeParse(text).success || Number.isNaN(time.getTime())) {
          refuse(token.position, `"${text}" is not a time; write an ISO 8601 time with its zone, such as ^2019-01-01T20:59:59Z^`);
        }
        return { field, operator, time };
      }
    }
  }
}

/**
 * The clauses of `query` as a client sends it (URL-decoded), or an InputError on "query" naming the
 * position. An empty query (or "") is no clause: every record.
 */
export function parseOctaneQuery(query: string): OctaneClause[] {
  const chars = Array.from(query);
  if (chars.length > MAX_QUERY_LENGTH) throw new InputError("query", `query: at most ${MAX_QUERY_LENGTH.toLocaleString("en-US")} characters`);
  const opens = chars[0] === '"';
  const closes = chars.length > 1 && chars.at(-1) === '"';
  if (opens && !closes) refuse(1, 'the query opens with " but does not end with one');
  if (closes && !opens) refuse(chars.length, 'the query ends with " but does not open with one');
  const inner = opens ? chars.slice(1, -1) : chars;
  return new Parser(tokenize(inner, opens ? 2 : 1)).query();
}
