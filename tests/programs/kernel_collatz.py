"""Longest Collatz chain below n: nested while/for with integer arithmetic."""


def collatz_len(x):
    steps = 1
    while x != 1:
        if x % 2 == 0:
            x = x // 2
        else:
            x = 3 * x + 1
        steps += 1
    return steps


def longest_below(n):
    best = 0
    best_start = 0
    for start in range(1, n):
        length = collatz_len(start)
        if length > best:
            best = length
            best_start = start
    return best_start * 1000 + best


# run: collatz_len(1) -> 1
# run: collatz_len(27) -> 112
# run: collatz_len(97) -> 119
# run: longest_below(2) -> 1001
# run: longest_below(10) -> 9020
# run: longest_below(1000) -> 871179
