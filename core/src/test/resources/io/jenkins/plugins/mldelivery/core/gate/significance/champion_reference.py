"""Reference metrics of the champion's predictions (champion.csv), computed outside the project with
the versions pinned in scripts/requirements-test.txt (scikit-learn, NumPy). Run from this directory:
    /work/main/.venv/bin/python champion_reference.py > champion_reference.out
The gate reads a champion's metrics from its predictions when no registry is given; the tests quote
the lines this prints beside the values they check.
"""
import csv

import numpy as np
from sklearn import metrics as skm

with open("champion.csv") as f:
    rows = list(csv.DictReader(f))
y = np.array([int(r["label"]) for r in rows])
p = np.array([int(r["prediction"]) for r in rows])
s = np.array([float(r["probability"]) for r in rows])
female = np.array([r["gender"] == "F" for r in rows])

print("# metrics of champion.csv (sklearn)")
for name, value in [("accuracy", skm.accuracy_score(y, p)), ("f1", skm.f1_score(y, p)), ("roc_auc", skm.roc_auc_score(y, s)),
                    ("logloss", skm.log_loss(y, s)), ("accuracy[gender=F]", skm.accuracy_score(y[female], p[female]))]:
    print(f"{name} {value!r}")
