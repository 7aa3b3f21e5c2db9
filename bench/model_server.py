"""Compares serve.py with `mlflow models serve --env-manager local` serving the same model (see bench/model-server)."""
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import http.client
import socket

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EXAMPLE = os.path.join(ROOT, "examples", "credit-risk")
sys.path.insert(0, EXAMPLE)

import credit_features as cf  # noqa: E402


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def rss_mb(pid):
    """Resident memory of a process and its descendants, from /proc."""
    total = 0
    pids = [pid]
    while pids:
        current = pids.pop()
        try:
            with open(f"/proc/{current}/status") as handle:
                for line in handle:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
            with open(f"/proc/{current}/task/{current}/children") as handle:
                pids += [int(p) for p in handle.read().split()]
        except FileNotFoundError:
            pass
    return total / 1024


def wait_ready(port, path, process, timeout=180):
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        if process.poll() is not None:
            raise SystemExit(f"server exited with {process.returncode}")
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            connection.request("GET", path)
            if connection.getresponse().status == 200:
                return time.monotonic() - start
        except OSError:
            pass
        time.sleep(0.1)
    raise SystemExit(f"not ready on {port}{path} after {timeout} s")


def measure(name, command, port, ready_path, request_path, body_of, rows, requests, env=None):
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=EXAMPLE, env=env,
                               start_new_session=True)
    try:
        ready = wait_ready(port, ready_path, process)
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        latencies = []
        for i in range(requests):
            body = json.dumps(body_of(rows[i % len(rows)])).encode()
            start = time.perf_counter()
            connection.request("POST", request_path, body, {"Content-Type": "application/json"})
            response = connection.getresponse()
            payload = response.read()
            latencies.append((time.perf_counter() - start) * 1000)
            if response.status != 200:
                raise SystemExit(f"{name}: HTTP {response.status}: {payload[:200]}")
        memory = rss_mb(process.pid)
        latencies.sort()
        return ready, statistics.median(latencies), latencies[int(0.95 * (len(latencies) - 1))], memory
    finally:
        os.killpg(process.pid, 15)
        process.wait(30)


def main():
    work = tempfile.mkdtemp(prefix="model-server-bench-")
    try:
        if len(sys.argv) > 1:
            model, data = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
        else:
            subprocess.run([sys.executable, os.path.join(EXAMPLE, "generate_data.py"), "--out", "data"], cwd=work, check=True,
                           stdout=subprocess.DEVNULL)
            subprocess.run([sys.executable, os.path.join(EXAMPLE, "train.py"), "--params", os.path.join(EXAMPLE, "params.yaml")],
                           cwd=work, check=True, stdout=subprocess.DEVNULL)
            model, data = os.path.join(work, "model"), os.path.join(work, "data", "holdout.csv")
        requests = int(sys.argv[3]) if len(sys.argv) > 3 else 300
        columns = cf.read_table(data, cf.NUMERIC + cf.CATEGORICAL)
        names = cf.NUMERIC + cf.CATEGORICAL
        rows = [{name: columns[name][i] for name in names} for i in range(len(columns[names[0]]))]

        # The same model as an MLflow pyfunc: the bundle plus the feature code, so both servers take the same raw row.
        import mlflow.pyfunc

        class CreditRisk(mlflow.pyfunc.PythonModel):
            def load_context(self, context):
                import predict
                self.bundle = predict.load_bundle(context.artifacts["bundle"])

            def predict(self, context, model_input, params=None):
                import credit_features
                frame = {name: [str(v) for v in model_input[name]] for name in credit_features.NUMERIC + credit_features.CATEGORICAL}
                x = credit_features.matrix("request", frame, self.bundle["categories"])
                return self.bundle["model"].predict_proba(x)[:, 1]

        mlflow_model = os.path.join(work, "mlflow-model")
        mlflow.pyfunc.save_model(mlflow_model, python_model=CreditRisk(), artifacts={"bundle": model},
                                 code_paths=[os.path.join(EXAMPLE, "credit_features.py"), os.path.join(EXAMPLE, "predict.py")])

        results = []
        port = free_port()
        results.append(("serve.py", *measure("serve.py", [sys.executable, "serve.py", "--model", model, "--port", str(port)], port,
                                              "/health", "/predict", lambda row: row, rows, requests)))
        port = free_port()
        env = dict(os.environ, PATH=os.path.dirname(sys.executable) + os.pathsep + os.environ.get("PATH", ""))
        results.append(("mlflow models serve", *measure("mlflow", [os.path.join(os.path.dirname(sys.executable), "mlflow"), "models",
                                                                   "serve", "-m", mlflow_model, "--env-manager", "local",
                                                                   "-h", "127.0.0.1", "-p", str(port)], port, "/ping",
                                                         "/invocations", lambda row: {"dataframe_records": [row]}, rows,
                                                         requests, env)))
        import mlflow
        print(f"model server comparison: {requests} one-row requests in sequence, MLflow {mlflow.__version__}, "
              f"load average {os.getloadavg()[0]:.1f}")
        print(f"{'server':<22} {'ready (s)':>10} {'median (ms)':>12} {'p95 (ms)':>10} {'RSS (MB)':>10}")
        for name, ready, median, p95, memory in results:
            print(f"{name:<22} {ready:>10.1f} {median:>12.2f} {p95:>10.2f} {memory:>10.0f}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
