"""Functions without return called for what they print; print of ints, floats, bools and string literals."""


def show_row(i, x):
    print("row", i, x)


def report(a):
    total = 0.0
    for i in range(len(a)):
        show_row(i, a[i])
        total += a[i]
    print("total:", total)
    print()
    print("mean", total / len(a) if len(a) > 0 else 0.0, "done")


def table(n):
    for i in range(1, n + 1):
        print(i, i * i, i ** 3, 1 / i, i % 2 == 0)


def sep_end(x):
    print(x, x + 1, sep=", ")
    print("no newline", end="")
    print(" then newline")


# run: show_row(3, 2.5) -> None
# out: row 3 2.5
# run: report([1.5, -2.0, 1e20]) -> None
# out: row 0 1.5
# out: row 1 -2.0
# out: row 2 1e+20
# out: total: 1e+20
# out:
# out: mean 3.333333333333333e+19 done
# run: report([]) -> None
# out: total: 0.0
# out:
# out: mean 0.0 done
# run: table(4) -> None
# out: 1 1 1 1.0 False
# out: 2 4 8 0.5 True
# out: 3 9 27 0.3333333333333333 False
# out: 4 16 64 0.25 True
# run: table(0) -> None
# run: sep_end(7) -> None
# out: 7, 8
# out: no newline then newline
