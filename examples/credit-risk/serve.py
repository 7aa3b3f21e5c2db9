"""Serves one trained credit-risk model over HTTP, one row per request, as the live canary's model server.

    python serve.py --model MODEL --port PORT [--host 127.0.0.1] [--version LABEL]
                    [--fail-rate 0.08] [--slowdown 3]

MODEL is the MLflow model directory train.py wrote (model/, with its MLmodel file), a directory
holding it (a registry version's stored files), or the model.joblib of earlier versions. POST /predict takes a JSON object with the feature columns of one row (the CSV's column
names; values as numbers or text) and answers {"prediction", "probability", "version"}, with the
version also in the X-Model-Version header; GET /health answers 200 once the model is loaded. A
request that is not one valid row answers 400 naming the problem.

--fail-rate and --slowdown break the server on purpose, for the demo's bad canary: exactly that
share of requests answer 500, spread evenly (request n fails when round(n * rate) grows, so a run
repeats and a short one already shows the rate), and the handling of every request (reading,
scoring) takes that many times as long, though not the HTTP and scheduling time around it. Never
use them in production.
"""
import argparse
import json
import math
import os
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

# One row is too little work to share: extra OpenMP threads only spin and add latency. The limit
# must be set before OpenMP starts and hold in every request thread, which threadpoolctl's limits
# (per calling thread) do not.
os.environ["OMP_NUM_THREADS"] = "1"

import sklearn  # noqa: E402

import credit_features as cf  # noqa: E402
from predict import load_bundle  # noqa: E402

MAX_BODY = 64 * 1024


class Model:
    """The loaded bundle and the deliberate faults; shared by the request threads."""

    def __init__(self, bundle, version, fail_rate, slowdown):
        self.bundle = bundle
        self.version = version
        self.fail_rate = fail_rate
        self.slowdown = slowdown
        self.served = 0
        self.lock = threading.Lock()

    def fails(self):
        if self.fail_rate <= 0:
            return False
        with self.lock:
            self.served += 1
            return math.floor(self.served * self.fail_rate + 0.5) > math.floor((self.served - 1) * self.fail_rate + 0.5)

    def score(self, row):
        if not isinstance(row, dict):
            raise cf.BadInput("request body: expected a JSON object of one row's columns")
        missing = [name for name in cf.NUMERIC + cf.CATEGORICAL if name not in row]
        if missing:
            raise cf.BadInput(f"request body: missing column(s) {', '.join(missing)}")
        columns = {name: ["" if row[name] is None else str(row[name])] for name in cf.NUMERIC + cf.CATEGORICAL}
        x = cf.matrix("request body", columns, self.bundle["categories"])
        probability = float(self.bundle["model"].predict_proba(x)[0, 1])
        return int(probability >= self.bundle["threshold"]), probability


def handler(model):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        # headers and body are two writes: without TCP_NODELAY, Nagle's algorithm holds the body
        # until the client's delayed ACK, 40 ms on Linux, on every keep-alive request
        disable_nagle_algorithm = True

        def do_GET(self):
            if self.path == "/health":
                self.answer(200, {"status": "ok", "version": model.version})
            else:
                self.answer(404, {"error": f"no {self.path}; POST /predict or GET /health"})

        def do_POST(self):
            if self.path != "/predict":
                self.answer(404, {"error": f"no {self.path}; POST /predict or GET /health"})
                return
            start = time.perf_counter()
            length = int(self.headers.get("Content-Length") or 0)
            if length <= 0 or length > MAX_BODY:
                self.answer(400, {"error": f"request body: expected 1 to {MAX_BODY} bytes of JSON, found {length}"})
                return
            body = self.rfile.read(length)
            try:
                row = json.loads(body)
                prediction, probability = model.score(row)
            except json.JSONDecodeError as e:
                self.answer(400, {"error": f"request body: not JSON ({e.msg} at character {e.pos})"})
                return
            except cf.BadInput as e:
                self.answer(400, {"error": str(e)})
                return
            if model.slowdown > 1:
                time.sleep((time.perf_counter() - start) * (model.slowdown - 1))
            if model.fails():
                self.answer(500, {"error": "deliberate failure (--fail-rate)"})
                return
            self.answer(200, {"prediction": prediction, "probability": probability, "version": model.version})

        def answer(self, status, document):
            payload = json.dumps(document).encode("utf-8")
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(payload)))
            self.send_header("X-Model-Version", model.version)
            self.end_headers()
            self.wfile.write(payload)

        def log_message(self, format, *args):
            pass  # one line per request would drown the demo's output; HAProxy counts requests

    return Handler


def model_file(path):
    """The model to load: an MLflow model directory (MLmodel inside), the one in model/ of a registry
    version's files, or a model.joblib (given, or in such a directory)."""
    if not os.path.isdir(path):
        return path
    for candidate in (path, os.path.join(path, "model")):
        if os.path.isfile(os.path.join(candidate, "MLmodel")):
            return candidate
    for candidate in (os.path.join(path, "model.joblib"), os.path.join(path, "model", "model.joblib")):
        if os.path.isfile(candidate):
            return candidate
    raise cf.BadInput(f"{path}: a directory without an MLflow model (MLmodel), model.joblib or model/model.joblib")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", required=True, help="the MLflow model directory train.py wrote (or a model.joblib), or the directory holding it")
    parser.add_argument("--port", type=int, required=True, help="TCP port to listen on")
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    parser.add_argument("--version", default="unknown", help="the version label answers carry")
    parser.add_argument("--fail-rate", type=float, default=0.0, help="share of requests to fail on purpose (demo only)")
    parser.add_argument("--slowdown", type=float, default=1.0, help="handle each request this many times slower (demo only)")
    args = parser.parse_args()
    if not 0.0 <= args.fail_rate <= 1.0:
        sys.exit(f"serve.py: --fail-rate {args.fail_rate}: expected a share between 0 and 1")
    if args.slowdown < 1.0:
        sys.exit(f"serve.py: --slowdown {args.slowdown}: expected 1 or more")
    sklearn.set_config(skip_parameter_validation=True)
    try:
        path = model_file(args.model)
        bundle = load_bundle(path)
    except cf.BadInput as e:
        sys.exit(f"serve.py: {e}")
    model = Model(bundle, args.version, args.fail_rate, args.slowdown)
    try:
        server = ThreadingHTTPServer((args.host, args.port), handler(model))
    except OSError as e:
        sys.exit(f"serve.py: cannot listen on {args.host}:{args.port}: {e.strerror}")
    server.daemon_threads = True
    print(f"serve.py: version {args.version} from {path} on http://{args.host}:{args.port}", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


if __name__ == "__main__":
    main()
