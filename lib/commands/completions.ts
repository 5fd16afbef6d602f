/**
 * `migrate completions bash|zsh|fish`: a shell completion script for commands, options, environment
 * and database names, templates and revision identifiers. Names that depend on the project
 * (environments, revisions) are not baked in: the script asks `migrate __complete KIND` in the
 * working directory each time, as git's and kubectl's completions call their own binaries.
 *
 * @module
 */
import { UsageError } from "../errors.ts";

/** One option as completion sees it. */
export interface CompletionOption {
  /** `-e` */
  readonly short?: string;
  /** `--env` */
  readonly long?: string;
  readonly description: string;
  /** The option is followed by a value. */
  readonly takesValue: boolean;
}

/** One command (or `schema dump`-style parent with subcommands). */
export interface CompletionCommand {
  readonly name: string;
  readonly description: string;
  readonly options: readonly CompletionOption[];
  /** Names of its subcommands (`schema` -> `dump`). */
  readonly subcommands: readonly string[];
}

/** The whole command line, as the CLI describes it (see {@link completionSpecOf}). */
export interface CompletionSpec {
  readonly program: string;
  readonly globalOptions: readonly CompletionOption[];
  readonly commands: readonly CompletionCommand[];
}

/** Shells {@link completionScript} can write for. */
export const SHELLS: readonly string[] = ["bash", "zsh", "fish"];

/** Commands whose arguments are revision identifiers. */
const REVISION_COMMANDS = ["upgrade", "downgrade", "show", "edit", "stamp", "merge"];

/** Values an option's argument completes from: `migrate __complete KIND`, files, or fixed words. */
const OPTION_VALUES: Record<string, string> = {
  "--env": "environments",
  "--name": "databases",
  "--template": "templates",
  "--head": "revisions",
  "--depends-on": "revisions",
  "--rev-range": "revisions",
};

/** Commander's shape, as far as {@link completionSpecOf} reads it. */
interface CommandLike {
  name(): string;
  description(): string;
  readonly commands: readonly CommandLike[];
  readonly options: readonly {
    short?: string;
    long?: string;
    description: string;
    required: boolean;
    optional: boolean;
    hidden?: boolean;
  }[];
  readonly _hidden?: boolean;
}

/**
 * Describe a commander program for completion: its global options and each visible command.
 *
 * @param program the root command
 * @returns the spec
 */
export function completionSpecOf(program: CommandLike): CompletionSpec {
  const options = (c: CommandLike): CompletionOption[] =>
    c.options.filter((o) => !o.hidden).map((o) => ({
      ...(o.short ? { short: o.short } : {}),
      ...(o.long ? { long: o.long } : {}),
      description: o.description,
      takesValue: o.required || o.optional,
    }));
  return {
    program: program.name(),
    globalOptions: [...options(program), {
      short: "-h",
      long: "--help",
      description: "show help",
      takesValue: false,
    }],
    commands: program.commands.filter((c) => !c._hidden).map((c) => ({
      name: c.name(),
      description: c.description(),
      options: options(c),
      subcommands: c.commands.filter((s) => !s._hidden).map((s) => s.name()),
    })),
  };
}

/**
 * The completion script for a shell.
 *
 * @param shell `bash`, `zsh` or `fish`
 * @param spec the command line
 * @returns the script text, ending with a newline
 * @throws {UsageError} for another shell
 */
export function completionScript(shell: string, spec: CompletionSpec): string {
  switch (shell) {
    case "bash":
      return bashScript(spec);
    case "zsh":
      return zshScript(spec);
    case "fish":
      return fishScript(spec);
    default:
      throw new UsageError(`Cannot write completions for "${shell}": expected one of ${SHELLS.join(", ")}`);
  }
}

function flags(options: readonly CompletionOption[]): string[] {
  return options.flatMap((o) => [o.short, o.long].filter((f): f is string => f !== undefined));
}

function valueKinds(spec: CompletionSpec): { flag: string; kind: string }[] {
  const all = [...spec.globalOptions, ...spec.commands.flatMap((c) => c.options)];
  const out = new Map<string, string>();
  for (const o of all) {
    if (!o.takesValue) continue;
    const kind = (o.long && OPTION_VALUES[o.long]) ??
      (o.long === "--config" || o.long === "--output" ? "files" : "any");
    for (const f of [o.short, o.long]) if (f) out.set(f, kind);
  }
  return [...out].map(([flag, kind]) => ({ flag, kind }));
}

function bashScript(spec: CompletionSpec): string {
  const p = spec.program;
  const fn = `_${p.replace(/[^A-Za-z0-9_]/g, "_")}_completions`;
  const byKind = new Map<string, string[]>();
  for (const { flag, kind } of valueKinds(spec)) byKind.set(kind, [...(byKind.get(kind) ?? []), flag]);
  const valueCases = [...byKind].map(([kind, fl]) => {
    const action = kind === "files"
      ? `COMPREPLY=($(compgen -f -- "$cur"))`
      : kind === "any"
      ? `COMPREPLY=()`
      : `COMPREPLY=($(compgen -W "$(${p} __complete ${kind} 2>/dev/null)" -- "$cur"))`;
    return `    ${fl.join("|")}) ${action}; return 0 ;;`;
  });
  const commandCases = spec.commands.map((c) => {
    const words = [...flags(c.options), ...c.subcommands];
    return `      ${c.name}) opts="${words.join(" ")}" ;;`;
  });
  return `# bash completion for ${p}; load with: source <(${p} completions bash)
${fn}() {
  local cur prev cmd i opts
  cur="\${COMP_WORDS[COMP_CWORD]}"
  prev="\${COMP_WORDS[COMP_CWORD-1]}"
  local commands="${spec.commands.map((c) => c.name).join(" ")}"
  local global_opts="${flags(spec.globalOptions).join(" ")}"
  case "$prev" in
${valueCases.join("\n")}
  esac
  cmd=""
  for ((i = 1; i < COMP_CWORD; i++)); do
    case " $commands " in *" \${COMP_WORDS[i]} "*) cmd="\${COMP_WORDS[i]}"; break ;; esac
  done
  if [[ -z "$cmd" ]]; then
    if [[ "$cur" == -* ]]; then COMPREPLY=($(compgen -W "$global_opts" -- "$cur"))
    else COMPREPLY=($(compgen -W "$commands" -- "$cur")); fi
    return 0
  fi
  opts=""
  case "$cmd" in
${commandCases.join("\n")}
  esac
  if [[ "$cur" == -* ]]; then COMPREPLY=($(compgen -W "$opts $global_opts" -- "$cur")); return 0; fi
  case "$cmd" in
    completions) COMPREPLY=($(compgen -W "${SHELLS.join(" ")}" -- "$cur")) ;;
    ${
    REVISION_COMMANDS.join("|")
  }) COMPREPLY=($(compgen -W "$(${p} __complete revisions 2>/dev/null)" -- "$cur")) ;;
    init) COMPREPLY=($(compgen -d -- "$cur")) ;;
    *) COMPREPLY=($(compgen -W "$opts" -- "$cur")) ;;
  esac
  return 0
}
complete -F ${fn} ${p}
`;
}

function zshQuote(s: string): string {
  return `'${s.replace(/'/g, "'\\''")}'`;
}

function zshScript(spec: CompletionSpec): string {
  const p = spec.program;
  const fn = `_${p.replace(/[^A-Za-z0-9_]/g, "_")}`;
  const described = spec.commands.map((c) => zshQuote(`${c.name}:${c.description.replace(/:/g, "\\:")}`));
  const valueCases = valueKinds(spec).reduce((m, { flag, kind }) => {
    m.set(kind, [...(m.get(kind) ?? []), flag]);
    return m;
  }, new Map<string, string[]>());
  const cases = [...valueCases].map(([kind, fl]) => {
    const action = kind === "files"
      ? "_files"
      : kind === "any"
      ? ":"
      : `compadd -- \${(f)"$(${p} __complete ${kind} 2>/dev/null)"}`;
    return `    ${fl.join("|")}) ${action}; return ;;`;
  });
  const commandCases = spec.commands.map((c) =>
    `      ${c.name}) opts=(${[...flags(c.options), ...c.subcommands].join(" ")}) ;;`
  );
  return `#compdef ${p}
# zsh completion for ${p}; load with: source <(${p} completions zsh)   (after compinit)
${fn}() {
  local -a commands global_opts opts
  local cmd cur prev i
  commands=(${described.join(" ")})
  global_opts=(${flags(spec.globalOptions).join(" ")})
  cur=\${words[CURRENT]}
  prev=\${words[CURRENT-1]}
  case $prev in
${cases.join("\n")}
  esac
  cmd=""
  for (( i = 2; i < CURRENT; i++ )); do
    if (( \${commands[(I)\${words[i]}:*]} )); then cmd=\${words[i]}; break; fi
  done
  if [[ -z $cmd ]]; then
    if [[ $cur == -* ]]; then compadd -- $global_opts; else _describe 'command' commands; fi
    return
  fi
  opts=()
  case $cmd in
${commandCases.join("\n")}
  esac
  if [[ $cur == -* ]]; then compadd -- $opts $global_opts; return; fi
  case $cmd in
    completions) compadd -- ${SHELLS.join(" ")} ;;
    ${REVISION_COMMANDS.join("|")}) compadd -- \${(f)"$(${p} __complete revisions 2>/dev/null)"} ;;
    init) _files -/ ;;
    *) (( \${#opts} )) && compadd -- $opts ;;
  esac
}
if [[ \${zsh_eval_context[-1]} == loadautofunc ]]; then ${fn} "$@"; else compdef ${fn} ${p}; fi
`;
}

function fishQuote(s: string): string {
  return `'${s.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;
}

function fishScript(spec: CompletionSpec): string {
  const p = spec.program;
  const kinds = new Map(valueKinds(spec).map(({ flag, kind }) => [flag, kind]));
  const option = (o: CompletionOption, condition?: string) => {
    const parts = [`complete -c ${p}`];
    if (condition) parts.push(`-n ${fishQuote(condition)}`);
    if (o.short) parts.push(`-s ${o.short.slice(1)}`);
    if (o.long) parts.push(`-l ${o.long.slice(2)}`);
    const kind = kinds.get(o.long ?? o.short ?? "");
    if (o.takesValue) {
      if (kind === "files") parts.push("-r -F");
      else if (kind && kind !== "any") {
        parts.push(`-x -a ${fishQuote(`(${p} __complete ${kind} 2>/dev/null)`)}`);
      } else parts.push("-x");
    }
    parts.push(`-d ${fishQuote(o.description)}`);
    return parts.join(" ");
  };
  const names = spec.commands.map((c) => c.name).join(" ");
  const lines = [
    `# fish completion for ${p}; load with: ${p} completions fish | source`,
    `complete -c ${p} -f`,
    ...spec.globalOptions.map((o) => option(o)),
    ...spec.commands.map((c) =>
      `complete -c ${p} -n ${fishQuote(`not __fish_seen_subcommand_from ${names}`)} -a ${c.name} -d ${
        fishQuote(c.description)
      }`
    ),
    ...spec.commands.flatMap((c) => [
      ...c.options.map((o) => option(o, `__fish_seen_subcommand_from ${c.name}`)),
      ...c.subcommands.map((s) =>
        `complete -c ${p} -n ${fishQuote(`__fish_seen_subcommand_from ${c.name}`)} -a ${s}`
      ),
    ]),
    `complete -c ${p} -n ${fishQuote(`__fish_seen_subcommand_from ${REVISION_COMMANDS.join(" ")}`)} -a ${
      fishQuote(`(${p} __complete revisions 2>/dev/null)`)
    }`,
    `complete -c ${p} -n ${fishQuote("__fish_seen_subcommand_from completions")} -a ${
      fishQuote(SHELLS.join(" "))
    }`,
  ];
  return `${lines.join("\n")}\n`;
}

/**
 * The words `migrate __complete KIND` prints, one per line: what the completion scripts offer.
 *
 * @param kind `environments`, `databases`, `templates` or `revisions`
 * @param load loads the config (errors are swallowed: completion must never print errors)
 * @returns the words; none when the project cannot be read
 */
export async function completionWords(
  kind: string,
  load: () => Promise<import("../config/config.ts").Config>,
): Promise<string[]> {
  try {
    if (kind === "templates") {
      const { listTemplates } = await import("../script/init.ts");
      return listTemplates().map((t) => t.name);
    }
    const config = await load();
    if (kind === "environments") return [...config.environmentNames];
    if (kind === "databases") return [...config.databaseNames];
    if (kind === "revisions") {
      const { loadRevisionMap } = await import("./_project.ts");
      const map = loadRevisionMap(config);
      const labels = new Set<string>();
      for (const r of map.all()) for (const l of r.branchLabels) labels.add(l);
      return [
        "head",
        "heads",
        "base",
        ...map.all().map((r) => r.revision),
        ...[...labels].flatMap((l) => [l, `${l}@head`, `${l}@base`]),
      ];
    }
  } catch {
    // A half-written project, no config: offer nothing rather than an error in the prompt.
  }
  return [];
}
