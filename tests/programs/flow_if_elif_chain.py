"""if/elif/else chains pick the first true branch; nested ifs and ifs without else."""


def classify(x):
    if x < 0:
        return -1
    elif x == 0:
        return 0
    elif x < 10:
        return 1
    elif x < 100:
        return 2
    else:
        return 3


def grade(score):
    g = 0
    if score >= 90:
        g = 4
    elif score >= 80:
        g = 3
    elif score >= 70:
        g = 2
    elif score >= 60:
        g = 1
    return g


def quadrant(x, y):
    if x >= 0:
        if y >= 0:
            q = 1
        else:
            q = 4
    else:
        if y >= 0:
            q = 2
        else:
            q = 3
    if x == 0 and y == 0:
        q = 0
    return q


def no_else(x):
    r = 10
    if x > 5:
        r += 1
    if x > 50:
        r += 100
    return r


# run: classify(-5) -> -1
# run: classify(0) -> 0
# run: classify(9) -> 1
# run: classify(10) -> 2
# run: classify(99.5) -> 2
# run: classify(1000) -> 3
# run: classify(-0.0) -> 0
# run: classify(nan) -> 3
# run: classify(-inf) -> -1
# run: grade(95) -> 4
# run: grade(80) -> 3
# run: grade(79.99) -> 2
# run: grade(60) -> 1
# run: grade(-1) -> 0
# run: quadrant(1, 2) -> 1
# run: quadrant(-1, 2) -> 2
# run: quadrant(-1, -2) -> 3
# run: quadrant(1, -2) -> 4
# run: quadrant(0, 0) -> 0
# run: quadrant(0.0, -0.0) -> 0
# run: no_else(3) -> 10
# run: no_else(6) -> 11
# run: no_else(51) -> 111
