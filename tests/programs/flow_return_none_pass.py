"""return without a value, falling off the end and pass all give None."""


def nothing():
    pass


def bare_return(x):
    if x > 0:
        print("positive")
        return
    print("not positive")


def implicit_none(a):
    for i in range(len(a)):
        if a[i] == 0:
            pass
        else:
            a[i] = 1.0 / a[i]


def explicit_none(x):
    if x:
        return None
    print("falsy", x)
    return None


def empty_loops(n):
    for i in range(n):
        pass
    while n < 0:
        n += 1
        pass
    print("done", n)


# run: nothing() -> None
# run: bare_return(3) -> None
# out: positive
# run: bare_return(0) -> None
# out: not positive
# run: bare_return(-0.5) -> None
# out: not positive
# run: implicit_none([2.0, 0.0, -4.0]) -> None
# after: [0.5, 0.0, -0.25]
# run: implicit_none([]) -> None
# run: explicit_none(1) -> None
# run: explicit_none(0.0) -> None
# out: falsy 0.0
# run: explicit_none(False) -> None
# out: falsy False
# run: empty_loops(5) -> None
# out: done 5
# run: empty_loops(-3) -> None
# out: done 0
