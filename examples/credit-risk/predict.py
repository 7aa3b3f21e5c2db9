"""Scores a trained credit-risk model on a CSV file and writes the predictions CSV.

    python predict.py --model model --data INPUT.csv --out PREDICTIONS.csv [--batch]

--model is the MLflow model directory train.py writes (or a registry's copy of it); a model.joblib
bundle written by earlier versions of train.py is still read.

Output columns: id and label (when the input has them), prediction, probability, latency_ms,
then the slice attributes (gender, region) the input has. By default every row is scored on its
own, as an online service would, and latency_ms is that row's scoring time; --batch scores all
rows in one call (much faster) and leaves latency_ms out. Exits 1 with a one-line message on bad
input.
"""
import argparse
import os
import sys
import time

import joblib
import numpy as np
import sklearn
from threadpoolctl import threadpool_limits

import credit_features as cf


def load_bundle(path):
    """Loads a model train.py wrote: {"model", "features", "categories", "threshold", "sklearn_version"}."""
    if os.path.isdir(path):
        return load_mlflow_model(path)
    try:
        bundle = joblib.load(path)
    except FileNotFoundError:
        raise cf.BadInput(f"{path}: no such file") from None
    except Exception as e:  # joblib raises many kinds for a file that is not a model
        raise cf.BadInput(f"{path}: not a model written by train.py ({type(e).__name__}: {e})") from None
    if not isinstance(bundle, dict) or "model" not in bundle or "categories" not in bundle:
        raise cf.BadInput(f"{path}: not a model written by train.py (no model bundle inside)")
    return bundle


def load_mlflow_model(path):
    """Loads an MLflow model directory with MLflow's own loader; the encoding is in MLmodel's metadata."""
    if not os.path.isfile(os.path.join(path, "MLmodel")):
        raise cf.BadInput(f"{path}: not a model written by train.py (a directory without an MLmodel file)")
    os.environ.setdefault("MLFLOW_DISABLE_TELEMETRY", "true")  # the example sends nothing anywhere
    from mlflow.models import Model
    import mlflow.sklearn
    try:
        metadata = Model.load(path).metadata or {}
        model = mlflow.sklearn.load_model(path)
    except Exception as e:  # MLflow raises many kinds for a directory that is not a model
        raise cf.BadInput(f"{path}: not a model written by train.py ({type(e).__name__}: {e})") from None
    if "categories" not in metadata or "threshold" not in metadata:
        raise cf.BadInput(f"{path}: not a model written by train.py (MLmodel has no categories or threshold metadata)")
    return dict(metadata, model=model)


def score(bundle, x, batch):
    model = bundle["model"]
    if batch:
        return model.predict_proba(x)[:, 1], None
    probability = np.empty(len(x))
    latency = np.empty(len(x))
    # One row is too little work to share: extra OpenMP threads only spin and add latency.
    with threadpool_limits(limits=1, user_api="openmp"):
        for i in range(len(x)):
            start = time.perf_counter()
            probability[i] = model.predict_proba(x[i:i + 1])[0, 1]
            latency[i] = (time.perf_counter() - start) * 1000.0
    return probability, latency


def predict(model_path, data_path, out_path, batch):
    bundle = load_bundle(model_path)
    columns = cf.read_table(data_path, cf.NUMERIC + cf.CATEGORICAL)
    x = cf.matrix(data_path, columns, bundle["categories"])
    y = cf.labels(data_path, columns) if "label" in columns else None
    probability, latency = score(bundle, x, batch)
    threshold = bundle["threshold"]

    header = (["id"] if "id" in columns else []) + (["label"] if y is not None else []) \
        + ["prediction", "probability"] + (["latency_ms"] if latency is not None else []) \
        + [name for name in cf.SLICES if name in columns]
    lines = [",".join(header)]
    for i in range(len(probability)):
        row = [columns["id"][i]] if "id" in columns else []
        if y is not None:
            row.append(str(y[i]))
        row += [str(int(probability[i] >= threshold)), repr(float(probability[i]))]
        if latency is not None:
            row.append(f"{latency[i]:.4f}")
        row += [columns[name][i] for name in cf.SLICES if name in columns]
        lines.append(",".join(row))
    directory = os.path.dirname(out_path)
    if directory:
        os.makedirs(directory, exist_ok=True)
    temp = out_path + ".tmp"
    with open(temp, "w", encoding="utf-8", newline="") as handle:
        handle.write("\n".join(lines) + "\n")
    os.replace(temp, out_path)
    return len(probability)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", required=True, help="the MLflow model directory train.py wrote (model)")
    parser.add_argument("--data", required=True, help="CSV with the feature columns (and id, label if known)")
    parser.add_argument("--out", required=True, help="where to write the predictions CSV")
    parser.add_argument("--batch", action="store_true", help="score all rows in one call; no latency_ms column")
    args = parser.parse_args()
    sklearn.set_config(skip_parameter_validation=True)
    try:
        rows = predict(args.model, args.data, args.out, args.batch)
    except cf.BadInput as e:
        sys.exit(f"predict.py: {e}")
    print(f"predict.py: scored {rows} rows of {args.data} into {args.out}")


if __name__ == "__main__":
    main()
