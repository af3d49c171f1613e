"""Energy of a 3-body system (kinetic plus pairwise potential) and one leapfrog step over (n, 3) arrays."""
import math


def energy(pos, vel, mass):
    e = 0.0
    n = len(mass)
    for i in range(n):
        v2 = vel[i, 0] * vel[i, 0] + vel[i, 1] * vel[i, 1] + vel[i, 2] * vel[i, 2]
        e += 0.5 * mass[i] * v2
        for j in range(i + 1, n):
            dx = pos[i, 0] - pos[j, 0]
            dy = pos[i, 1] - pos[j, 1]
            dz = pos[i, 2] - pos[j, 2]
            e -= mass[i] * mass[j] / math.sqrt(dx * dx + dy * dy + dz * dz)
    return e


def step(pos, vel, mass, dt):
    n = len(mass)
    for i in range(n):
        for j in range(n):
            if i == j:
                continue
            dx = pos[j, 0] - pos[i, 0]
            dy = pos[j, 1] - pos[i, 1]
            dz = pos[j, 2] - pos[i, 2]
            r2 = dx * dx + dy * dy + dz * dz
            f = mass[j] / (r2 * math.sqrt(r2))
            vel[i, 0] += dt * f * dx
            vel[i, 1] += dt * f * dy
            vel[i, 2] += dt * f * dz
    for i in range(n):
        for k in range(3):
            pos[i, k] += dt * vel[i, k]
    return energy(pos, vel, mass)


# run: energy([[0.0, 0.0, 0.0], [1.0, 0.0, 0.0], [0.0, 2.0, 0.0]], [[0.0, 0.0, 0.0], [0.0, 1.0, 0.0], [-0.5, 0.0, 0.0]], [10.0, 1.0, 0.5]) -> -12.161106797749978
# run: energy([[0.0, 0.0, 0.0], [0.0, 0.0, 0.0]], [[1.0, 0.0, 0.0], [0.0, 0.0, 0.0]], [1.0, 1.0]) -> -inf
# run: step([[0.0, 0.0, 0.0], [1.0, 0.0, 0.0], [0.0, 2.0, 0.0]], [[0.0, 0.0, 0.0], [0.0, 1.0, 0.0], [-0.5, 0.0, 0.0]], [10.0, 1.0, 0.5], 0.01) -> -12.166343293154718
# after: [[0.0001, 1.25e-05, 0.0], [0.998995527864045, 0.010008944271909999, 0.0], [-0.004991055728090001, 1.99973211145618, 0.0]], [[0.01, 0.00125, 0.0], [-0.10044721359549996, 1.0008944271909999, 0.0], [-0.4991055728090001, -0.026788854381999832, 0.0]], [10.0, 1.0, 0.5], 0.01
