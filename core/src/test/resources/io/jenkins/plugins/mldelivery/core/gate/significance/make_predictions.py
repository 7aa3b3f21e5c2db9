"""Writes the paired predictions the gate's significance tests use as reference data.

Run from this directory with the project's environment:
    ../../../../../../../../../../.venv/bin/python make_predictions.py
It writes challenger.csv and champion.csv: 200 rows of one evaluation set scored by two models
(ids in a different order in the champion's file, so pairing by id is exercised), probabilities
rounded to two decimals so that DeLong's midranks meet ties.
"""
import numpy as np

rng = np.random.default_rng(20260901)
n = 200
label = (rng.random(n) < 0.4).astype(int)
gender = np.where(rng.random(n) < 0.5, "F", "M")
signal = 2 * label - 1
noise = rng.normal(size=n)


def model(strength, own_noise):
    score = strength * signal + noise + own_noise * rng.normal(size=n)
    probability = np.round(1 / (1 + np.exp(-score)), 2)
    prediction = (probability >= 0.5).astype(int)
    latency = np.round(rng.gamma(4.0, 5.0, size=n), 3)
    return probability, prediction, latency


def write(path, order, probability, prediction, latency):
    with open(path, "w") as out:
        out.write("id,label,prediction,probability,latency_ms,gender\n")
        for i in order:
            out.write(f"r{i:03d},{label[i]},{prediction[i]},{probability[i]:.2f},{latency[i]},{gender[i]}\n")


challenger = model(1.1, 0.8)
champion = model(0.8, 0.8)
write("challenger.csv", range(n), *challenger)
write("champion.csv", reversed(range(n)), *champion)
