"""The CPython side of the fast tier's run-time benchmark: vector_add on
100,000 float32 in a plain Python loop, as benches/fast_tier.rs runs it
compiled. Prints the median of 20 calls."""
import os
import statistics
import sys
import time

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "..", "examples"))
from vector_add import vector_add  # noqa: E402

n = 100_000
a = np.arange(n, dtype=np.float32)
b = 0.5 * np.arange(n, dtype=np.float32)
out = np.empty(n, dtype=np.float32)
times = []
for _ in range(20):
    start = time.perf_counter()
    vector_add(a, b, out, n)
    times.append(time.perf_counter() - start)
print(f"CPython vector_add, 100,000 float32: median {statistics.median(times) * 1e3:.2f} ms")
