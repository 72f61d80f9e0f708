#!/usr/bin/env python3
"""Generates rbc's man page and shell completions from the CLI's own --help.

Usage: cli_docs.py RBC_BINARY VERSION OUT_DIR
Writes OUT_DIR/rbc.1 (roff), OUT_DIR/rbc.bash, OUT_DIR/_rbc (zsh) and
OUT_DIR/rbc.fish. Everything comes from `rbc --help` and each subcommand's
`--help`, so the page and the completions follow the CLI without a second
list of commands and options to keep in step.
"""
import re
import subprocess
import sys
from dataclasses import dataclass, field


@dataclass
class Option:
    short: str  # "-v" or ""
    long: str  # "--verbose" ("-h" style options without a long name keep it here)
    value: str  # "" for flags, else the value's type (TEXT, ENUM, ...)
    choices: list
    text: str


@dataclass
class Command:
    path: list  # ["promql", "parse"]; [] for rbc itself
    summary: str = ""
    usage: str = ""
    positionals: list = field(default_factory=list)  # (name, text)
    options: list = field(default_factory=list)
    subcommands: list = field(default_factory=list)  # Command
    extra: list = field(default_factory=list)  # footer lines (examples, exit status)


OPTION_LINE = re.compile(r"^  (?:(-\w),)?(--?[\w-]+)(?: (\S+(?: in \S+)?(?: OR \S+)?))?(?:\s{2,}(.*))?$")
ITEM_LINE = re.compile(r"^  (\S+)(?: [A-Z]+(?: [A-Z.]+)*)?(?:\s{2,}(.*))?$")


def help_text(binary, path):
    out = subprocess.run([binary, *path, "--help"], capture_output=True, text=True, check=False)
    if out.returncode != 0:
        sys.exit(f"cli_docs: `rbc {' '.join(path)} --help` exited {out.returncode}")
    return out.stdout


def choices_of(value):
    """`ENUM:value in {github->2,json->1} OR {2,1}` or `TEXT:{auto,always}`."""
    match = re.search(r"\{([^}]*)\}", value)
    if not match:
        return []
    return sorted(item.split("->")[0] for item in match.group(1).split(","))


def value_type(value):
    return value.split(":")[0] if value else ""


def sections(text):
    """Splits help output into (title, lines) blocks; the first is the header."""
    blocks = [("", [])]
    for line in text.splitlines():
        if re.match(r"^[A-Z][\w ]*:$", line) and line[:-1] in ("Options", "Positionals", "Subcommands"):
            blocks.append((line[:-1], []))
        elif line and not line.startswith(" ") and blocks[-1][0]:
            blocks.append(("", [line]))  # text after a list: a footer
        else:
            blocks[-1][1].append(line)
    return blocks


def items(lines):
    """List lines -> (head, text); a description may continue on deeper lines."""
    result = []
    for line in lines:
        if not line.strip():
            continue
        if line.startswith("   ") and result:
            head, text = result[-1]
            result[-1] = (head, (text + " " + line.strip()).strip())
        else:
            result.append((line, ""))
    return result


def parse(binary, path):
    text = help_text(binary, path)
    command = Command(path=path)
    blocks = sections(text)
    header = [line for line in blocks[0][1] if line.strip()]
    for line in header:
        if line.startswith("Usage: "):
            rest = line[len("Usage: "):].split(" ", 1)
            command.usage = " ".join(["rbc", *path]) + (" " + rest[1].split(" ", len(path))[-1] if len(rest) > 1 else "")
        elif not command.summary:
            command.summary = line.strip()
    for title, lines in blocks[1:]:
        if title == "Options":
            for line, more in items(lines):
                match = OPTION_LINE.match(line)
                if not match:
                    continue
                short, long, value, text_ = match.groups()
                desc = ((text_ or "") + " " + more).strip()
                command.options.append(Option(short or "", long, value_type(value or ""), choices_of(value or ""), desc))
        elif title == "Positionals":
            for line, more in items(lines):
                match = ITEM_LINE.match(line)
                if match:
                    command.positionals.append((match.group(1), ((match.group(2) or "") + " " + more).strip()))
        elif title == "Subcommands":
            for line, _ in items(lines):
                name = line.split()[0]
                command.subcommands.append(parse(binary, [*path, name]))
        else:
            command.extra.extend(lines)
    return command


def walk(command):
    yield command
    for sub in command.subcommands:
        yield from walk(sub)


# --- man page -----------------------------------------------------------

def roff(text):
    text = text.replace("\\", "\\e").replace("-", "\\-")
    return re.sub(r"^([.'])", r"\\&\1", text, flags=re.M)


def sentence(text):
    return text[:1].upper() + text[1:]


def man_page(root, version):
    out = [
        f'.TH RBC 1 "" "rbc {version}" "User Commands"',
        ".SH NAME",
        "rbc \\- " + roff(root.summary.split(" - ", 1)[-1]),
        ".SH SYNOPSIS",
        ".B rbc",
        ".I COMMAND",
        "[\\fIOPTIONS\\fR] [\\fIARGS\\fR]",
        ".SH DESCRIPTION",
        roff(sentence(root.summary.split(" - ", 1)[-1])) + ".",
        "Every command prints its options with \\fB\\-\\-help\\fR; this page collects them.",
        ".SH COMMANDS",
    ]
    for command in walk(root):
        if not command.path:
            continue
        out += [".SS " + roff(" ".join(["rbc", *command.path])), roff(command.summary) + ".", ".PP",
                ".B Usage:", roff(command.usage)]
        for name, text in command.positionals:
            out += [".TP", "\\fI" + roff(name) + "\\fR", roff(text)]
        for option in command.options:
            if option.long in ("-h", "--help"):
                continue
            head = ", ".join("\\fB" + roff(flag) + "\\fR" for flag in (option.short, option.long) if flag)
            if option.choices:
                head += " \\fI" + "|".join(option.choices) + "\\fR"
            elif option.value:
                head += " \\fI" + roff(option.value) + "\\fR"
            out += [".TP", head, roff(option.text)]
        extra = without_root_footer(command.extra, root)
        if any(line.strip() for line in extra):
            out += [".PP", ".nf"] + [roff(line) for line in extra] + [".fi"]
    examples = [line for line in root.extra if line.strip() and line.strip() not in ("Examples:", "Example:")]
    out += [".SH EXAMPLES", ".nf"] + [roff(line) for line in examples] + [".fi"]
    out += [".SH SEE ALSO", "\\fBpromtool\\fR(1), \\fBamtool\\fR(1)", ""]
    return "\n".join(out)


def without_root_footer(extra, root):
    # CLI11 repeats the top-level footer under commands with subcommands.
    footer = [line for line in root.extra if line.strip()]
    lines = [line for line in extra if line.strip()]
    return lines[:-len(footer)] if footer and lines[-len(footer):] == footer else lines


# --- completions --------------------------------------------------------

def words(options):
    result = []
    for option in options:
        result += [flag for flag in (option.short, option.long) if flag]
    return result


def positional_kind(command):
    """What a command's positional argument completes to: files, codes or nothing."""
    names = [name for name, _ in command.positionals]
    if "PATH" in names:
        return "files"
    if "CODE" in names:
        return "codes"
    return ""


def takes_files(command):
    return positional_kind(command) == "files"


def bash(root):
    paths = ["/" + "/".join(c.path) for c in walk(root) if c.path]
    out = ["# bash completion for rbc (generated from rbc --help)", "_rbc() {",
           '  local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]} path="" i',
           "  for ((i = 1; i < COMP_CWORD; i++)); do",
           '    case "$path/${COMP_WORDS[i]}" in',
           "      " + "|".join(paths) + ') path="$path/${COMP_WORDS[i]}" ;;',
           "    esac", "  done",
           '  case "$path $prev" in']
    for command in walk(root):
        for option in command.options:
            if not option.value:
                continue
            key = "/" + "/".join(command.path) if command.path else ""
            flags = "|".join(f'"{key} {flag}"' for flag in (option.short, option.long) if flag)
            if option.choices:
                out.append(f'    {flags}) COMPREPLY=($(compgen -W "{" ".join(option.choices)}" -- "$cur")); return ;;')
            else:
                out.append(f'    {flags}) COMPREPLY=($(compgen -f -- "$cur")); compopt -o filenames 2>/dev/null; return ;;')
    out += ["  esac", '  case "$path" in']
    for command in walk(root):
        key = "/" + "/".join(command.path) if command.path else '""'
        subs = " ".join(sub.path[-1] for sub in command.subcommands)
        opts = " ".join(words(command.options))
        if positional_kind(command):
            other = ('COMPREPLY=($(compgen -f -- "$cur")); compopt -o filenames 2>/dev/null'
                     if takes_files(command) else 'COMPREPLY=($(compgen -W "$(rbc checks 2>/dev/null | cut -d" " -f1)" -- "$cur"))')
            out.append(f'    {key}) if [[ $cur == -* ]]; then COMPREPLY=($(compgen -W "{opts}" -- "$cur")); '
                       f'else {other}; fi ;;')
        else:
            out.append(f'    {key}) COMPREPLY=($(compgen -W "{(subs + " " + opts).strip()}" -- "$cur")) ;;')
    out += ["  esac", "}", "complete -F _rbc rbc", ""]
    return "\n".join(out)


def zsh_quote(text):
    return "'" + text.replace("'", "'\\''") + "'"


def zsh(root):
    paths = ["/" + "/".join(c.path) for c in walk(root) if c.path]
    out = ["#compdef rbc", "# zsh completion for rbc (generated from rbc --help)", "_rbc() {",
           '  local path_="" prev=${words[CURRENT-1]} i',
           "  for ((i = 2; i < CURRENT; i++)); do",
           '    case "$path_/${words[i]}" in',
           "      (" + "|".join(paths) + ') path_="$path_/${words[i]}" ;;',
           "    esac", "  done",
           '  case "$path_ $prev" in']
    for command in walk(root):
        key = "/" + "/".join(command.path) if command.path else ""
        for option in command.options:
            if not option.value:
                continue
            flags = "|".join(f'"{key} {flag}"' for flag in (option.short, option.long) if flag)
            action = ("compadd -- " + " ".join(option.choices)) if option.choices else "_files"
            out.append(f"    ({flags}) {action}; return ;;")
    out += ["  esac", '  case "$path_" in']
    for command in walk(root):
        key = "/" + "/".join(command.path) if command.path else '""'
        subs = [zsh_quote(f"{sub.path[-1]}:{sub.summary}") for sub in command.subcommands]
        opts = [zsh_quote(f"{flag}:{option.text}") for option in command.options
                for flag in (option.short, option.long) if flag]
        body = []
        if subs:
            body.append(f"local -a cmds=({' '.join(subs)}); _describe command cmds")
        body.append(f"local -a opts=({' '.join(opts)}); [[ $PREFIX == -* ]] && _describe option opts")
        if takes_files(command):
            body.append("[[ $PREFIX == -* ]] || _files")
        elif positional_kind(command) == "codes":
            body.append("[[ $PREFIX == -* ]] || compadd -- ${(f)\"$(rbc checks 2>/dev/null | cut -d' ' -f1)\"}")
        out.append(f"    ({key}) {'; '.join(body)} ;;")
    out += ["  esac", "}", '_rbc "$@"', ""]
    return "\n".join(out)


def fish_quote(text):
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"


def fish(root):
    out = ["# fish completion for rbc (generated from rbc --help)", "complete -c rbc -f"]
    for command in walk(root):
        if command.path:
            cond = " ; and ".join(f"__fish_seen_subcommand_from {word}" for word in command.path)
        else:
            cond = "__fish_use_subcommand"
        below = [sub.path[-1] for sub in command.subcommands]
        for sub in command.subcommands:
            sub_cond = cond if not command.path else cond + " ; and not __fish_seen_subcommand_from " + " ".join(below)
            out.append(f"complete -c rbc -n {fish_quote(sub_cond)} -a {sub.path[-1]} -d {fish_quote(sub.summary)}")
        for option in command.options:
            parts = [f"complete -c rbc -n {fish_quote(cond)}"]
            if option.short:
                parts.append("-s " + option.short[1:])
            if option.long.startswith("--"):
                parts.append("-l " + option.long[2:])
            else:
                parts.append("-o " + option.long[1:])
            if option.choices:
                parts.append("-x -a " + fish_quote(" ".join(option.choices)))
            elif option.value:
                parts.append("-r -F")
            parts.append("-d " + fish_quote(option.text))
            out.append(" ".join(parts))
        if command.path and takes_files(command):
            out.append(f"complete -c rbc -n {fish_quote(cond)} -F")
        elif positional_kind(command) == "codes":
            codes = fish_quote('(command -q rbc; and rbc checks 2>/dev/null | string split -f1 " ")')
            out.append(f"complete -c rbc -n {fish_quote(cond)} -x -a {codes}")
    return "\n".join(out) + "\n"


def main():
    binary, version, out_dir = sys.argv[1:4]
    root = parse(binary, [])
    files = {"rbc.1": man_page(root, version), "rbc.bash": bash(root), "_rbc": zsh(root), "rbc.fish": fish(root)}
    for name, text in files.items():
        with open(f"{out_dir}/{name}", "w", encoding="utf-8") as f:
            f.write(text)


if __name__ == "__main__":
    main()
