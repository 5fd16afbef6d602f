import { assertEquals, assertThrows } from "../../_assert.ts";
import { scanHeader, scanTsHeader } from "../../../lib/script/header_scan.ts";
import { RevisionFileError } from "../../../lib/errors.ts";

const TS = `/**
 * create account table
 *
 * Revision ID: 1975ea83b712
 * Revises: 27c6a30d7c24
 * Create Date: 2026-11-21 10:02:03
 */
import type { MigrationContext } from "@retort/migrate";

export const revision = "1975ea83b712";
export const downRevision: string | string[] | null = "27c6a30d7c24";
export const branchLabels: string[] = [];
export const dependsOn: string[] = [];

export function upgrade({ op }: MigrationContext): void {
  op.dropTable("x");
}
`;

Deno.test("scanHeader reads the TypeScript header of DESIGN.md section 4", () => {
  assertEquals(scanHeader("/v/a.ts", TS), {
    revision: "1975ea83b712",
    downRevisions: ["27c6a30d7c24"],
    branchLabels: [],
    dependsOn: [],
    path: "/v/a.ts",
    message: "create account table",
    createDate: "2026-11-21 10:02:03",
  });
});

Deno.test("scanHeader accepts every literal form", async (t) => {
  const rows: [string, string, Partial<Record<"downRevisions" | "branchLabels" | "dependsOn", string[]>>][] =
    [
      ["null", "export const downRevision = null;", { downRevisions: [] }],
      ["single quotes", "export const downRevision = 'a1';", { downRevisions: ["a1"] }],
      ["backticks", "export const downRevision = `a1`;", { downRevisions: ["a1"] }],
      ["merge", 'export const downRevision: readonly string[] = ["a1", "b2",];', {
        downRevisions: ["a1", "b2"],
      }],
      [
        "multi-line array and as const",
        'export const downRevision = [\n  "a1",\n  "b2"\n] as const;',
        { downRevisions: ["a1", "b2"] },
      ],
      ["no semicolon", 'export const downRevision = "a1"\nexport const branchLabels = "lbl"', {
        downRevisions: ["a1"],
        branchLabels: ["lbl"],
      }],
      ["depends on", 'export const downRevision = null;\nexport const dependsOn = ["x9"];', {
        downRevisions: [],
        dependsOn: ["x9"],
      }],
    ];
  for (const [name, body, expected] of rows) {
    await t.step(name, () => {
      const rev = scanHeader("/v/b.ts", `export const revision: string = "b";\n${body}\n`);
      assertEquals(
        { downRevisions: rev.downRevisions, branchLabels: rev.branchLabels, dependsOn: rev.dependsOn },
        { downRevisions: [], branchLabels: [], dependsOn: [], ...expected },
      );
    });
  }
});

Deno.test("scanHeader reads a docstring without message as no message", () => {
  const rev = scanHeader(
    "/v/c.ts",
    '/**\n * Revision ID: c\n */\nexport const revision = "c";\nexport const downRevision = null;\n',
  );
  assertEquals([rev.message, rev.createDate], [undefined, undefined]);
});

Deno.test("scanHeader names file and line of an unreadable TypeScript header", async (t) => {
  const rows: [string, string, string, number | undefined][] = [
    [
      "revision not a literal",
      'import x from "y";\nexport const revision = makeId();\n',
      "Cannot read revision header of /v/d.ts:2: expected a string literal for revision",
      2,
    ],
    [
      "downRevision a variable",
      'export const revision = "d";\n\nexport const downRevision = PREVIOUS;\n',
      "Cannot read revision header of /v/d.ts:3: expected a string literal, an array of string literals or null for downRevision",
      3,
    ],
    [
      "array with a non-string",
      'export const revision = "d";\nexport const downRevision = null;\nexport const dependsOn = ["a", b];\n',
      "Cannot read revision header of /v/d.ts:3: expected a string literal, an array of string literals or null for dependsOn",
      3,
    ],
    [
      "template with interpolation",
      "export const revision = `${x}`;\n",
      "Cannot read revision header of /v/d.ts:1: expected a string literal for revision",
      1,
    ],
    [
      "an expression after the literal",
      'export const revision = "d" + "e";\n',
      "Cannot read revision header of /v/d.ts:1: expected a string literal for revision",
      1,
    ],
    [
      "missing revision",
      "export const downRevision = null;\n",
      'Cannot read revision header of /v/d.ts: no "export const revision" found',
      undefined,
    ],
    [
      "missing downRevision",
      'export const revision = "d";\nexport const down_revision = null;\n',
      'Cannot read revision header of /v/d.ts: no "export const downRevision" found (use null for a base revision)',
      undefined,
    ],
    [
      "bad id",
      'export const revision = "a b";\nexport const downRevision = null;\n',
      'Cannot read revision header of /v/d.ts: revision id "a b" must be 1 to 32 characters without spaces or commas',
      undefined,
    ],
  ];
  for (const [name, text, message, line] of rows) {
    await t.step(name, () => {
      const error = assertThrows(() => scanHeader("/v/d.ts", text), RevisionFileError);
      assertEquals([error.message, error.file, error.line], [message, "/v/d.ts", line]);
    });
  }
});

Deno.test("scanTsHeader says whether all four exports were seen", () => {
  assertEquals(scanTsHeader("/v/a.ts", TS).complete, true);
  const partial = scanTsHeader(
    "/v/a.ts",
    'export const revision = "a";\nexport const downRevision = null;\n',
  );
  assertEquals([partial.complete, partial.hasDownRevision], [false, true]);
});

const SQL = `-- revision: 1975ea83b712
-- down_revision: 27c6a30d7c24, 0a1b2c3d4e5f
-- branch_labels:
-- depends_on: none
-- message: create account table
-- create_date: 2026-11-21 10:02:03

-- migrate:up
CREATE TABLE account (id INTEGER PRIMARY KEY);
-- revision: not-a-header

-- migrate:down
DROP TABLE account;
`;

Deno.test("scanHeader reads the SQL header of DESIGN.md section 4", () => {
  assertEquals(scanHeader("/v/a.sql", SQL), {
    revision: "1975ea83b712",
    downRevisions: ["27c6a30d7c24", "0a1b2c3d4e5f"],
    branchLabels: [],
    dependsOn: [],
    path: "/v/a.sql",
    message: "create account table",
    createDate: "2026-11-21 10:02:03",
  });
});

Deno.test("scanHeader reads SQL lists, none and empty values", () => {
  const rev = scanHeader(
    "/v/b.sql",
    "-- revision: b\n-- down_revision: NONE\n-- branch_labels: x, y\n-- depends_on: a\n-- some other comment\n",
  );
  assertEquals([rev.downRevisions, rev.branchLabels, rev.dependsOn, rev.message], [
    [],
    ["x", "y"],
    ["a"],
    undefined,
  ]);
});

Deno.test("scanHeader names file and line of an unreadable SQL header", async (t) => {
  const rows: [string, string, string, number | undefined][] = [
    [
      "missing revision",
      "-- down_revision:\nCREATE TABLE x (id int);\n-- revision: late\n",
      'Cannot read revision header of /v/e.sql: no "-- revision:" line found',
      undefined,
    ],
    [
      "empty revision",
      "\n-- revision:\n-- down_revision:\n",
      'Cannot read revision header of /v/e.sql:2: expected one revision id after "-- revision:"',
      2,
    ],
    [
      "two revisions",
      "-- revision: a, b\n-- down_revision:\n",
      'Cannot read revision header of /v/e.sql:1: expected one revision id after "-- revision:"',
      1,
    ],
    [
      "empty item",
      "-- revision: a\n-- down_revision: b,,c\n",
      'Cannot read revision header of /v/e.sql:2: empty item in the list after "-- down_revision:"',
      2,
    ],
    [
      "missing down_revision",
      "-- revision: a\n-- message: x\n",
      'Cannot read revision header of /v/e.sql:1: no "-- down_revision:" line found (leave it empty for a base revision)',
      1,
    ],
  ];
  for (const [name, text, message, line] of rows) {
    await t.step(name, () => {
      const error = assertThrows(() => scanHeader("/v/e.sql", text), RevisionFileError);
      assertEquals([error.message, error.file, error.line], [message, "/v/e.sql", line]);
    });
  }
});

Deno.test("scanHeader ignores exports that do not start a line", () => {
  const rev = scanHeader(
    "/v/f.ts",
    '// export const revision = "commented";\nexport const revision = "real";\nexport const downRevision = null;\n',
  );
  assertEquals(rev.revision, "real");
});

Deno.test("scanHeader refuses a docstring Revision ID that differs from the export, naming the line", () => {
  const edited = TS.replace(
    'export const revision = "1975ea83b712"',
    'export const revision = "1975ea83b713"',
  );
  const e = assertThrows(() => scanHeader("/m/a.ts", edited), RevisionFileError);
  assertEquals(e.line, 4);
  assertEquals(
    e.message,
    'Cannot read revision header of /m/a.ts:4: the docstring says "Revision ID: 1975ea83b712" but the file exports revision = "1975ea83b713"; make them the same',
  );
});

Deno.test("scanHeader refuses the reserved ids head, heads and base", () => {
  for (const id of ["head", "heads", "base"]) {
    assertThrows(
      () => scanHeader("/m/a.ts", `export const revision = "${id}";\nexport const downRevision = null;\n`),
      RevisionFileError,
      `revision id "${id}" is a reserved word`,
    );
    assertThrows(
      () => scanHeader("/m/a.sql", `-- revision: ${id}\n-- down_revision:\n`),
      RevisionFileError,
      "reserved word",
    );
  }
});
