/**
 * Every error Retort throws on purpose. Two families match the CLI's exit codes
 * (DESIGN.md section 7): {@link InputError} (exit 2: bad config, revision files, targets, usage) and
 * {@link RuntimeFailure} (exit 1: database errors, failed migrations). Bad arguments to library
 * functions are plain `TypeError` / `RangeError`.
 *
 * Messages follow Deno std's style: `Cannot X: detail`, quoted values, no final period, and a hint
 * that names the way out where there is one. URLs appear only through `maskUrl`.
 *
 * @module
 */

/** Base class of every Retort error; sets `name` to the subclass name and keeps `cause`. */
export class RetortError extends Error {
  /** The class name, kept explicitly because minified builds rename classes. */
  override name: string = "RetortError";
  /**
   * Creates the error; subclasses without fields of their own take the same arguments.
   *
   * @param message one sentence for people (no stack, no password)
   * @param options `cause`: the underlying error, shown with `--verbose`
   */
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** Errors caused by what the user gave us (config, revision files, targets, CLI usage): exit status 2. */
export class InputError extends RetortError {
  /** The class name, kept explicitly because minified builds rename classes. */
  override name: string = "InputError";
}

/** Errors that happened while doing the work (database, migration scripts): exit status 1. */
export class RuntimeFailure extends RetortError {
  /** The class name, kept explicitly because minified builds rename classes. */
  override name: string = "RuntimeFailure";
}

/** Bad command-line usage (unknown option, missing argument): exit status 2. */
export class UsageError extends InputError {
  /** The class name, kept explicitly because minified builds rename classes. */
  override name: string = "UsageError";
}

/** A config file that cannot be found, parsed or validated. `file` is the config path; `key` the dotted key. */
export class ConfigError extends InputError {
  /** The class name, kept explicitly because minified builds rename classes. */
  override name: string = "ConfigError";
  /** Path of the config file involved, if any. */
  readonly file?: string;
  /** Dotted key path inside the config (e.g. `environments.staging.url`), if known. */
  readonly key?: string;
  /** 1-based line in the config file, if known. */
  readonly line?: number;
  /**
   * Creates the error with what is known of where the problem is.
   *
   * @param message names the file and key, e.g. `Cannot parse config file migrate.toml:3: ...`
   * @param fields `file`, `key` and `line`, each copied to the field of the same name when known
   * @param options `cause`: the underlying error (a parse, import or file-system error)
   */
  constructor(
    message: string,
    fields: { file?: string; key?: string; line?: number } = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.file = fields.file;
    this.key = fields.key;
    this.line = fields.line;
  }
}

/** A database URL that cannot be parsed or names an unsupported dialect. The message never holds a password. */
export class UrlError extends InputError {
  /** The class name, kept explicitly because minified builds rename classes. */
  override name: string = "UrlError";
}

/** A revision file whose header cannot be read, or that conflicts with another file. */
export class RevisionFileError extends InputError {
  /** The class name, kept explicitly because minified builds rename classes. */
  override name: string = "RevisionFileError";
  /** Path of the revision file. */
  readonly file: string;
  /** 1-based line of the problem, when known. */
  readonly line?: number;
  /**
   * Creates the error for one revision file.
   *
   * @param message names the file and the problem
   * @param file path of the revision file
   * @param line 1-based line of the problem, when known
   * @param options `cause`: the underlying error (e.g. the syntax error of importing the file)
   */
  constructor(message: string, file: string, line?: number, options?: { cause?: unknown }) {
    super(message, options);
    this.file = file;
    this.line = line;
  }
}

/** Base of the revision-graph errors (Alembic's `RevisionError`). */
export class RevisionError extends InputError {
  /** The class name, kept explicitly because minified builds rename classes. */
  override name: string = "RevisionError";
}

/** `head` (or another single-revision target) was asked for while several heads exist. */
export class MultipleHeadsError extends RevisionError {
  /** The class name, kept explicitly because minified builds rename classes. */
  override name: string = "MultipleHeadsError";
  /** The heads present. */
  readonly heads: readonly string[];
  /** The identifier that was being resolved. */
  readonly target: string;
  /**
   * Creates the error.
   *
   * @param message Alembic's wording, e.g. `Multiple heads are present for given argument 'head'; a1, b2`
   * @param heads the head revision ids present
   * @param target the argument that needed a single revision (`head`, `label@head`, ...)
   */
  constructor(message: string, heads: readonly string[], target: string) {
    super(message);
    this.heads = heads;
    this.target = target;
  }
}

/** A partial revision id matches more than one revision. */
export class AmbiguousRevisionError extends RevisionError {
  /** The class name, kept explicitly because minified builds rename classes. */
  override name: string = "AmbiguousRevisionError";
  /** The partial id given. */
  readonly prefix: string;
  /** Every revision it matches. */
  readonly matches: readonly string[];
  /**
   * Creates the error.
   *
   * @param message Alembic's wording, listing the first three matches
   * @param prefix the partial id given
   * @param matches the full ids it matches (two or more)
   */
  constructor(message: string, prefix: string, matches: readonly string[]) {
    super(message);
    this.prefix = prefix;
    this.matches = matches;
  }
}

/** An identifier names no revision or branch label. */
export class UnknownRevisionError extends RevisionError {
  /** The class name, kept explicitly because minified builds rename classes. */
  override name: string = "UnknownRevisionError";
  /** The identifier given. */
  readonly id: string;
  /**
   * Creates the error.
   *
   * @param message e.g. `Can't locate revision identified by 'abc'` (Alembic's wording)
   * @param id the identifier (revision id, prefix or branch label) that matched nothing
   */
  constructor(message: string, id: string) {
    super(message);
    this.id = id;
  }
}

/** The down-revision links form a cycle. */
export class CycleDetectedError extends RevisionError {
  /** The class name, kept explicitly because minified builds rename classes. */
  override name: string = "CycleDetectedError";
  /** Revisions on the cycle. */
  readonly revisions: readonly string[];
  /**
   * Creates the error.
   *
   * @param message names the revisions on the cycle
   * @param revisions the revision ids that form the cycle
   */
  constructor(message: string, revisions: readonly string[]) {
    super(message);
    this.revisions = revisions;
  }
}

/** Two revision files declare the same revision id. */
export class DuplicateRevisionError extends RevisionError {
  /** The class name, kept explicitly because minified builds rename classes. */
  override name: string = "DuplicateRevisionError";
  /** The duplicated id. */
  readonly id: string;
  /** Files that declare it. */
  readonly files: readonly string[];
  /**
   * Creates the error.
   *
   * @param message names the id and the files
   * @param id the revision id declared more than once
   * @param files paths of the files that declare it
   */
  constructor(message: string, id: string, files: readonly string[]) {
    super(message);
    this.id = id;
    this.files = files;
  }
}

/** A revision names a down revision or dependency that does not exist. */
export class MissingRevisionError extends RevisionError {
  /** The class name, kept explicitly because minified builds rename classes. */
  override name: string = "MissingRevisionError";
  /** The revision whose file refers to the missing one. */
  readonly revision: string;
  /** The id that does not exist. */
  readonly missing: string;
  /** File of `revision`. */
  readonly file?: string;
  /**
   * Creates the error.
   *
   * @param message names the revision and the id it cannot find
   * @param revision the revision whose header names the missing id
   * @param missing the down revision or dependency that does not exist
   * @param file path of `revision`'s file, when known
   */
  constructor(message: string, revision: string, missing: string, file?: string) {
    super(message);
    this.revision = revision;
    this.missing = missing;
    this.file = file;
  }
}

/** A migration failed while running; the step's transaction (where there is one) was rolled back. */
export class MigrationError extends RuntimeFailure {
  /** The class name, kept explicitly because minified builds rename classes. */
  override name: string = "MigrationError";
  /** The revision whose step failed. */
  readonly revision: string;
  /** `up` or `down`. */
  readonly direction: "up" | "down";
  /** The script file (with `:line` when the failing `op` call was located). */
  readonly file: string;
  /** The SQL statement that failed, when the failure came from the database. */
  readonly statement?: string;
  /** Statements of this step that had already run (and, without transactional DDL, stay applied). */
  readonly executed: readonly string[];
  /** Whether the step's changes were rolled back. */
  readonly rolledBack: boolean;
  /**
   * Creates the error for a failed step; each field of `fields` is copied to the field of the
   * same name (`executed` defaults to none).
   *
   * @param message names the revision, the file and the reason, and what was or was not rolled back
   * @param fields the step (`revision`, `direction`, `file`), the failing `statement`, the
   *   statements already `executed`, and whether the step was `rolledBack`
   * @param options `cause`: the database's or the script's own error
   */
  constructor(
    message: string,
    fields: {
      revision: string;
      direction: "up" | "down";
      file: string;
      statement?: string;
      executed?: readonly string[];
      rolledBack: boolean;
    },
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.revision = fields.revision;
    this.direction = fields.direction;
    this.file = fields.file;
    this.statement = fields.statement;
    this.executed = fields.executed ?? [];
    this.rolledBack = fields.rolledBack;
  }
}

/** A database could not be reached or refused the login. Names host and database, never the password. */
export class ConnectionError extends RuntimeFailure {
  /** The class name, kept explicitly because minified builds rename classes. */
  override name: string = "ConnectionError";
}

/** A database statement outside a migration failed (version table, introspection). */
export class DatabaseError extends RuntimeFailure {
  /** The class name, kept explicitly because minified builds rename classes. */
  override name: string = "DatabaseError";
  /** The statement that failed. */
  readonly statement?: string;
  /**
   * Creates the error.
   *
   * @param message says what Retort was doing, e.g. `Cannot read the version table "alembic_version": ...`
   * @param statement the SQL that failed, when known
   * @param options `cause`: the driver's error
   */
  constructor(message: string, statement?: string, options?: { cause?: unknown }) {
    super(message, options);
    this.statement = statement;
  }
}

/** The migration lock could not be taken within the lock timeout. */
export class LockTimeoutError extends RuntimeFailure {
  /** The class name, kept explicitly because minified builds rename classes. */
  override name: string = "LockTimeoutError";
}

/** An operation the dialect cannot perform; `hint` names the way out. */
export class UnsupportedOperationError extends RuntimeFailure {
  /** The class name, kept explicitly because minified builds rename classes. */
  override name: string = "UnsupportedOperationError";
  /** Dialect name. */
  readonly dialect: string;
  /** Operation kind. */
  readonly kind: string;
  /** What to do instead. */
  readonly hint?: string;
  /**
   * Creates the error.
   *
   * @param message says what cannot be done on this database (usually with `hint` in parentheses)
   * @param dialect the dialect name, e.g. `sqlite`
   * @param kind the operation kind, e.g. `alterColumn`
   * @param hint what to do instead, e.g. `leave deferrable unset for MySQL`
   */
  constructor(message: string, dialect: string, kind: string, hint?: string) {
    super(message);
    this.dialect = dialect;
    this.kind = kind;
    this.hint = hint;
  }
}

/** Asking for the inverse of an operation that has none (e.g. `execute`). */
export class IrreversibleOperationError extends RuntimeFailure {
  /** The class name, kept explicitly because minified builds rename classes. */
  override name: string = "IrreversibleOperationError";
  /** Operation kind. */
  readonly kind: string;
  /**
   * Creates the error.
   *
   * @param message says why there is no inverse
   * @param kind the operation kind, e.g. `execute`
   */
  constructor(message: string, kind: string) {
    super(message);
    this.kind = kind;
  }
}

/**
 * The message of a thrown value: an `Error`'s `message`, anything else converted to a string.
 *
 * @param error any thrown value
 * @returns the text to show after `Error: ` or in a composed message
 */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Fields of an error worth showing in `--json` output (`{ error: { name, message, ...fields } }`).
 *
 * @param error any thrown value
 * @returns a plain object without `stack` or `cause`
 */
export function errorFields(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { name: "Error", message: String(error) };
  const out: Record<string, unknown> = { name: error.name, message: error.message };
  for (const [k, v] of Object.entries(error)) {
    if (k === "stack" || k === "cause" || k === "name" || k === "message") continue;
    out[k] = v;
  }
  return out;
}

/**
 * Exit status for an error, as DESIGN.md section 7 defines it: 2 for input errors, 1 otherwise.
 *
 * @param error any thrown value
 * @returns 1 or 2
 */
export function exitCodeFor(error: unknown): 1 | 2 {
  return error instanceof InputError ? 2 : 1;
}
