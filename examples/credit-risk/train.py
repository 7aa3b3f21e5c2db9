"""Trains the credit-risk model from params.yaml and writes the model, its metrics, a per-iteration
loss history and the evaluation set's predictions (in the predictions CSV format).

    python train.py [--params params.yaml]

The model is an MLflow model directory (written by mlflow.sklearn.save_model: MLmodel, model.pkl and
the requirements), so that MLflow's own loaders and `mlflow models serve` load it from a registry;
the feature encoding predict.py needs travels in MLmodel's metadata.

Deterministic: the same data and parameters write the same model.pkl bytes and the same metrics
(except latency_p95_ms, which times this machine); MLmodel records when it was written, unless
SOURCE_DATE_EPOCH (the reproducible-builds convention) says which time to record.
"""
import argparse
import csv
import datetime
import hashlib
import json
import os
import pickle
import shutil
import sys
import tempfile
import time
import uuid

import numpy as np
import sklearn
import yaml
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, f1_score, log_loss, precision_score, recall_score, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import FunctionTransformer, OneHotEncoder, StandardScaler
from threadpoolctl import threadpool_limits

import credit_features as cf

LATENCY_ROWS = 300


def load_params(path):
    try:
        with open(path, encoding="utf-8") as handle:
            params = yaml.safe_load(handle)
    except FileNotFoundError:
        raise cf.BadInput(f"{path}: no such file") from None
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        where = f":{mark.line + 1}:{mark.column + 1}" if mark else ""
        raise cf.BadInput(f"{path}{where}: {getattr(e, 'problem', e)}") from None
    for section in ("data", "model", "outputs"):
        if not isinstance(params, dict) or not isinstance(params.get(section), dict):
            raise cf.BadInput(f"{path}: missing section '{section}'")
    return params


def build_model(model, seed, categorical):
    kind = model.get("type", "hist_gradient_boosting")
    if kind == "hist_gradient_boosting":
        return HistGradientBoostingClassifier(
            learning_rate=float(model["learning_rate"]), max_iter=int(model["max_iter"]),
            max_depth=None if model.get("max_depth") is None else int(model["max_depth"]),
            l2_regularization=float(model.get("l2_regularization", 0.0)),
            categorical_features=categorical, early_stopping=False, random_state=seed)
    if kind == "logistic_regression":
        numeric = [i for i, is_category in enumerate(categorical) if not is_category]
        categories = [i for i, is_category in enumerate(categorical) if is_category]
        prepare = ColumnTransformer([
            ("numeric", Pipeline([("impute", SimpleImputer(strategy="median")),
                                  ("log", FunctionTransformer(np.log1p)),
                                  ("scale", StandardScaler())]), numeric),
            ("category", Pipeline([("impute", SimpleImputer(strategy="constant", fill_value=-1.0)),
                                   ("one_hot", OneHotEncoder(handle_unknown="ignore"))]), categories)])
        return Pipeline([("prepare", prepare),
                         ("classify", LogisticRegression(C=float(model.get("C", 1.0)), max_iter=1000))])
    raise cf.BadInput(f"model.type: '{kind}' is not one of hist_gradient_boosting, logistic_regression")


def metric_set(y, probability, threshold, suffix=""):
    predicted = (probability >= threshold).astype(int)
    metrics = {f"accuracy{suffix}": accuracy_score(y, predicted),
               f"f1{suffix}": f1_score(y, predicted, zero_division=0.0)}
    if not suffix:
        metrics["precision"] = precision_score(y, predicted, zero_division=0.0)
        metrics["recall"] = recall_score(y, predicted, zero_division=0.0)
        metrics["logloss"] = log_loss(y, probability, labels=[0, 1])
    if len(set(y)) == 2:
        metrics[f"roc_auc{suffix}"] = roc_auc_score(y, probability)
    return {k: float(v) for k, v in metrics.items()}


def latency_p95_ms(model, x):
    """Scores rows one at a time, as an online service would, and returns the 95th percentile in ms."""
    timings = []
    with threadpool_limits(limits=1, user_api="openmp"):  # as predict.py scores single rows
        for i in range(min(LATENCY_ROWS, len(x))):
            start = time.perf_counter()
            model.predict_proba(x[i:i + 1])
            timings.append((time.perf_counter() - start) * 1000.0)
    return round(float(np.percentile(timings, 95)), 3)


def write_atomically(path, write):
    directory = os.path.dirname(path)
    if directory:
        os.makedirs(directory, exist_ok=True)
    temp = path + ".tmp"
    write(temp)
    os.replace(temp, path)


def save_model(path, model, metadata):
    """Writes the MLflow model directory at path all at once: saved beside it, then renamed into place."""
    os.environ.setdefault("MLFLOW_DISABLE_TELEMETRY", "true")  # the example sends nothing anywhere
    import mlflow.sklearn  # imported here: only saving the model needs it
    from mlflow.models import Model
    target = os.path.abspath(path)
    parent = os.path.dirname(target)
    os.makedirs(parent, exist_ok=True)
    staging = tempfile.mkdtemp(prefix=".model-", dir=parent)
    try:
        saved = os.path.join(staging, "model")
        # MLmodel names the model by its content and dates it by SOURCE_DATE_EPOCH when set (the
        # reproducible-builds convention), so that `ml-delivery train --check-reproducible` sees the same bytes.
        content = hashlib.sha256(pickle.dumps(model)).hexdigest()
        epoch = os.environ.get("SOURCE_DATE_EPOCH")
        created = datetime.datetime.fromtimestamp(int(epoch), datetime.timezone.utc) if epoch else datetime.datetime.now(datetime.timezone.utc)
        description = Model(model_uuid=uuid.uuid5(uuid.NAMESPACE_OID, content).hex,
                            utc_time_created=created.strftime("%Y-%m-%d %H:%M:%S.%f"))
        # Requirements named here rather than inferred: inferring them loads the model in a subprocess.
        mlflow.sklearn.save_model(model, saved, serialization_format="pickle", pyfunc_predict_fn="predict_proba",
                                  pip_requirements=[f"scikit-learn=={sklearn.__version__}", f"numpy=={np.__version__}"],
                                  metadata=metadata, mlflow_model=description)
        old = os.path.join(staging, "old")
        if os.path.isdir(target):
            os.replace(target, old)
        elif os.path.exists(target):
            os.remove(target)
        os.replace(saved, target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def write_text(path, text):
    def write(temp):
        with open(temp, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
    write_atomically(path, write)


def history_csv(model, x_train, y_train, x_eval, y_eval):
    """The log loss after each boosting iteration, on the training and the evaluation rows."""
    lines = ["iteration,train_logloss,eval_logloss"]
    stages = zip(model.staged_predict_proba(x_train), model.staged_predict_proba(x_eval))
    for iteration, (train_p, eval_p) in enumerate(stages, start=1):
        lines.append(f"{iteration},{log_loss(y_train, train_p[:, 1], labels=[0, 1]):.6f},"
                     f"{log_loss(y_eval, eval_p[:, 1], labels=[0, 1]):.6f}")
    return "\n".join(lines) + "\n"


def predictions_csv(columns, rows, y, probability, threshold):
    lines = [",".join(["id", "label", "prediction", "probability"] + cf.SLICES)]
    for i, row in enumerate(rows):
        slices = [columns[name][row] for name in cf.SLICES]
        lines.append(",".join([columns["id"][row], str(y[i]), str(int(probability[i] >= threshold)),
                               repr(float(probability[i]))] + slices))
    return "\n".join(lines) + "\n"


def train(params_path):
    params = load_params(params_path)
    data, model_params, outputs = params["data"], params["model"], params["outputs"]
    seed = int(data.get("seed", 0))
    threshold = float(model_params.get("threshold", 0.5))
    path = data["train"]
    columns = cf.read_table(path, ["id", "label"] + cf.NUMERIC + cf.CATEGORICAL + cf.SLICES)
    categories = cf.fit_categories(columns)
    x = cf.matrix(path, columns, categories)
    y = cf.labels(path, columns)
    rows = np.arange(len(y))
    train_rows, eval_rows = train_test_split(rows, test_size=float(data.get("eval_fraction", 0.25)),
                                             random_state=seed, stratify=y)
    eval_rows = np.sort(eval_rows)
    categorical = [name in cf.CATEGORICAL for name in cf.feature_names()]
    model = build_model(model_params, seed, categorical)
    # One thread: the data is small, and the fitted model then records the same thread count on
    # every machine, so its bytes do not depend on how many cores trained it.
    with threadpool_limits(limits=1, user_api="openmp"):
        model.fit(x[train_rows], y[train_rows])

    probability = model.predict_proba(x[eval_rows])[:, 1]
    y_eval = y[eval_rows]
    metrics = metric_set(y_eval, probability, threshold)
    for name in cf.SLICES:
        values = np.array(columns[name], dtype=object)[eval_rows]
        for value in sorted(set(values)):
            chosen = values == value
            metrics.update(metric_set(y_eval[chosen], probability[chosen], threshold, f"[{name}={value}]"))
    metrics["latency_p95_ms"] = latency_p95_ms(model, x[eval_rows])

    save_model(outputs["model"], model, {"features": cf.feature_names(), "categories": categories,
                                         "threshold": threshold, "sklearn_version": sklearn.__version__})
    if "history" in outputs and isinstance(model, HistGradientBoostingClassifier):
        write_text(outputs["history"], history_csv(model, x[train_rows], y[train_rows], x[eval_rows], y_eval))
    write_text(outputs["predictions"], predictions_csv(columns, eval_rows, y_eval, probability, threshold))
    write_text(outputs["metrics"], json.dumps(metrics, indent=2) + "\n")
    print(f"trained {model_params.get('type', 'hist_gradient_boosting')} on {len(train_rows)} rows, "
          f"evaluated on {len(eval_rows)}: accuracy {metrics['accuracy']:.4f}, f1 {metrics['f1']:.4f}, "
          f"roc_auc {metrics['roc_auc']:.4f}, latency_p95_ms {metrics['latency_p95_ms']}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--params", default="params.yaml")
    args = parser.parse_args()
    # Single-row scoring is timed; parameter validation on every call would dominate it.
    sklearn.set_config(assume_finite=False, skip_parameter_validation=True)
    try:
        train(args.params)
    except cf.BadInput as e:
        sys.exit(f"train.py: {e}")
    except (KeyError, TypeError, ValueError) as e:
        sys.exit(f"train.py: {args.params}: bad parameter: {e}")


if __name__ == "__main__":
    main()
