"""A tiny scoring command with the example project's contract, for the replay tests:

    python score.py --model MODEL.json --data INPUT.csv --out PREDICTIONS.csv

The "model" is JSON: {"weight": w, "bias": b, "fail": false}; a request's probability is
sigmoid(w * x + b) and its prediction is probability >= 0.5. "fail": true makes the command exit 1
with a one-line message, like a model that cannot be loaded. The output has id, label, prediction,
probability and latency_ms (each row's measured scoring time).
"""
import argparse
import csv
import json
import math
import sys
import time

parser = argparse.ArgumentParser()
parser.add_argument("--model", required=True)
parser.add_argument("--data", required=True)
parser.add_argument("--out", required=True)
args = parser.parse_args()

with open(args.model) as f:
    model = json.load(f)
if model.get("fail"):
    print(f"{args.model}: cannot load the model: truncated file", file=sys.stderr)
    sys.exit(1)

with open(args.data, newline="") as source, open(args.out, "w", newline="") as target:
    reader = csv.DictReader(source)
    writer = csv.writer(target)
    writer.writerow(["id", "label", "prediction", "probability", "latency_ms"])
    for row in reader:
        started = time.perf_counter()
        probability = 1 / (1 + math.exp(-(model["weight"] * float(row["x"]) + model["bias"])))
        prediction = 1 if probability >= 0.5 else 0
        elapsed = (time.perf_counter() - started) * 1000
        writer.writerow([row["id"], row.get("label", ""), prediction, f"{probability:.6f}", f"{elapsed:.4f}"])
