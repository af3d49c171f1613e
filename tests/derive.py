#!/usr/bin/env python3
"""Derive the expectations of tests/programs/ from CPython.

Each program in tests/programs/ carries the calls it is tested with:

    # run: f(3, [1.0, 2.0]) -> 4.5
    # out: printed line
    # after: 3, [1.0, 5.0]
    # run: f(0, []) -> raises ZeroDivisionError: division by zero (line 7)
    # run (deviation 1): g(2**62) -> -9223372036854775808

`-> VALUE` is `repr()` of the result; `-> raises Type: message (line N)` an
exception, the line being where CPython raised it inside the program;
`# out:` lines are what the call printed; `# after:` gives every argument
after the call, present only when the call changed an array passed in.
Lists are passed as NumPy arrays (int64, float64 or bool, as NumPy infers
them). Results print as `pyjit run` prints them: arrays as `tolist()`,
NumPy float64, int64 and bool scalars as the Python values they hold.
A `run (deviation N)` line is one of LANGUAGE.md's deviations: its
expectation is pyjit's, not CPython's, and is not derived.

    python3 tests/derive.py --check [FILE|DIR ...]   compare, exit 1 on a difference
    python3 tests/derive.py --write FILE ...         record CPython's answers in place

The Rust test `tests/tests/cpython.rs` runs `--check` over the corpus, so
an expectation that CPython does not agree with cannot hide.
"""

import ast
import contextlib
import importlib.util
import io
import os
import re
import sys
import traceback

import numpy as np

RUN = re.compile(r"^# run(?: \(deviation (\d+)\))?: (\w+)\((.*)\) -> (.*)$")


def split_args(text):
    """Split `1, [2, 3], -4.0` at top-level commas."""
    parts, depth, start = [], 0, 0
    for i, c in enumerate(text):
        if c == "[":
            depth += 1
        elif c == "]":
            depth -= 1
        elif c == "," and depth == 0:
            parts.append(text[start:i].strip())
            start = i + 1
    last = text[start:].strip()
    if last:
        parts.append(last)
    return parts


def literal(text):
    """A Python literal as pyjit reads it: `inf`, `-inf` and `nan` are
    floats, also inside lists."""
    names = {"inf": float("inf"), "nan": float("nan"), "True": True, "False": False}

    def value(node):
        if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)):
            return node.value
        if isinstance(node, ast.Name) and node.id in names:
            return names[node.id]
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.USub, ast.UAdd)):
            inner = value(node.operand)
            return -inner if isinstance(node.op, ast.USub) else +inner
        if isinstance(node, ast.List):
            return [value(item) for item in node.elts]
        raise ValueError(f"not a literal pyjit accepts: {ast.unparse(node)}")

    return value(ast.parse(text, mode="eval").body)


def argument(text):
    value = literal(text)
    if isinstance(value, list):
        return np.array(value) if value else np.array([], dtype=np.float64)
    return value


def show(value):
    """repr() of a result as `pyjit run` prints it."""
    if isinstance(value, np.ndarray):
        return repr(value.tolist())
    if isinstance(value, (np.float64, np.int64, np.bool_)):
        return repr(value.item())
    return repr(value)


def show_argument(value):
    return repr(value.tolist()) if isinstance(value, np.ndarray) else show(value)


def load(path):
    """The program as a fresh module: each call gets code no earlier call
    has run, as CPython 3.11's specializing interpreter can report the line
    of an exception raised from code that earlier calls warmed up wrongly
    (an `UnboundLocalError` on a `for` line)."""
    name = "pyjit_program_" + re.sub(r"\W", "_", os.path.basename(path)[:-3])
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def call(module, path, func, args_text):
    """Run one call; return (expectation, printed lines, after-line or None)."""
    args = [argument(a) for a in split_args(args_text)]
    before = [a.copy() if isinstance(a, np.ndarray) else a for a in args]
    printed = io.StringIO()
    try:
        with contextlib.redirect_stdout(printed):
            result = getattr(module, func)(*args)
        expect = show(result)
    except Exception as e:  # noqa: BLE001: every exception is an answer
        frames = [f for f in traceback.extract_tb(e.__traceback__) if os.path.samefile(f.filename, path)]
        line = f" (line {frames[-1].lineno})" if frames else ""
        message = str(e)
        if isinstance(e, RecursionError):
            # Where the limit strikes differs by design (LANGUAGE.md,
            # deviation 5), and CPython words it by what it was doing then
            # ("... in comparison"): keep the type and the common message.
            message, line = "maximum recursion depth exceeded", ""
        expect = f"raises {type(e).__name__}" + (f": {message}" if message else "") + line
    # Changed as the Rust harness sees it: the printed values differ (so
    # -0.0 written over 0.0 counts, a NaN over a NaN does not).
    changed = any(
        isinstance(a, np.ndarray) and repr(a.tolist()) != repr(b.tolist())
        for a, b in zip(args, before)
    )
    after = ", ".join(show_argument(a) for a in args) if changed else None
    lines = printed.getvalue().split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return expect, lines, after


def cases(path):
    """Yield (index of the run line, deviation, func, args, recorded expectation,
    recorded out lines, recorded after, index past the case) for each case."""
    lines = open(path, encoding="utf-8").read().split("\n")
    i = 0
    while i < len(lines):
        m = RUN.match(lines[i])
        if not m:
            i += 1
            continue
        start = i
        i += 1
        out, after = [], None
        while i < len(lines) and (lines[i].startswith("# out:") or lines[i].startswith("# after:")):
            if lines[i].startswith("# out:"):
                out.append(lines[i][len("# out: "):] if lines[i] != "# out:" else "")
            else:
                after = lines[i][len("# after: "):]
            i += 1
        yield start, m.group(1), m.group(2), m.group(3), m.group(4), out, after, i


def files(targets):
    for target in targets:
        if os.path.isdir(target):
            for name in sorted(os.listdir(target)):
                if name.endswith(".py"):
                    yield os.path.join(target, name)
        else:
            yield target


def check(targets):
    differences, checked, deviations = [], 0, 0
    for path in files(targets):
        for start, deviation, func, args, expect, out, after, _ in cases(path):
            if deviation:
                deviations += 1
                continue
            checked += 1
            got, got_out, got_after = call(load(path), path, func, args)
            where = f"{path}:{start + 1}: {func}({args})"
            if got != expect:
                differences.append(f"{where}\n    recorded: -> {expect}\n    CPython:  -> {got}")
            if got_out != out:
                differences.append(f"{where}\n    recorded output: {out!r}\n    CPython output:  {got_out!r}")
            if got_after != after:
                differences.append(f"{where}\n    recorded after: {after}\n    CPython after:  {got_after}")
    for d in differences:
        print(d)
    print(f"{checked} cases checked against CPython, {deviations} deviations skipped, {len(differences)} differences")
    return 1 if differences else 0


def write(targets):
    for path in files(targets):
        lines = open(path, encoding="utf-8").read().split("\n")
        result, last = [], 0
        for start, deviation, func, args, expect, out, after, end in cases(path):
            result.extend(lines[last:start])
            last = end
            if deviation:
                result.extend(lines[start:end])
                continue
            got, got_out, got_after = call(load(path), path, func, args)
            result.append(f"# run: {func}({args}) -> {got}")
            result.extend(f"# out: {o}" if o else "# out:" for o in got_out)
            if got_after is not None:
                result.append(f"# after: {got_after}")
        result.extend(lines[last:])
        with open(path, "w", encoding="utf-8") as f:
            f.write("\n".join(result))
    return 0


def main(argv):
    if len(argv) < 2 or argv[1] not in ("--check", "--write"):
        print(__doc__)
        return 2
    targets = argv[2:] or [os.path.join(os.path.dirname(os.path.abspath(__file__)), "programs")]
    return check(targets) if argv[1] == "--check" else write(targets)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
