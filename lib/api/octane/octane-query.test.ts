import { describe, expect, it } from "vitest";
import { InputError } from "../input-error";
import { type OctaneClause, parseOctaneQuery } from "./octane-query";

/** A clause's value as text. */
function valueText(clause: OctaneClause): string {
  if (clause.field === "entity_type") return clause.entityType.name;
  if (clause.field === "action") return clause.action;
  if (clause.field === "field_name") return clause.name;
  if (clause.field === "timestamp") return clause.time.toISOString();
  return clause.id;
}

/** The clauses as the tests compare them: the field, the operator and the value as text. */
function brief(query: string) {
  return parseOctaneQuery(query).map((clause) => [clause.field, clause.operator, valueText(clause)]);
}

function refusal(query: string): { field: string; message: string } {
  try {
    parseOctaneQuery(query);
  } catch (error) {
    if (error instanceof InputError) return { field: error.field, message: error.message };
    throw error;
  }
  throw new Error(`${query} was accepted`);
}

describe("the Octane audit query", () => {
  it("reads every example of the reference, quoted as its clients send them", () => {
    expect(brief('"action EQ ^delete^;timestamp GE ^2019-01-01T20:59:59Z^"')).toEqual([
      ["action", "EQ", "delete"],
      ["timestamp", "GE", "2019-01-01T20:59:59.000Z"],
    ]);
    expect(brief('"entity_type EQ ^epic^;entity_id EQ 1125"')).toEqual([
      ["entity_type", "EQ", "work_item"],
      ["entity_id", "EQ", "1125"],
    ]);
    expect(brief('"user_id EQ 2002"')).toEqual([["user_id", "EQ", "2002"]]);
    expect(brief('"entity_type EQ ^story^;entity_id EQ 2004;field_name EQ ^severity^;action EQ ^update^;user_id EQ 8987"')).toEqual([
      ["entity_type", "EQ", "work_item"],
      ["entity_id", "EQ", "2004"],
      ["field_name", "EQ", "severity"],
      ["action", "EQ", "update"],
      ["user_id", "EQ", "8987"],
    ]);
  });

  it("takes no query as every record, spaces anywhere between tokens, any case of fields and operators, and escapes in values", () => {
    expect(brief("")).toEqual([]);
    expect(brief('""')).toEqual([]);
    expect(brief("   ")).toEqual([]);
    expect(brief(" Timestamp lt ^2026-03-01T10:00:00+01:00^ ;  USER_ID eq ^u-7^ ")).toEqual([
      ["timestamp", "LT", "2026-03-01T09:00:00.000Z"],
      ["user_id", "EQ", "u-7"],
    ]);
    expect(brief("field_name EQ ^a\\^b\\\\c\\d^")).toEqual([["field_name", "EQ", "a^b\\c\\d"]]);
    expect(brief("field_name EQ ^Zoë's 山田 field^")).toEqual([["field_name", "EQ", "Zoë's 山田 field"]]);
    for (const operator of ["EQ", "GE", "LE", "GT", "LT"]) {
      expect(brief(`timestamp ${operator} ^2019-01-01T00:00:00Z^`)[0]?.[1]).toBe(operator);
    }
  });

  // Positions count the characters of the parameter's value as sent, from 1, its quotes included.
  it.each([
    ['"timestamp GX ^2019-01-01T00:00:00Z^"', 'query: position 12: expected EQ, GE, LE, GT or LT after timestamp, found "GX"'],
    [
      '"action EQ ^delete^;timestamp ^2019-01-01T00:00:00Z^"',
      "query: position 31: expected EQ, GE, LE, GT or LT after timestamp, found ^2019-01-01T00:00:00Z^",
    ],
    ["entity_id GE 5", "query: position 11: entity_id takes EQ only, not GE"],
    ["user_id LT 8987", "query: position 9: user_id takes EQ only, not LT"],
    ["entity_typ EQ ^epic^", 'query: position 1: unknown field "entity_typ"; use entity_type, entity_id, field_name, action, user_id or timestamp'],
    [
      '"entity_type EQ ^workspace^"',
      'query: position 17: "workspace" is not an entity type the console audits; use work_item (epic, feature, story, defect, quality_story), artifact, permission, workspace_user (user, site_user), configuration_parameter, api_access, favorite (saved_search), console_user',
    ],
    ["action EQ ^remove^", 'query: position 11: "remove" is not an action; use create, update, delete'],
    ["action EQ delete", 'query: position 11: expected a value between ^ and ^ after action EQ, found "delete"'],
    ["entity_type EQ epic", 'query: position 16: expected a value between ^ and ^ after entity_type EQ, found "epic"'],
    ["user_id EQ", "query: position 11: expected an id: a number (1125) or a value between ^ and ^ after user_id EQ, found the end of the query"],
    ["entity_id EQ 12ab", 'query: position 14: "12ab" is not a number; write a value that is not a whole number between ^ and ^'],
    ["timestamp GE ^2019-01-01^", 'query: position 14: "2019-01-01" is not a time; write an ISO 8601 time with its zone, such as ^2019-01-01T20:59:59Z^'],
    [
      "timestamp GE ^2019-13-01T00:00:00Z^",
      'query: position 14: "2019-13-01T00:00:00Z" is not a time; write an ISO 8601 time with its zone, such as ^2019-01-01T20:59:59Z^',
    ],
    [
      "timestamp GE ^2019-01-01T00:00:00^",
      'query: position 14: "2019-01-01T00:00:00" is not a time; write an ISO 8601 time with its zone, such as ^2019-01-01T20:59:59Z^',
    ],
    ["field_name EQ ^severity", "query: position 15: this ^ opens a value that no ^ closes"],
    ["field_name EQ ^^", "query: position 15: field_name must be a field's name of 1 to 500 characters"],
    ["user_id EQ ^  ^", "query: position 12: user_id must be an id of 1 to 200 characters"],
    ["user_id EQ 1 entity_id EQ 2", 'query: position 14: expected ; between clauses, found "entity_id"'],
    ["user_id EQ 1;", "query: position 14: expected a field (entity_type, entity_id, field_name, action, user_id or timestamp), found the end of the query"],
    ["user_id EQ 1;;user_id EQ 2", 'query: position 14: expected a field (entity_type, entity_id, field_name, action, user_id or timestamp), found ";"'],
    ["user_id EQ 1||user_id EQ 2", 'query: position 13: unexpected "|": clauses are joined by ; (AND) only'],
    ["user_id EQ 'x'", "query: position 12: unexpected ': write a value between ^ and ^ (^epic^)"],
    ['"user_id EQ 1', 'query: position 1: the query opens with " but does not end with one'],
    ['user_id EQ 1"', 'query: position 13: the query ends with " but does not open with one'],
    ['"user_id EQ "1""', 'query: position 13: unexpected ": write a value between ^ and ^ (^epic^)'],
    ["^epic^ EQ entity_type", "query: position 1: expected a field (entity_type, entity_id, field_name, action, user_id or timestamp), found ^epic^"],
    ["山田 EQ 1", 'query: position 1: unexpected "山": clauses are joined by ; (AND) only'],
    ["field_name EQ ^山田^;user_id GE 1", "query: position 28: user_id takes EQ only, not GE"],
  ])("refuses %s naming the position", (query, message) => {
    expect(refusal(query)).toEqual({ field: "query", message });
  });

  it("refuses more than 20 clauses and more than 2,000 characters", () => {
    const clauses = Array.from({ length: 21 }, (_, index) => `user_id EQ ${index}`);
    const query = clauses.join(";");
    expect(refusal(query).message).toBe(`query: position ${clauses.slice(0, 20).join(";").length + 2}: at most 20 clauses`);
    expect(brief(clauses.slice(0, 20).join(";"))).toHaveLength(20);
    expect(refusal(`field_name EQ ^${"x".repeat(2_000)}^`).message).toBe("query: at most 2,000 characters");
  });
});
