"""for over range(stop), range(start, stop) and range(start, stop, step), positive and negative steps, empty ranges."""


def sum_stop(n):
    s = 0
    for i in range(n):
        s += i
    return s


def sum_start_stop(a, b):
    s = 0
    for i in range(a, b):
        s = s * 3 + i
    return s


def sum_step(a, b, step):
    s = 0
    count = 0
    for i in range(a, b, step):
        s = s * 7 + i
        count += 1
    return s * 1000 + count


def last_index(a, b, step):
    last = -999
    for i in range(a, b, step):
        last = i
    return last


# run: sum_stop(10) -> 45
# run: sum_stop(0) -> 0
# run: sum_stop(-5) -> 0
# run: sum_stop(1) -> 0
# run: sum_start_stop(2, 6) -> 98
# run: sum_start_stop(-3, 2) -> -305
# run: sum_start_stop(5, 5) -> 0
# run: sum_start_stop(6, 2) -> 0
# run: sum_step(0, 10, 3) -> 198004
# run: sum_step(0, 9, 3) -> 27003
# run: sum_step(10, 0, -3) -> 3802004
# run: sum_step(10, -1, -5) -> 525003
# run: sum_step(-2, -12, -4) -> -149997
# run: sum_step(0, 10, -1) -> 0
# run: sum_step(10, 0, 1) -> 0
# run: sum_step(3, 4, 100) -> 3001
# run: last_index(0, 10, 4) -> 8
# run: last_index(9, -10, -6) -> -9
# run: last_index(0, 0, 1) -> -999
# run: last_index(-9223372036854775807, 9223372036854775807, 4611686018427387904) -> 4611686018427387905
# run: last_index(9223372036854775807, -9223372036854775807, -4611686018427387904) -> -4611686018427387905
