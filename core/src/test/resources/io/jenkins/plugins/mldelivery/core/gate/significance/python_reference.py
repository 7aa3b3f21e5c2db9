"""Reference values for the gate's statistics, computed outside the project with the versions pinned
in scripts/requirements-test.txt and examples/credit-risk/requirements.txt (statsmodels 0.15.0,
SciPy 1.17.1, scikit-learn 1.9.1, NumPy 2.4.6). Run from this directory:
    ../../../../../../../../../../.venv/bin/python python_reference.py
The tests quote the lines this prints beside the values they check.
"""
import csv

import numpy as np
from scipy import stats
from sklearn import metrics as skm
from statsmodels.stats.contingency_tables import mcnemar
from statsmodels.stats.multitest import multipletests


def read(path):
    with open(path) as f:
        return {row["id"]: row for row in csv.DictReader(f)}


new, old = read("challenger.csv"), read("champion.csv")
ids = list(new)
y = np.array([int(new[i]["label"]) for i in ids])
pn = np.array([int(new[i]["prediction"]) for i in ids])
po = np.array([int(old[i]["prediction"]) for i in ids])
sn = np.array([float(new[i]["probability"]) for i in ids])
so = np.array([float(old[i]["probability"]) for i in ids])
ln = np.array([float(new[i]["latency_ms"]) for i in ids])
female = np.array([new[i]["gender"] == "F" for i in ids])

print("# metrics of challenger.csv (sklearn, numpy)")
for name, value in [("accuracy", skm.accuracy_score(y, pn)), ("precision", skm.precision_score(y, pn, zero_division=0)),
                    ("recall", skm.recall_score(y, pn)), ("f1", skm.f1_score(y, pn)), ("roc_auc", skm.roc_auc_score(y, sn)),
                    ("logloss", skm.log_loss(y, sn)), ("brier", skm.brier_score_loss(y, sn)),
                    ("latency_mean_ms", ln.mean()), ("latency_p50_ms", np.percentile(ln, 50)),
                    ("latency_p95_ms", np.percentile(ln, 95)), ("latency_p99_ms", np.percentile(ln, 99)),
                    ("f1[gender=F]", skm.f1_score(y[female], pn[female]))]:
    print(f"{name} {value!r}")

b = int(np.sum((pn == y) & (po != y)))
c = int(np.sum((po == y) & (pn != y)))
print(f"# McNemar on the files: b={b} c={c}")
for b_, c_ in [(b, c), (3, 9), (0, 0), (5, 5), (12, 12), (40, 20), (180, 120), (7, 0)]:
    for exact, correction in [(True, True), (False, True), (False, False)]:
        r = mcnemar([[0, b_], [c_, 0]], exact=exact, correction=correction)
        print(f"mcnemar b={b_} c={c_} exact={exact} correction={correction}: statistic={r.statistic!r} pvalue={r.pvalue!r}")

print("# Holm (statsmodels multipletests method='holm')")
for p in [[0.01, 0.04, 0.03, 0.005], [0.2, 0.01, 0.04, 0.04, 0.5], [0.03]]:
    print(f"holm {p} -> {list(multipletests(p, method='holm')[1])}")

print("# paired percentile bootstrap (scipy.stats.bootstrap, 100000 resamples, seed 7)")


def f1_diff(i, axis=-1):
    i = np.asarray(i, dtype=int)
    return np.array([skm.f1_score(y[k], pn[k]) - skm.f1_score(y[k], po[k]) for k in np.atleast_2d(i)])


def acc_diff(i, axis=-1):
    i = np.asarray(i, dtype=int)
    return np.mean(pn[i] == y[i], axis=axis) - np.mean(po[i] == y[i], axis=axis)


def logloss_ratio_diff(i, axis=-1):
    i = np.asarray(i, dtype=int)
    return np.array([skm.log_loss(y[k], sn[k], labels=[0, 1]) - 1.02 * skm.log_loss(y[k], so[k], labels=[0, 1])
                     for k in np.atleast_2d(i)])


index = np.arange(len(y))
for name, statistic, resamples in [("accuracy", acc_diff, 100000), ("f1", f1_diff, 20000),
                                   ("logloss - 1.02 champion", logloss_ratio_diff, 20000)]:
    r = stats.bootstrap((index,), statistic, n_resamples=resamples, method="percentile", confidence_level=0.95,
                        vectorized=name == "accuracy", rng=np.random.default_rng(7))
    print(f"bootstrap {name} ({resamples} resamples): ci95=({r.confidence_interval.low!r}, {r.confidence_interval.high!r})"
          f" standard_error={r.standard_error!r}")
