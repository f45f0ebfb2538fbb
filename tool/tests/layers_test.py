#!/usr/bin/env python3
"""The layers of tool/src/ as ARCHITECTURE.md states them, checked against
tool/CMakeLists.txt, the code's includes and the compiler's real view.

  layers_test.py CHECK REPO BUILD_DIR

CHECK is one of:
  documented  every folder of tool/src/ has a row in ARCHITECTURE.md's
              table, and its "may use" is what tool/CMakeLists.txt declares
  includes    every #include "<folder>/…" in tool/src/<area>/ names a folder
              the area may use (directly or through them)
  namespaces  every file of tool/src/<area>/ puts its names in namespace
              seriesctl::<area>, and in no other named namespace
  compiler    the compile command of each area, from compile_commands.json,
              finds exactly the folders it may use (__has_include): an
              include of any other folder fails to compile

Prints one line per problem and exits 1 when there is any.
"""
import json
import os
import re
import shlex
import subprocess
import sys
import tempfile


def documented_uses(repo):
    table = {}
    row = re.compile(r"^\| `([a-z_]+)/` \| [^|]+ \| ([^|]+) \|")
    with open(os.path.join(repo, "ARCHITECTURE.md"), encoding="utf-8") as text:
        for line in text:
            match = row.match(line)
            if match:
                uses = match.group(2).strip()
                table[match.group(1)] = set() if uses == "–" else {u.strip() for u in uses.split(",")}
    return table


def declared_uses(repo):
    declared = {}
    with open(os.path.join(repo, "tool", "CMakeLists.txt"), encoding="utf-8") as text:
        for match in re.finditer(r"^seriesctl_area\((\w+)([^)]*)\)", text.read(), re.M):
            words = match.group(2).split()
            uses = set()
            if "USES" in words:
                for word in words[words.index("USES") + 1:]:
                    if word == "LINKS":
                        break
                    uses.add(word)
            declared[match.group(1)] = uses
    return declared


def closure(uses, area):
    seen, todo = {area}, [area]
    while todo:
        for used in uses.get(todo.pop(), ()):
            if used not in seen:
                seen.add(used)
                todo.append(used)
    return seen


def folders(repo):
    src = os.path.join(repo, "tool", "src")
    return sorted(name for name in os.listdir(src) if os.path.isdir(os.path.join(src, name)))


def check_documented(repo, _build):
    table, declared = documented_uses(repo), declared_uses(repo)
    problems = []
    for folder in folders(repo):
        if folder not in table:
            problems.append(f"ARCHITECTURE.md: no row for tool/src/{folder}/")
        if folder not in declared:
            problems.append(f"tool/CMakeLists.txt: no seriesctl_area({folder} …)")
    for folder in sorted(set(table) & set(declared)):
        if table[folder] != declared[folder]:
            problems.append(f"{folder}: ARCHITECTURE.md says it may use {sorted(table[folder])}, "
                            f"tool/CMakeLists.txt declares {sorted(declared[folder])}")
    for folder in sorted(set(table) - set(folders(repo))):
        problems.append(f"ARCHITECTURE.md: a row for tool/src/{folder}/, which does not exist")
    return problems


def check_includes(repo, _build):
    table = documented_uses(repo)
    problems = []
    src = os.path.join(repo, "tool", "src")
    include = re.compile(r'^#include "([a-z_]+)/')
    for area in folders(repo):
        allowed = closure(table, area)
        for directory, _, names in os.walk(os.path.join(src, area)):
            for name in sorted(names):
                path = os.path.join(directory, name)
                with open(path, encoding="utf-8") as text:
                    for number, line in enumerate(text, 1):
                        match = include.match(line)
                        if match and match.group(1) not in allowed:
                            problems.append(f"{os.path.relpath(path, repo)}:{number}: includes "
                                            f"{match.group(1)}/, which {area}/ may not use")
    return problems


def check_namespaces(repo, _build):
    problems = []
    src = os.path.join(repo, "tool", "src")
    opened = re.compile(r"^namespace ([\w:]+) \{", re.M)
    for area in folders(repo):
        for directory, _, names in os.walk(os.path.join(src, area)):
            for name in sorted(names):
                path = os.path.join(directory, name)
                with open(path, encoding="utf-8") as text:
                    namespaces = set(opened.findall(text.read()))
                where = os.path.relpath(path, repo)
                if not namespaces:
                    problems.append(f"{where}: declares nothing in namespace seriesctl::{area}")
                for namespace in sorted(namespaces - {f"seriesctl::{area}"}):
                    problems.append(f"{where}: opens namespace {namespace}; {area}/ code lives in seriesctl::{area}")
    return problems


def area_commands(repo, build):
    with open(os.path.join(build, "compile_commands.json"), encoding="utf-8") as text:
        entries = json.load(text)
    src = os.path.join(repo, "tool", "src") + os.sep
    commands = {}
    for entry in entries:
        path = os.path.realpath(entry["file"])
        if path.startswith(os.path.realpath(src)):
            area = os.path.relpath(path, os.path.realpath(src)).split(os.sep)[0]
            if area not in commands and os.sep in os.path.relpath(path, os.path.realpath(src)):
                commands[area] = entry
    return commands


def check_compiler(repo, build):
    table = documented_uses(repo)
    commands = area_commands(repo, build)
    problems = []
    for area in folders(repo):
        if area not in commands:
            problems.append(f"{area}: no compile command in {build}/compile_commands.json")
            continue
        allowed = closure(table, area)
        found = []
        probe = ""
        for folder in folders(repo):
            header = sorted(h for h in os.listdir(os.path.join(repo, "tool", "src", folder)) if h.endswith(".h"))[0]
            wanted = folder in allowed
            probe += (f'#if {"!" if wanted else ""}__has_include("{folder}/{header}")\n'
                      f'#error {folder}/ is {"not " if wanted else ""}visible\n#endif\n')
        entry = commands[area]
        words = shlex.split(entry["command"]) if "command" in entry else list(entry["arguments"])
        with tempfile.TemporaryDirectory() as scratch:
            probe_file = os.path.join(scratch, "probe.cpp")
            with open(probe_file, "w", encoding="utf-8") as out:
                out.write(probe)
            command, skip = [], False
            for word in words:
                if skip:
                    skip = False
                    continue
                if word in ("-o", "-MF", "-MT", "-MQ"):
                    skip = True
                    continue
                if word in ("-c", "-MD", "-MMD") or os.path.realpath(word) == os.path.realpath(entry["file"]):
                    continue
                command.append(word)
            command = [w for w in command if w != "ccache"] + ["-E", "-o", os.devnull, probe_file]
            run = subprocess.run(command, cwd=entry["directory"], capture_output=True, text=True)
            for line in run.stderr.splitlines():
                match = re.search(r"#error (.*)", line)
                if match:
                    found.append(f"{area}: {match.group(1)} to its compile command")
            if run.returncode != 0 and not found:
                found.append(f"{area}: the probe did not preprocess: {run.stderr.strip()[:300]}")
        problems += found
    return problems


def main():
    check, repo, build = sys.argv[1], sys.argv[2], sys.argv[3]
    problems = {"documented": check_documented, "includes": check_includes, "namespaces": check_namespaces,
                "compiler": check_compiler}[check](repo, build)
    for problem in problems:
        print(problem)
    print(f"{check}: {len(folders(repo))} folders, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
