"""assert raises AssertionError, with or without a message, and does nothing when the condition holds."""


def checked_sqrt_steps(n):
    assert n >= 0
    k = 0
    while k * k < n:
        k += 1
    return k


def mean(a):
    assert len(a) > 0, "mean of an empty array"
    s = 0.0
    for x in a:
        s += x
    return s / len(a)


def all_positive(a):
    for i in range(len(a)):
        assert a[i] > 0, "elements must be positive"
    return True


def truthy_assert(x):
    assert x
    assert x * 2, "doubled"
    return x


# run: checked_sqrt_steps(10) -> 4
# run: checked_sqrt_steps(0) -> 0
# run: checked_sqrt_steps(-1) -> raises AssertionError (line 5)
# run: mean([1.0, 2.0, 4.5]) -> 2.5
# run: mean([]) -> raises AssertionError: mean of an empty array (line 13)
# run: all_positive([1, 2, 3]) -> True
# run: all_positive([1, 0, 3]) -> raises AssertionError: elements must be positive (line 22)
# run: truthy_assert(3.5) -> 3.5
# run: truthy_assert(0.0) -> raises AssertionError (line 27)
# run: truthy_assert(nan) -> nan
# run: truthy_assert(-0.0) -> raises AssertionError (line 27)
