# Writes the data of the worked example in docs/validate.md: python make_data.py (NumPy, seeded).
import numpy as np, csv, datetime as dt
def rows(seed, n, first_id, shift=0.0, missing=0.01, pandas=False):
    r = np.random.default_rng(seed)
    age = np.clip(np.rint(r.normal(45, 12, n)), 18, 90).astype(int)
    income = np.round(np.exp(r.normal(10.5 + shift, 0.5, n)), 2)
    segment = r.choice(["retail", "premium", "student"], n, p=[0.6, 0.25, 0.15])
    signup = [dt.date(2023, 1, 1) + dt.timedelta(days=int(d)) for d in r.integers(0, 365, n)]
    defaulted = r.random(n) < 0.2
    out = []
    for i in range(n):
        inc = "" if r.random() < missing else f"{income[i]}"
        flag = ("True" if defaulted[i] else "False") if pandas else ("true" if defaulted[i] else "false")
        out.append([first_id + i, age[i], inc, segment[i], signup[i].isoformat(), flag])
    return out
def write(name, data, sep=","):
    with open(name, "w", newline="") as f:
        w = csv.writer(f, delimiter=sep, lineterminator="\n")
        w.writerow(["customer_id", "age", "income", "segment", "signup_date", "defaulted"])
        w.writerows(data)
write("train.csv", rows(1, 2000, 1))
write("fresh.tsv", rows(2, 2000, 2001), sep="\t")   # a fresh sample of the same population, as TSV
batch = rows(3, 500, 5001, shift=0.4, missing=0.06, pandas=True)  # pandas spells booleans True/False
batch[199][0] = batch[10][0]   # row 201 repeats an id
batch[99][1] = -4              # row 101: an impossible age
batch[375][3] = "gold"         # row 377: a new segment
write("batch.csv", batch)
