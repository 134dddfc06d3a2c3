// What an answer to a hostile request must never show: a stack trace, an error's class, SQL or the
// database's own words, or a path of the server's files. Each pattern names what it found, so that a
// finding says why it is one. Pure.

const LEAKS: ReadonlyArray<[string, RegExp]> = [
  ["a stack frame", /\bat (?:async )?[\w$.<>[\] ]*\(?(?:file:\/\/|node:|\/)[^\s)]*:\d+:\d+/],
  ["an error's class", /\b(?:TypeError|ReferenceError|SyntaxError|RangeError|EvalError|URIError|AggregateError|Prisma\w*Error|DriverAdapterError)\b/],
  ["an error's message", /(?:^|[\s"'>])Error: /],
  ["Prisma", /\bprisma\b/i],
  ["SQL", /\b(?:SELECT\b[\s\S]{1,200}?\bFROM|INSERT INTO|UPDATE\b[\s\S]{1,100}?\bSET|DELETE FROM)\b/],
  [
    "a database error",
    /syntax error at or near|invalid byte sequence|violates (?:not-null|unique|foreign key|check) constraint|\bSQLSTATE\b|relation "[^"]+" does not exist/i,
  ],
  ["a server file's path", /(?:\/(?:work|home|root|tmp|usr|opt|srv|app)\/[\w.-]+\/|node_modules\/|\.next\/server\/|webpack-internal:|turbopack:\/\/)/],
];

/** What `body` leaks, by name; empty when nothing. */
export function leaksIn(body: string): string[] {
  return LEAKS.filter(([, pattern]) => pattern.test(body)).map(([name]) => name);
}
