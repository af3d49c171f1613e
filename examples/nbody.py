"""Softened gravity on n bodies, advanced in place (NumPy arrays)."""
import numpy as np
from math import sqrt


def step(pos, vel, mass, dt):
    """One leapfrog-style step; pos and vel are (n, 3) float64 arrays."""
    n = len(mass)
    eps = 0.01
    for i in range(n):
        ax = 0.0
        ay = 0.0
        az = 0.0
        for j in range(n):
            dx = pos[j, 0] - pos[i, 0]
            dy = pos[j, 1] - pos[i, 1]
            dz = pos[j, 2] - pos[i, 2]
            r2 = dx * dx + dy * dy + dz * dz + eps
            f = mass[j] / (r2 * sqrt(r2))
            ax += f * dx
            ay += f * dy
            az += f * dz
        vel[i, 0] += dt * ax
        vel[i, 1] += dt * ay
        vel[i, 2] += dt * az
    for i in range(n):
        for k in range(3):
            pos[i, k] += dt * vel[i, k]


def energy(pos, vel, mass):
    """Kinetic plus potential energy of the system."""
    e = 0.0
    n = len(mass)
    for i in range(n):
        e += 0.5 * mass[i] * (vel[i, 0] ** 2 + vel[i, 1] ** 2 + vel[i, 2] ** 2)
        for j in range(i + 1, n):
            dx = pos[i, 0] - pos[j, 0]
            dy = pos[i, 1] - pos[j, 1]
            dz = pos[i, 2] - pos[j, 2]
            e -= mass[i] * mass[j] / sqrt(dx * dx + dy * dy + dz * dz)
    return e


if __name__ == "__main__":
    rng = np.random.default_rng(1)
    pos = rng.random((5, 3))
    vel = np.zeros((5, 3))
    mass = np.ones(5)
    for _ in range(10):
        step(pos, vel, mass, 0.01)
    print(energy(pos, vel, mass))
