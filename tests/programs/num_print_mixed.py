"""print() of several numbers of mixed types and string literals, with sep and end."""


def report(n, x, flag):
    print("n =", n, "x =", x, "flag =", flag)
    print(n, x, flag, n + x, n * flag, sep=", ")
    print("no newline", end="")
    print(" then", -n, end="!\n")
    print()
    print(n / 2, n // 2, -x, x == x)
    return n


def table(n):
    for i in range(n):
        print(i, i * 0.5, i ** 2, i % 2 == 0, sep="\t")


# run: report(3, 2.5, True) -> 3
# out: n = 3 x = 2.5 flag = True
# out: 3, 2.5, True, 5.5, 3
# out: no newline then -3!
# out:
# out: 1.5 1 -2.5 True
# run: report(-4, -0.0, False) -> -4
# out: n = -4 x = -0.0 flag = False
# out: -4, -0.0, False, -4.0, 0
# out: no newline then 4!
# out:
# out: -2.0 -2 0.0 True
# run: report(0, nan, True) -> 0
# out: n = 0 x = nan flag = True
# out: 0, nan, True, nan, 0
# out: no newline then 0!
# out:
# out: 0.0 0 nan False
# run: report(9223372036854775807, 1e300, False) -> 9223372036854775807
# out: n = 9223372036854775807 x = 1e+300 flag = False
# out: 9223372036854775807, 1e+300, False, 1e+300, 0
# out: no newline then -9223372036854775807!
# out:
# out: 4.611686018427388e+18 4611686018427387903 -1e+300 True
# run: table(4) -> None
# out: 0	0.0	0	True
# out: 1	0.5	1	False
# out: 2	1.0	4	True
# out: 3	1.5	9	False
# run: table(0) -> None
