"""Writes a synthetic credit-risk dataset: a training set, a fresh sample from the same
population, and a later batch whose population has drifted in the ways the README documents.

Every value comes from a seeded numpy generator, so the same seed writes the same bytes.
The label follows a known logistic relation (see default_logit), so a good model has a
ceiling we know and the drifted batch changes the features, not that relation.

    python generate_data.py --out data [--seed 7] [--rows 24000] [--batch-rows 6000] [--parquet]

--parquet also writes a Parquet copy of each file (train.parquet, ...; snappy, with pyarrow): the
same rows and values, read back from the CSV file with column types inferred by pyarrow, so that
teams that keep their data in Parquet see the same profile and the same verdicts.
"""
import argparse
import csv
import os
import sys

import numpy as np

COLUMNS = ["id", "age", "gender", "region", "employment_type", "years_employed", "income",
           "loan_amount", "debt_ratio", "credit_history_months", "late_payments", "label"]
REGIONS = ["north", "south", "east", "west"]
REGION_SHARE = [0.30, 0.25, 0.25, 0.20]
REGION_LOG_INCOME = {"north": 0.10, "south": -0.12, "east": 0.0, "west": 0.05}
REGION_RISK = {"north": -0.15, "south": 0.40, "east": 0.0, "west": -0.10}
EMPLOYMENT = ["salaried", "self_employed", "contract", "unemployed"]
EMPLOYMENT_LOG_INCOME = {"salaried": 0.0, "self_employed": 0.05, "contract": -0.15, "unemployed": -0.9}
EMPLOYMENT_RISK = {"salaried": 0.0, "self_employed": 0.6, "contract": 0.9, "unemployed": 2.0}
# Employment mix by age band (young, middle, older), in EMPLOYMENT order.
EMPLOYMENT_SHARE = {"young": [0.55, 0.08, 0.30, 0.07], "middle": [0.68, 0.14, 0.13, 0.05],
                    "older": [0.60, 0.25, 0.09, 0.06]}
# The drifted batch: a tenth of every age band's applicants move from salaried to contract work.
EMPLOYMENT_DRIFT = 0.12


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def default_logit(age, region, employment, years_employed, income, loan_amount, debt_ratio,
                  history_months, late_payments):
    """The true log-odds of default; gender is deliberately absent."""
    region_risk = np.array([REGION_RISK[r] for r in region])
    employment_risk = np.array([EMPLOYMENT_RISK[e] for e in employment])
    return (-3.4
            + 6.5 * (debt_ratio - 0.3)
            + 7.5 * np.maximum(debt_ratio - 0.5, 0.0)   # risk climbs faster above a ratio of 0.5
            + 1.5 * (np.log(loan_amount / income) + 1.0)
            + 1.0 * late_payments
            - 1.9 * (np.log(income) - 10.9)
            - 0.08 * (years_employed - 5.0)
            - 0.025 * (age - 40.0)
            - 0.005 * (history_months - 150.0)
            + employment_risk + region_risk)


def sample(rng, n, drifted):
    gender = rng.choice(["F", "M"], size=n, p=[0.48, 0.52])
    age = np.clip(np.rint(rng.normal(42.0, 12.0, size=n)), 21, 75).astype(int)
    region = rng.choice(REGIONS, size=n, p=REGION_SHARE)

    band = np.where(age < 30, "young", np.where(age <= 55, "middle", "older"))
    employment = np.empty(n, dtype=object)
    for name, share in EMPLOYMENT_SHARE.items():
        share = list(share)
        if drifted:
            share[0] -= EMPLOYMENT_DRIFT
            share[2] += EMPLOYMENT_DRIFT
        rows = band == name
        employment[rows] = rng.choice(EMPLOYMENT, size=int(rows.sum()), p=share)

    working_years = age - 18
    years_employed = np.where(employment == "unemployed", 0.0,
                              np.round(working_years * rng.beta(2.0, 3.0, size=n), 1))

    log_income = (10.55 + 0.035 * (age - 21) - 0.00045 * (age - 21) ** 2
                  + np.array([REGION_LOG_INCOME[r] for r in region])
                  + np.array([EMPLOYMENT_LOG_INCOME[e] for e in employment])
                  - 0.06 * (gender == "F")
                  + rng.normal(0.0, 0.35, size=n))
    if drifted:
        log_income += np.log(0.85)  # incomes fall by 15%
    income = np.round(np.exp(log_income), -1)

    loan_amount = np.maximum(500.0, np.round(np.exp(np.log(income) - 1.0 + rng.normal(0.0, 0.45, size=n)), -2))

    risky_work = np.isin(employment, ["contract", "unemployed"])
    if drifted:
        debt_ratio = rng.beta(2.8, 4.6, size=n)  # mean 0.378 instead of 0.306
    else:
        debt_ratio = rng.beta(2.2, 5.0, size=n)
    debt_ratio = np.round(np.minimum(0.95, debt_ratio + 0.08 * risky_work), 3)

    history_months = np.rint(working_years * 12 * rng.beta(5.0, 2.0, size=n)).astype(int)
    late_payments = rng.poisson(0.25 + 1.6 * debt_ratio + 0.5 * (employment == "unemployed"))

    logit = default_logit(age, region, employment, years_employed, income, loan_amount, debt_ratio,
                          history_months, late_payments)
    label = (rng.random(size=n) < sigmoid(logit)).astype(int)

    income_text = np.array([f"{v:.0f}" for v in income], dtype=object)
    if drifted:
        income_text[rng.random(size=n) < 0.015] = ""  # a new upstream form leaves income blank
    return {"age": age, "gender": gender, "region": region, "employment_type": employment,
            "years_employed": years_employed, "income": income_text, "loan_amount": loan_amount,
            "debt_ratio": debt_ratio, "credit_history_months": history_months,
            "late_payments": late_payments, "label": label}


def write(path, columns, first_id):
    n = len(columns["label"])
    temp = path + ".tmp"
    with open(temp, "w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(COLUMNS)
        for i in range(n):
            writer.writerow([first_id + i, columns["age"][i], columns["gender"][i], columns["region"][i],
                             columns["employment_type"][i], f"{columns['years_employed'][i]:.1f}",
                             columns["income"][i], f"{columns['loan_amount'][i]:.0f}",
                             f"{columns['debt_ratio'][i]:.3f}", columns["credit_history_months"][i],
                             columns["late_payments"][i], columns["label"][i]])
    os.replace(temp, path)
    return n, float(np.mean(columns["label"]))


def write_parquet(csv_path):
    import pyarrow.csv as pacsv
    import pyarrow.parquet as pq
    path = csv_path[:-len(".csv")] + ".parquet"
    temp = path + ".tmp"
    pq.write_table(pacsv.read_csv(csv_path), temp, compression="snappy")
    os.replace(temp, path)
    return path


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default="data", help="directory to write train.csv, holdout.csv, batch.csv")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--rows", type=int, default=24000, help="rows of train.csv (at least 20000 for the demo)")
    parser.add_argument("--batch-rows", type=int, default=6000, help="rows of holdout.csv and of batch.csv")
    parser.add_argument("--parquet", action="store_true", help="also write a Parquet copy of each file (needs pyarrow)")
    args = parser.parse_args()
    if args.rows <= 0 or args.batch_rows <= 0:
        sys.exit("generate_data.py: --rows and --batch-rows must be positive")
    os.makedirs(args.out, exist_ok=True)
    # Independent streams per file, so changing --batch-rows leaves train.csv unchanged.
    train_rng, holdout_rng, batch_rng = (np.random.default_rng(s) for s in np.random.SeedSequence(args.seed).spawn(3))
    files = [("train.csv", sample(train_rng, args.rows, False), 1),
             ("holdout.csv", sample(holdout_rng, args.batch_rows, False), 1_000_001),
             ("batch.csv", sample(batch_rng, args.batch_rows, True), 2_000_001)]
    for name, columns, first_id in files:
        rows, default_rate = write(os.path.join(args.out, name), columns, first_id)
        print(f"{os.path.join(args.out, name)}: {rows} rows, default rate {default_rate:.3f}")
        if args.parquet:
            print(f"{write_parquet(os.path.join(args.out, name))}: the same rows as Parquet")


if __name__ == "__main__":
    main()
