#!/usr/bin/env python3
"""Reference values for the drift statistics, computed with SciPy, NumPy and statsmodels.

Regenerate from the repository root (after scripts/python-env):

    .venv/bin/python core/src/test/resources/io/jenkins/plugins/mldelivery/core/drift/scipy_reference.py \
        > core/src/test/resources/io/jenkins/plugins/mldelivery/core/drift/scipy-reference.json

Samples are not stored: both this script and the Java tests (ReferenceSamples.java) draw them
from the same counter-based generator (SplitMix64), so the inputs are bit-identical on both sides.
A sample spec {"seed", "n", "shift", "scale", "decimals"} means: value k is
(u[12k] + ... + u[12k+11] - 6) * scale + shift, summed left to right (Irwin-Hall, close to a
standard normal), then floor(value * 10**decimals) / 10**decimals when decimals is given (ties).
u[i] = (splitmix64(seed + (i + 1) * 0x9E3779B97F4A7C15) >> 11) * 2**-53.
"""
import json
import sys
import warnings

import numpy as np
import scipy
import statsmodels
from scipy import stats
from scipy.spatial import distance
from statsmodels.stats.multitest import multipletests

M64 = (1 << 64) - 1
GOLDEN = np.uint64(0x9E3779B97F4A7C15)


def uniforms(seed, count):
    """SplitMix64 outputs seed + i*golden for i = 1..count, as doubles in [0, 1)."""
    with np.errstate(over="ignore"):
        i = np.arange(1, count + 1, dtype=np.uint64)
        z = np.uint64(seed) + i * GOLDEN
        z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
        z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
        z = z ^ (z >> np.uint64(31))
    return (z >> np.uint64(11)).astype(np.float64) * 2.0 ** -53


def sample(spec):
    n = spec["n"]
    u = uniforms(spec["seed"], 12 * n).reshape(n, 12)
    s = np.zeros(n)
    for j in range(12):  # left to right, as the Java side sums
        s = s + u[:, j]
    v = (s - 6.0) * spec.get("scale", 1.0) + spec.get("shift", 0.0)
    if spec.get("decimals") is not None:
        f = 10.0 ** spec["decimals"]
        v = np.floor(v * f) / f
    return v


def spec(seed, n, shift=0.0, scale=1.0, decimals=None):
    return {"seed": seed, "n": n, "shift": shift, "scale": scale, "decimals": decimals}


def ks_cases():
    pairs = [
        ("tiny, unequal sizes", spec(1, 8), spec(2, 7, shift=0.5)),
        ("equal sizes, half-sigma shift", spec(3, 50), spec(4, 50, shift=0.5)),
        ("equal sizes, identical distributions", spec(5, 400), spec(6, 400)),
        ("heavy ties (integers)", spec(7, 100, decimals=0), spec(8, 80, shift=0.3, decimals=0)),
        ("ties at one decimal, quarter-sigma shift", spec(9, 300, decimals=1), spec(10, 200, shift=0.25, decimals=1)),
        ("variance change", spec(11, 1000), spec(12, 1500, scale=1.3)),
        ("tenth-sigma shift", spec(13, 3000), spec(14, 2500, shift=0.1)),
        ("large p-value, unequal sizes", spec(15, 997), spec(16, 1013)),
        ("tiny p-value", spec(17, 600), spec(18, 700, shift=1.0)),
        ("above the exact limit (auto is asymptotic)", spec(19, 12000), spec(20, 11000, shift=0.05)),
        ("p-value below 1e-300", spec(51, 2000), spec(52, 1500, shift=2.0)),
    ]
    out = []
    for name, a, b in pairs:
        x, y = sample(a), sample(b)
        case = {"name": name, "reference": a, "current": b}
        for method in ("exact", "asymp", "auto"):
            if method == "exact" and max(a["n"], b["n"]) > 10000:
                continue
            with warnings.catch_warnings():
                warnings.simplefilter("error")  # a silent switch to asymp would make the value wrong
                r = stats.ks_2samp(x, y, alternative="two-sided", method=method)
            case[method] = {"statistic": float(r.statistic), "pValue": float(r.pvalue)}
        out.append(case)
    return out


def sketch_cases():
    """Large samples the Java test summarises with KLL sketches: the exact D and W1 they must bound."""
    pairs = [
        ("no change", spec(41, 100000), spec(42, 120000)),
        ("tenth-sigma shift", spec(43, 200000), spec(44, 150000, shift=0.1)),
        ("quarter-sigma shift", spec(45, 150000), spec(46, 150000, shift=0.25)),
        ("variance change with ties", spec(47, 250000, decimals=2), spec(48, 100000, scale=1.2, decimals=2)),
    ]
    out = []
    for name, a, b in pairs:
        x, y = sample(a), sample(b)
        r = stats.ks_2samp(x, y, method="asymp")
        out.append({"name": name, "reference": a, "current": b, "statistic": float(r.statistic),
                    "pValue": float(r.pvalue), "wasserstein": float(stats.wasserstein_distance(x, y))})
    return out


def kstwo_cases():
    out = []
    for n in (5, 20, 100, 140, 141, 500, 2000, 10000, 100000):
        for nx2 in (0.005, 0.02, 0.04, 0.06, 0.1, 0.5, 0.7, 0.76, 1.0, 1.5, 2.1, 2.3, 3.0, 3.9, 4.1, 6.0, 10.0, 30.0):
            x = float(np.sqrt(nx2 / n))
            if x < 1.0:
                out.append({"n": n, "x": x, "sf": float(stats.kstwo.sf(x, n))})
        for t in (0.7, 0.95):  # Ruben-Gambino region 1/(2n) < x <= 1/n
            out.append({"n": n, "x": t / n, "sf": float(stats.kstwo.sf(t / n, n))})
    # One point with a million: SciPy's own Smirnov tail costs about a second there.
    out.append({"n": 1000000, "x": 0.0017320508075688774, "sf": float(stats.kstwo.sf(0.0017320508075688774, 1000000))})
    for n, x in ((5, 0.85), (20, 0.97), (20, 0.55)):  # x >= 1 - 1/n and x >= 0.5
        out.append({"n": n, "x": x, "sf": float(stats.kstwo.sf(x, n))})
    return out


def wasserstein_cases():
    pairs = [
        ("small", spec(21, 10), spec(22, 13, shift=0.4)),
        ("ties", spec(23, 500, decimals=1), spec(24, 300, shift=0.2, decimals=1)),
        ("half-sigma shift", spec(25, 2000), spec(26, 2000, shift=0.5)),
        ("variance change", spec(27, 1500, scale=2.0, shift=3.0), spec(28, 1700, scale=3.0, shift=3.0)),
    ]
    out = []
    for name, a, b in pairs:
        x, y = sample(a), sample(b)
        out.append({"name": name, "reference": a, "current": b,
                    "distance": float(stats.wasserstein_distance(x, y)),
                    "referenceStd": float(np.std(x))})
    return out


def psi(ref_fractions, cur_fractions, epsilon):
    r = np.where(ref_fractions == 0, epsilon, ref_fractions)
    c = np.where(cur_fractions == 0, epsilon, cur_fractions)
    return float(np.sum((c - r) * np.log(c / r)))


def numeric_psi_cases(bins=10, epsilon=1e-4):
    pairs = [
        ("identical distribution", spec(31, 5000), spec(32, 4000)),
        ("half-sigma shift", spec(33, 5000), spec(34, 4000, shift=0.5)),
        ("ties collapse bins", spec(35, 1000, decimals=0), spec(36, 1200, shift=0.3, decimals=0)),
        ("current outside the reference range", spec(37, 800), spec(38, 600, shift=8.0)),
    ]
    out = []
    for name, a, b in pairs:
        x, y = np.sort(sample(a)), sample(b)
        n = len(x)
        # Reference quantile edges by the inverted CDF: the smallest value whose rank reaches i/bins.
        edges = np.unique([x[-(-i * n // bins) - 1] for i in range(1, bins)])
        # Bins (-inf, e1], (e1, e2], ..., (e_last, inf): a value's bin is the number of edges below it.
        ref = np.bincount(np.searchsorted(edges, x, side="left"), minlength=len(edges) + 1) / n
        cur = np.bincount(np.searchsorted(edges, y, side="left"), minlength=len(edges) + 1) / len(y)
        out.append({"name": name, "reference": a, "current": b, "bins": bins, "epsilon": epsilon,
                    "edges": edges.tolist(), "psi": psi(ref, cur, epsilon)})
    return out


def categorical_cases(epsilon=1e-4):
    tables = [
        ("three categories, small shift", [500, 300, 200], [450, 330, 220]),
        ("one degree of freedom", [120, 80], [90, 110]),
        ("category only in current", [40, 60, 0], [35, 50, 15]),
        ("large counts, negligible change", [400000, 350000, 250000], [401500, 349000, 249500]),
        ("many categories", [50, 40, 30, 20, 10, 5, 3, 2], [20, 30, 40, 50, 10, 6, 2, 1]),
        ("10 points between the two largest of 40/30/20/10", [4000, 3000, 2000, 1000], [3000, 4000, 2000, 1000]),
        ("15 points between the two largest of 40/30/20/10", [4000, 3000, 2000, 1000], [2500, 4500, 2000, 1000]),
        ("binary 50/50 against 60/40", [5000, 5000], [6000, 4000]),
        ("disjoint", [10, 0], [0, 10]),
    ]
    out = []
    for name, ref, cur in tables:
        r = stats.chi2_contingency(np.array([ref, cur]), correction=False)
        rf = np.array(ref) / sum(ref)
        cf = np.array(cur) / sum(cur)
        out.append({"name": name, "reference": ref, "current": cur,
                    "chiSquared": float(r.statistic), "pValue": float(r.pvalue), "dof": int(r.dof),
                    # natural logarithm: SciPy's default base and Evidently's scale (docs/drift.md)
                    "jensenShannon": float(distance.jensenshannon(ref, cur, base=np.e)),
                    "psi": psi(rf, cf, epsilon), "epsilon": epsilon})
    return out


def correction_cases():
    p = [0.001, 0.008, 0.039, 0.041, 0.042, 0.06, 0.074, 0.205, 0.212, 0.216, 0.5, 0.9, 1.0, 0.0]
    return {"pValues": p,
            "benjaminiHochberg": multipletests(p, method="fdr_bh")[1].tolist(),
            "bonferroni": multipletests(p, method="bonferroni")[1].tolist()}


def main():
    result = {
        "generatedBy": "core/src/test/resources/io/jenkins/plugins/mldelivery/core/drift/scipy_reference.py",
        "versions": {"python": sys.version.split()[0], "numpy": np.__version__, "scipy": scipy.__version__,
                     "statsmodels": statsmodels.__version__},
        "ks": ks_cases(),
        "kstwo": kstwo_cases(),
        "sketch": sketch_cases(),
        "wasserstein": wasserstein_cases(),
        "numericPsi": numeric_psi_cases(),
        "categorical": categorical_cases(),
        "correction": correction_cases(),
    }
    json.dump(result, sys.stdout, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
