"""Writes run/validate.json, the validate result the report tests read, with drift statistics
computed by SciPy/statsmodels on seeded synthetic credit-risk data (a reference of 20000 rows,
a current batch of 5000 rows in which income, debt_ratio and employment_type have shifted).

    .venv/bin/python core/src/test/resources/io/jenkins/plugins/mldelivery/core/report/make_validate_fixture.py

Numeric features: two-sample KS test (scipy.stats.ks_2samp, method "ks-asymp"), effect size =
Wasserstein distance (scipy.stats.wasserstein_distance) / reference standard deviation, threshold
0.1. Categorical: chi-square test of homogeneity (scipy.stats.chi2_contingency, "chi-squared"),
effect size = PSI, threshold 0.1. P-values adjusted with Benjamini-Hochberg (statsmodels
multipletests 'fdr_bh'). A feature drifts when its adjusted p-value is below 0.05 and its effect
size exceeds its threshold. Histograms are on shared bins, as shares of each side: the reference's
deciles (outer edges widened to both samples' range) for numbers, the categories for categories.
Field names follow the drift branch's DriftReport/ColumnDrift/SharedHistogram JSON.
"""
import json
import pathlib

import numpy as np
from scipy import stats
from statsmodels.stats.multitest import multipletests

rng = np.random.default_rng(20261125)
N_REF, N_CUR = 20000, 5000


def numeric(ref, cur, decimals=2):
    return np.round(ref, decimals), np.round(cur, decimals)


features = {
    "age": numeric(rng.normal(42, 12, N_REF).clip(18, 90), rng.normal(42.3, 12, N_CUR).clip(18, 90), 0),
    "years_employed": numeric(rng.exponential(8, N_REF), rng.exponential(8, N_CUR), 1),
    "income": numeric(rng.lognormal(11.0, 0.5, N_REF), rng.lognormal(11.12, 0.5, N_CUR), 0),
    "loan_amount": numeric(rng.lognormal(10.0, 0.6, N_REF), rng.lognormal(10.0, 0.6, N_CUR), -2),
    "debt_ratio": numeric(rng.beta(2, 5, N_REF), rng.beta(2.6, 5, N_CUR), 3),
    "credit_history_months": numeric(rng.normal(180, 80, N_REF).clip(0), rng.normal(182, 80, N_CUR).clip(0), 0),
    "late_payments": (rng.poisson(0.8, N_REF).astype(float), rng.poisson(0.86, N_CUR).astype(float)),
}
categorical = {
    "gender": (rng.choice(["F", "M"], N_REF, p=[0.48, 0.52]), rng.choice(["F", "M"], N_CUR, p=[0.49, 0.51])),
    "region": (rng.choice(["east", "north", "south", "west"], N_REF, p=[0.25, 0.25, 0.25, 0.25]),
               rng.choice(["east", "north", "south", "west"], N_CUR, p=[0.24, 0.25, 0.25, 0.26])),
    "employment_type": (rng.choice(["salaried", "self_employed", "unemployed"], N_REF, p=[0.7, 0.2, 0.1]),
                        rng.choice(["salaried", "self_employed", "unemployed"], N_CUR, p=[0.58, 0.26, 0.16])),
}

columns = []
for name, (ref, cur) in features.items():
    ks = stats.ks_2samp(ref, cur)
    effect = stats.wasserstein_distance(ref, cur) / np.std(ref, ddof=1)
    edges = np.quantile(ref, np.linspace(0, 1, 11))
    edges[0], edges[-1] = min(ref.min(), cur.min()), max(ref.max(), cur.max())
    edges = np.unique(edges)
    ref_hist, cur_hist = np.histogram(ref, edges)[0], np.histogram(cur, edges)[0]
    columns.append({"name": name, "type": "numeric", "compared": True, "method": "ks-asymp",
                    "statistic": float(ks.statistic), "pValue": float(ks.pvalue),
                    "effectMeasure": "wasserstein", "effectSize": float(effect), "threshold": 0.1,
                    "histogram": {"binning": "reference-quantile", "edges": [float(e) for e in edges], "categories": [],
                                  "reference": [float(c) for c in ref_hist / ref_hist.sum()],
                                  "current": [float(c) for c in cur_hist / cur_hist.sum()]}})
for name, (ref, cur) in categorical.items():
    categories = sorted(set(ref) | set(cur))
    ref_counts = np.array([np.sum(ref == c) for c in categories])
    cur_counts = np.array([np.sum(cur == c) for c in categories])
    chi2 = stats.chi2_contingency(np.vstack([ref_counts, cur_counts]))
    p, q = ref_counts / ref_counts.sum(), cur_counts / cur_counts.sum()
    psi = float(np.sum((q - p) * np.log(q / p)))
    columns.append({"name": name, "type": "categorical", "compared": True, "method": "chi-squared",
                    "statistic": float(chi2.statistic), "pValue": float(chi2.pvalue),
                    "effectMeasure": "psi", "effectSize": psi, "threshold": 0.1,
                    "histogram": {"binning": "categories", "edges": [], "categories": categories,
                                  "reference": [float(c) for c in p], "current": [float(c) for c in q]}})

missing = {"age": 0, "years_employed": 38, "income": 61, "loan_amount": 0, "debt_ratio": 12,
           "credit_history_months": 0, "late_payments": 0, "gender": 0, "region": 4, "employment_type": 140}
adjusted = multipletests([c["pValue"] for c in columns], method="fdr_bh")[1]
for column, p_adj in zip(columns, adjusted):
    column["pValueAdjusted"] = float(p_adj)
    significant, large = p_adj < 0.05, column["effectSize"] > column["threshold"]
    column["drifted"] = bool(significant and large)
    column["reason"] = (f"adjusted p {p_adj:.3g} {'<' if significant else '>='} 0.05 and "
                        f"{column['effectMeasure']} {column['effectSize']:.3g} {'>' if large else '<='} threshold 0.1")
    column["reference"] = {"present": N_REF - missing[column["name"]] // 4, "missing": missing[column["name"]] // 4}
    column["current"] = {"present": N_CUR - missing[column["name"]], "missing": missing[column["name"]]}
    column["histogram"] = column.pop("histogram")  # keep the contract's fields first
drifted = sum(c["drifted"] for c in columns)
result = {
    "step": "validate",
    "status": "WARNING",
    "timing": {"startedAt": "2026-11-25T10:00:00Z", "finishedAt": "2026-11-25T10:00:02.412Z", "durationMillis": 2412},
    "inputs": [
        {"path": "data/batch.csv", "bytes": 312507, "sha256": "4f1c1b0c6a3e2d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f9a8b7c6d5e"},
        {"path": "data/train.csv", "bytes": 1250310, "sha256": "9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f9a8b"},
        {"path": "schema.json", "bytes": 1804, "sha256": "0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e"}],
    "rows": N_CUR,
    "violations": [
        {"column": "income", "rule": "minimum", "expected": ">= 0", "found": -1200, "rows": [18, 2312]},
        {"column": "debt_ratio", "rule": "maximum", "expected": "<= 1", "found": 1.37,
         "rows": [5, 77, 301, 415, 902, 1288, 1710, 2044, 3120, 3391, 4020, 4877]}],
    "drift": {"datasetDrift": drifted / len(columns) >= 0.5, "driftedShare": drifted / len(columns),
              "driftedColumns": drifted, "comparedColumns": len(columns), "datasetDriftShare": 0.5, "alpha": 0.05,
              "correction": "benjamini-hochberg", "rule": "significant-and-large",
              "reason": f"{drifted} of {len(columns)} columns drifted, below the dataset share 0.5",
              "columns": columns},
}
out = pathlib.Path(__file__).parent / "run" / "validate.json"
out.write_text(json.dumps(result, indent=2) + "\n")
print(f"wrote {out}: {drifted} of {len(columns)} features drifted")
