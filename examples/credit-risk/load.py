"""Sends the rows of a CSV file as scoring requests to a model service on this machine, bounded in count and time.

    python load.py --url http://127.0.0.1:PORT/predict --data data/holdout.csv
                   --requests 20000 --seconds 120 [--rate 100] [--concurrency 4] [--log requests.csv]

Each request is one row as a JSON object (the columns serve.py reads), rows in file order and
round again. Stops at --requests requests or after --seconds, whichever comes first, or when it
is terminated; paces itself at --rate requests per second in all. Only loopback addresses are
accepted: this is a test tool, not a way to load anybody's service. --log writes one line per
request: the time it was sent (Unix seconds), the status (0 when there was no answer), the
X-Model-Version that answered and the latency in milliseconds. Prints a summary per version.
"""
import argparse
import csv
import os
import http.client
import ipaddress
import json
import signal
import sys
import threading
import time
from urllib.parse import urlsplit

import credit_features as cf


def loopback(host):
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class Load:
    def __init__(self, rows, total, seconds, rate):
        self.rows = rows
        self.total = total
        self.deadline = time.monotonic() + seconds
        self.interval = 1.0 / rate
        self.lock = threading.Lock()
        self.sent = 0
        self.next_at = time.monotonic()
        self.stopped = threading.Event()
        self.results = []

    def take(self):
        """The next row to send and when, or None when the load is over."""
        with self.lock:
            if self.sent >= self.total or self.stopped.is_set():
                return None
            at = self.next_at
            if at >= self.deadline:
                return None
            index = self.sent
            self.sent += 1
            self.next_at = max(at + self.interval, time.monotonic() - 1.0)  # a stall does not cause a burst
            return index, at


def worker(load, host, port, path):
    connection = None
    while True:
        taken = load.take()
        if taken is None:
            break
        index, at = taken
        delay = at - time.monotonic()
        if delay > 0 and load.stopped.wait(delay):
            break
        body = json.dumps(load.rows[index % len(load.rows)]).encode("utf-8")
        sent = time.time()
        start = time.perf_counter()
        status, version = 0, ""
        try:
            if connection is None:
                connection = http.client.HTTPConnection(host, port, timeout=10)
            connection.request("POST", path, body, {"Content-Type": "application/json"})
            response = connection.getresponse()
            response.read()
            status, version = response.status, response.getheader("X-Model-Version", "")
            if response.getheader("Connection", "").lower() == "close":
                connection.close()
                connection = None
        except (OSError, http.client.HTTPException):
            if connection is not None:
                connection.close()
            connection = None
        with load.lock:
            load.results.append((sent, status, version, (time.perf_counter() - start) * 1000.0))
    if connection is not None:
        connection.close()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", required=True, help="the service's scoring URL on loopback, e.g. http://127.0.0.1:8080/predict")
    parser.add_argument("--data", required=True, help="CSV with the feature columns")
    parser.add_argument("--requests", type=int, required=True, help="the most requests to send")
    parser.add_argument("--seconds", type=float, required=True, help="the longest time to send for")
    parser.add_argument("--rate", type=float, default=100.0, help="requests per second in all (default 100)")
    parser.add_argument("--concurrency", type=int, default=4, help="connections in parallel (default 4)")
    parser.add_argument("--log", help="CSV to write one line per request to")
    args = parser.parse_args()
    url = urlsplit(args.url)
    if url.scheme != "http" or not url.hostname or not loopback(url.hostname):
        sys.exit(f"load.py: --url {args.url}: expected http:// on a loopback address (127.0.0.1, ::1, localhost)")
    for name, value, low, high in (("--requests", args.requests, 1, 10_000_000), ("--seconds", args.seconds, 0.1, 86_400),
                                   ("--rate", args.rate, 0.1, 10_000), ("--concurrency", args.concurrency, 1, 64)):
        if not low <= value <= high:
            sys.exit(f"load.py: {name} {value}: expected {low} to {high}")
    try:
        columns = cf.read_table(args.data, cf.NUMERIC + cf.CATEGORICAL)
    except cf.BadInput as e:
        sys.exit(f"load.py: {e}")
    names = cf.NUMERIC + cf.CATEGORICAL
    rows = [{name: columns[name][i] for name in names} for i in range(len(columns[names[0]]))]
    if not rows:
        sys.exit(f"load.py: {args.data}: no rows to send")
    load = Load(rows, args.requests, args.seconds, args.rate)
    signal.signal(signal.SIGTERM, lambda *_: load.stopped.set())
    threads = [threading.Thread(target=worker, args=(load, url.hostname, url.port or 80, url.path or "/"), daemon=True)
               for _ in range(args.concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        while thread.is_alive():
            thread.join(0.2)
    results = sorted(load.results)
    if args.log:
        temp = args.log + ".tmp"
        with open(temp, "w", newline="", encoding="utf-8") as handle:
            out = csv.writer(handle)
            out.writerow(["sent", "status", "version", "latency_ms"])
            for sent, status, version, latency in results:
                out.writerow([f"{sent:.3f}", status, version, f"{latency:.2f}"])
        os.replace(temp, args.log)
    versions = {}
    for _, status, version, _ in results:
        counts = versions.setdefault(version or "(no answer)", {})
        counts[status] = counts.get(status, 0) + 1
    print(f"load.py: sent {len(results)} requests to {args.url}")
    for version, counts in sorted(versions.items()):
        total = sum(counts.values())
        statuses = ", ".join(f"{status}: {n}" for status, n in sorted(counts.items()))
        print(f"load.py:   version {version}: {total} answers ({statuses})")


if __name__ == "__main__":
    main()
