#!/usr/bin/env python3
"""CPython and Numba on the cases of pyjit's benchmark harness.

Reads ``bench/cases.json`` (written by ``cargo run --release -p pyjit-bench``):
each case's kernel, its arguments as a specification (a 64-bit linear
congruential generator, its seeds and bounds) and a digest of what the C
reference left. Builds the same arguments, runs the kernel of
``bench/kernels.py`` under CPython and under ``numba.njit``, checks that each
leaves exactly what C left (return value and every array, bit for bit), and
writes ``bench/cpython_numba.json`` with the median time of one call. The
harness, run again, adds a CPython and a Numba column to ``RESULTS.md``.

    python3 -m venv /tmp/venv && /tmp/venv/bin/pip install numba
    /tmp/venv/bin/python bench/cpython_numba.py [--only k1,k2] [--no-numba]

CPython is slow (seconds on gemm 256): a call that takes a second or more is
measured once; shorter ones are the median of three samples of about 0.2 s.
Numba is measured like the harness measures C: samples of at least 20 ms,
median of 15, after a first call that compiles (its time is kept as
``first_call_s``). ``nbody`` advances its inputs, which are restored before
each call, untimed. ``--only`` updates the named cases in an existing file.
Exits 1 if a result differs from C's.
"""

import argparse
import datetime
import hashlib
import json
import os
import platform
import statistics
import struct
import sys
import time
import types

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))

MULTIPLIER = 6364136223846793005
INCREMENT = 1442695040888963407
MASK = (1 << 64) - 1


def uniform(count, lo, hi, seed):
    """``count`` float64 draws in [lo, hi), as the harness's ``Lcg`` makes them."""
    state = seed
    scale = 1.0 / 9007199254740992.0  # 2**-53
    out = np.empty(count, dtype=np.float64)
    span = hi - lo
    for i in range(count):
        state = (state * MULTIPLIER + INCREMENT) & MASK
        out[i] = lo + span * ((state >> 11) * scale)
    return out


DTYPES = {"float32": np.float32, "float64": np.float64, "int64": np.int64, "bool": np.bool_}


def build_argument(spec):
    """One argument from its specification in cases.json."""
    if "array" in spec:
        array = spec["array"]
        shape = tuple(array["shape"])
        count = int(np.prod(shape))
        fill = array["fill"]
        if fill == "zeros":
            values = np.zeros(count, dtype=np.float64)
        else:
            u = fill["uniform"]
            values = uniform(count, u["lo"], u["hi"], u["seed"])
        dtype = DTYPES[array["dtype"]]
        if dtype is np.bool_:
            converted = values != 0.0
        else:
            converted = values.astype(dtype)
        return np.ascontiguousarray(converted.reshape(shape))
    if "int" in spec:
        return int(spec["int"])
    if "float" in spec:
        return float(spec["float"])
    if "float32" in spec:
        return np.float32(spec["float32"])
    raise ValueError(f"unknown argument {spec}")


def fresh(arguments):
    """A copy whose arrays can be written."""
    return [a.copy() if isinstance(a, np.ndarray) else a for a in arguments]


def restore(arguments, pristine):
    for a, p in zip(arguments, pristine):
        if isinstance(a, np.ndarray):
            np.copyto(a, p)


def ret_key(value):
    """The return value as the harness writes it: none, int:N, float:BITS."""
    if value is None:
        return "none"
    if isinstance(value, (bool, np.bool_)):
        raise TypeError("a kernel returned a bool")
    if isinstance(value, (int, np.integer)):
        return f"int:{int(value)}"
    bits = struct.unpack("<Q", struct.pack("<d", float(value)))[0]
    return f"float:{bits:016x}"


def digest(value, arguments):
    """SHA-256 of the return value's key, a newline, and every array's bytes."""
    h = hashlib.sha256()
    h.update(ret_key(value).encode())
    h.update(b"\n")
    for a in arguments:
        if isinstance(a, np.ndarray):
            h.update(a.tobytes())
    return h.hexdigest()


def load_kernels(path, jit=None):
    """The functions of kernels.py, each wrapped by ``jit`` if given (calls
    between them go through the module's namespace, so they are wrapped too)."""
    with open(path) as f:
        source = f.read()
    namespace = {"__name__": "kernels"}
    exec(compile(source, path, "exec"), namespace)
    if jit is not None:
        for name, value in list(namespace.items()):
            if isinstance(value, types.FunctionType):
                namespace[name] = jit(value)
    return namespace


def time_calls(function, arguments, pristine, mutates, reps):
    """Seconds for ``reps`` calls; with ``mutates``, inputs are restored before
    each call and only the calls are timed."""
    if mutates:
        total = 0.0
        for _ in range(reps):
            restore(arguments, pristine)
            start = time.perf_counter()
            function(*arguments)
            total += time.perf_counter() - start
        return total
    start = time.perf_counter()
    for _ in range(reps):
        function(*arguments)
    return time.perf_counter() - start


def measure(function, pristine, mutates, first_call, samples, sample_s, single_above_s):
    """The median seconds of one call: one call when the first took at least
    ``single_above_s``, else ``samples`` samples of at least ``sample_s``."""
    if first_call >= single_above_s:
        return first_call, 1
    arguments = fresh(pristine)
    reps = 1
    while True:
        elapsed = time_calls(function, arguments, pristine, mutates, reps)
        if elapsed >= sample_s / 4:
            reps = max(1, int(reps * sample_s / elapsed + 0.999))
            break
        reps *= 10
    times = [
        time_calls(function, arguments, pristine, mutates, reps) / reps for _ in range(samples)
    ]
    return statistics.median_low(times), reps


def run_once(function, pristine):
    """One call on fresh arguments: its time, return value and the arguments after."""
    arguments = fresh(pristine)
    start = time.perf_counter()
    value = function(*arguments)
    return time.perf_counter() - start, value, arguments


def machine():
    model = "unknown CPU"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    model = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    versions = f"CPython {platform.python_version()}, NumPy {np.__version__}"
    try:
        import numba

        versions += f", Numba {numba.__version__}"
    except ImportError:
        versions += ", no Numba"
    return f"{model}, {os.cpu_count()} cores; {versions}"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", default=os.path.join(HERE, "cases.json"))
    parser.add_argument("--kernels", default=os.path.join(HERE, "kernels.py"))
    parser.add_argument("--out", default=os.path.join(HERE, "cpython_numba.json"))
    parser.add_argument("--only", help="comma-separated case ids or kernel names")
    parser.add_argument("--no-numba", action="store_true", help="CPython only")
    options = parser.parse_args()

    with open(options.cases) as f:
        cases = json.load(f)["cases"]
    if options.only:
        wanted = set(options.only.split(","))
        cases = [c for c in cases if c["id"] in wanted or c["function"] in wanted]
        if not cases:
            sys.exit(f"no case matches {options.only}")

    cpython = load_kernels(options.kernels)
    numba_kernels = None
    if not options.no_numba:
        try:
            import numba
        except ImportError:
            sys.exit("numba is not installed: pip install numba, or pass --no-numba")
        numba_kernels = load_kernels(options.kernels, numba.njit)

    results = {}
    if options.only and os.path.exists(options.out):
        with open(options.out) as f:
            results = json.load(f).get("cases", {})
    wrong = []
    for case in cases:
        expected = case["reference"]["sha256"]
        pristine = [build_argument(spec) for spec in case["params"]]
        mutates = case["mutates_inputs"]
        entry = {}
        implementations = [("cpython", cpython)]
        if numba_kernels is not None:
            implementations.append(("numba", numba_kernels))
        for name, kernels in implementations:
            function = kernels[case["function"]]
            first, value, after = run_once(function, pristine)
            extra = {}
            if name == "numba":
                # The first call compiled; run again for the result.
                extra["first_call_s"] = first
                first, value, after = run_once(function, pristine)
            got = digest(value, after)
            matches = got == expected
            if not matches:
                wrong.append(f"{case['id']} on {name}: returned {ret_key(value)}, "
                             f"expected {case['reference']['ret']} (digest {got} != {expected})")
            if name == "cpython":
                median, reps = measure(function, pristine, mutates, first, 3, 0.2, 1.0)
            else:
                median, reps = measure(function, pristine, mutates, first, 15, 0.02, 10.0)
            entry[name] = {
                "median_s": median,
                "calls_per_sample": reps,
                "sha256": got,
                "matches_reference": matches,
                **extra,
            }
            print(f"{case['id']:>16} {name:>8}: {median * 1e3:10.3f} ms"
                  f"{'' if matches else '  WRONG RESULT'}", file=sys.stderr)
        results[case["id"]] = entry

    output = {
        "about": "Written by bench/cpython_numba.py from bench/cases.json; read by pyjit-bench.",
        "machine": machine(),
        "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "cases": results,
    }
    with open(options.out, "w") as f:
        json.dump(output, f, indent=2, sort_keys=True)
        f.write("\n")
    print(f"wrote {options.out}", file=sys.stderr)
    for line in wrong:
        print(f"different from C: {line}", file=sys.stderr)
    sys.exit(1 if wrong else 0)


if __name__ == "__main__":
    main()
