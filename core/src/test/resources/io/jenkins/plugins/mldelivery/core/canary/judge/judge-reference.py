"""Reference values for the canary judge's statistics, computed outside the project.

Run from the repository root:
    .venv/bin/python core/src/test/resources/io/jenkins/plugins/mldelivery/core/canary/judge/judge-reference.py \
        > core/src/test/resources/io/jenkins/plugins/mldelivery/core/canary/judge/judge-reference.json

scipy 1.17.1, statsmodels 0.15.0, numpy 2.4.6 (scripts/requirements-test.txt).
"""
import json
import math

import numpy as np
from scipy import stats
from scipy.optimize import brentq
from statsmodels.stats.proportion import proportions_ztest

rng = np.random.default_rng(20260801)


def hodges_lehmann(c, s, confidence):
    """Median of all pairwise differences c_i - s_j and the order-statistic interval
    [D(C), D(mn+1-C)] with C = floor(mn/2 - z sqrt(mn(m+n+1)/12)) (Hollander, Wolfe & Chicken 4.3)."""
    d = np.sort(np.subtract.outer(np.asarray(c), np.asarray(s)).ravel())
    m, n = len(c), len(s)
    z = stats.norm.ppf(1 - (1 - confidence) / 2)
    k = math.floor(m * n / 2 - z * math.sqrt(m * n * (m + n + 1) / 12))
    lower = float(d[k - 1]) if k >= 1 else None
    upper = float(d[m * n - k]) if k >= 1 else None
    return float(np.median(d)), lower, upper


samples = {
    "normal-shift": (rng.normal(10.5, 2, 40), rng.normal(10, 2, 55)),
    "ties": (np.round(rng.normal(3, 1, 60)), np.round(rng.normal(3.4, 1, 50))),
    "small": (np.array([1.1, 2.4, 3.9, 0.7, 5.2]), np.array([0.4, 1.9, 2.2, 0.1, 1.5, 3.3])),
    "zero-heavy": (np.array([0.0] * 45 + [0.02] * 5), np.array([0.0] * 48 + [0.01] * 2)),
    "spread": (rng.normal(100, 30, 200), rng.normal(100, 10, 200)),
    "lognormal-large": (rng.lognormal(3, 0.5, 3000), rng.lognormal(3.02, 0.5, 2500)),
}

mann_whitney = []
for name, (c, s) in samples.items():
    greater = stats.mannwhitneyu(c, s, alternative="greater", method="asymptotic", use_continuity=False)
    two = stats.mannwhitneyu(c, s, alternative="two-sided", method="asymptotic", use_continuity=False)
    estimate, lower, upper = hodges_lehmann(c, s, 0.95)
    levene = stats.levene(c, s, center="median")
    mann_whitney.append({
        "name": name, "canary": c.tolist(), "stable": s.tolist(),
        "u": float(greater.statistic), "pGreater": float(greater.pvalue), "pTwoSided": float(two.pvalue),
        "hlEstimate": estimate, "hlLower": lower, "hlUpper": upper,
        "leveneW": float(levene.statistic), "leveneP": float(levene.pvalue),
    })

proportions = []
# at least 100 expected counts in every cell: the pooled z test
for xc, nc, xs, ns in [(330, 10000, 150, 10000), (1200, 50000, 1000, 50000), (2900, 5000, 2500, 5000)]:
    z, p = proportions_ztest([xc, xs], [nc, ns], alternative="larger")
    proportions.append({"canaryEvents": xc, "canaryTrials": nc, "stableEvents": xs, "stableTrials": ns,
                        "exact": False, "z": float(z), "pGreater": float(p)})
# fewer: Fisher's exact conditional test with Lancaster's mid-p, the canary's events being
# hypergeometric given all events: mid-p = P(X > x) + P(X = x) / 2, z = Phi^-1(1 - mid-p)
for xc, nc, xs, ns in [(30, 1000, 15, 1000), (3, 250, 40, 4750), (0, 50, 1, 950), (9, 50, 9, 950), (14, 500, 95, 9500),
                       (2, 100, 60, 9900)]:
    total, events = nc + ns, xc + xs
    mid_p = stats.hypergeom.sf(xc, total, events, nc) + 0.5 * stats.hypergeom.pmf(xc, total, events, nc)
    proportions.append({"canaryEvents": xc, "canaryTrials": nc, "stableEvents": xs, "stableTrials": ns,
                        "exact": True, "z": float(stats.norm.isf(mid_p)), "pGreater": float(mid_p)})


def spend(alpha, t, function="obrien-fleming"):
    """Lan-DeMets spending: O'Brien-Fleming type (gsDesign sfLDOF) or Pocock type (sfLDPocock)."""
    t = min(1.0, t)
    if function == "pocock":
        return alpha * math.log(1 + (math.e - 1) * t)
    return 2 * stats.norm.sf(stats.norm.isf(alpha / 2) / math.sqrt(t))


def boundaries(information, fractions, alpha, two_sided, function="obrien-fleming"):
    """Solves each critical value so that P(first crossing at look k) = alpha(t_k) - alpha(t_k-1),
    with the canonical joint distribution Corr(Z_j, Z_k) = sqrt(I_j / I_k), using scipy's
    multivariate normal CDF (Genz) on rectangles."""
    k_max = len(information)
    cov = np.array([[math.sqrt(min(a, b) / max(a, b)) for b in information] for a in information])
    critical = []
    spent_before = 0.0
    for k in range(k_max):
        t = 1.0 if k == k_max - 1 else fractions[k]
        spent = spend(alpha, t, function)
        target = spent - spent_before

        def continue_probability(bounds):
            dist = stats.multivariate_normal(mean=np.zeros(len(bounds)), cov=cov[:len(bounds), :len(bounds)],
                                             maxpts=2_000_000, abseps=1e-9, releps=1e-9, seed=1)
            upper = np.array(bounds)
            lower = -upper if two_sided else np.full(len(bounds), -np.inf)
            return dist.cdf(upper, lower_limit=lower)

        if k == 0:
            # exact, and accurate far into the tail where a numerical CDF is not
            critical.append(float(stats.norm.isf(target / 2 if two_sided else target)))
            spent_before = spent
            continue
        before = continue_probability(critical)
        c = brentq(lambda x: before - continue_probability(critical + [x]) - target, 0.5, 12, xtol=1e-8)
        critical.append(float(c))
        spent_before = spent
    return critical


designs = []
for information, fractions, alpha, two_sided, function in [
    ([1, 2, 3], [1 / 3, 2 / 3, 1], 0.025, False, "obrien-fleming"),
    ([0.05, 0.30, 0.55, 1.0], [0.05, 0.30, 0.55, 1.0], 0.05, False, "obrien-fleming"),
    ([10, 45, 100], [0.12, 0.5, 1.0], 0.05, True, "obrien-fleming"),
    ([4, 9], [0.3, 1.0], 0.01, False, "obrien-fleming"),
    ([1, 2, 3], [1 / 3, 2 / 3, 1], 0.025, False, "pocock"),
    ([0.1, 0.4, 1.0], [0.1, 0.4, 1.0], 0.05, True, "pocock"),
]:
    designs.append({"information": information, "fractions": fractions, "alpha": alpha, "twoSided": two_sided,
                    "spending": function, "critical": boundaries(information, fractions, alpha, two_sided, function)})

print(json.dumps({
    "command": ".venv/bin/python core/src/test/resources/io/jenkins/plugins/mldelivery/core/canary/judge/judge-reference.py",
    "mannWhitney": mann_whitney, "proportions": proportions, "boundaries": designs,
}, indent=1))
