"""Writes the Parquet (and matching CSV) files that ParquetProfileTest reads, with pyarrow.

Usage: python parquet_fixtures.py OUT_DIR

Writes into OUT_DIR:
  table.csv, table.parquet   the same 20,000 seeded rows: int64, int32 and uint8 integers, doubles,
                             decimal(10,4), dictionary-encoded strings, a 3,000-value string column,
                             booleans, timestamp[ms, UTC], date32; nulls in several columns. The Parquet
                             file is snappy-compressed in row groups of 3,000 rows.
  dataset/                   the same rows as a hive-partitioned dataset (region=.../part-*.parquet)
  nested.parquet             a struct and a list column beside two flat ones
  unsupported.parquet        a time-of-day column (Parquet TIME), which profiles cannot hold
  changed/                   two files whose column 'x' is int64 in one and string in the other
  shifted.parquet            table's numeric columns shifted by one standard deviation
"""
import datetime as dt
import decimal
import os
import sys

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

out = sys.argv[1]
os.makedirs(out, exist_ok=True)
rng = np.random.default_rng(20261206)
n = 20_000


def table(shift=0.0):
    age = rng.integers(18, 90, n).astype("int32")
    income = np.round(rng.lognormal(10.5, 0.6, n) * (1 + shift * 0.6), 2)
    score = rng.normal(600 + shift * 80, 80, n)
    rate = [decimal.Decimal(int(v)).scaleb(-4) for v in rng.integers(0, 250_000, n)]
    segment = rng.choice(["retail", "premium", "student", "business", "senior"], n)
    region = rng.choice(["eu", "us", "apac"], n)
    city = np.array(["city-%04d" % v for v in rng.integers(0, 3000, n)])
    active = rng.random(n) < 0.7
    start = dt.datetime(2020, 1, 1, tzinfo=dt.timezone.utc)
    signup = [start + dt.timedelta(seconds=int(s)) for s in rng.integers(0, 4 * 365 * 86400, n)]
    birth = [dt.date(1950, 1, 1) + dt.timedelta(days=int(d)) for d in rng.integers(0, 20000, n)]
    small = rng.integers(0, 200, n).astype("uint8")
    null_age = rng.random(n) < 0.03
    null_income = rng.random(n) < 0.05
    null_segment = rng.random(n) < 0.02
    return pa.table({
        "id": pa.array(np.arange(n, dtype="int64")),
        "age": pa.array(age, mask=null_age),
        "income": pa.array(income, mask=null_income),
        "score": pa.array(score),
        "rate": pa.array(rate, type=pa.decimal128(10, 4)),
        "segment": pa.array(segment, mask=null_segment),
        "region": pa.array(region),
        "city": pa.array(city),
        "active": pa.array(active),
        "signup": pa.array(signup, type=pa.timestamp("ms", tz="UTC")),
        "birth": pa.array(birth, type=pa.date32()),
        "small": pa.array(small),
    })


def write_csv(t, path):
    columns = t.column_names
    data = {c: t.column(c).to_pylist() for c in columns}
    with open(path, "w", encoding="utf-8") as f:
        f.write(",".join(columns) + "\n")
        for i in range(t.num_rows):
            fields = []
            for c in columns:
                v = data[c][i]
                if v is None:
                    fields.append("")
                elif isinstance(v, bool):
                    fields.append("true" if v else "false")
                elif isinstance(v, float):
                    fields.append(repr(v))
                elif isinstance(v, dt.datetime):
                    fields.append(v.strftime("%Y-%m-%dT%H:%M:%SZ"))
                elif isinstance(v, dt.date):
                    fields.append(v.isoformat())
                else:
                    fields.append(str(v))
            f.write(",".join(fields) + "\n")


base = table()
write_csv(base, os.path.join(out, "table.csv"))
pq.write_table(base, os.path.join(out, "table.parquet"), compression="snappy", row_group_size=3000)
pq.write_to_dataset(base, os.path.join(out, "dataset"), partition_cols=["region"])
pq.write_table(table(shift=1.0), os.path.join(out, "shifted.parquet"), compression="snappy", row_group_size=3000)

pq.write_table(pa.table({
    "id": pa.array([1, 2, 3], type=pa.int64()),
    "address": pa.array([{"street": "a", "zip": 1}, {"street": "b", "zip": 2}, None]),
    "tags": pa.array([["x"], [], ["y", "z"]]),
    "amount": pa.array([1.5, None, 3.0]),
}), os.path.join(out, "nested.parquet"))

pq.write_table(pa.table({
    "id": pa.array([1, 2], type=pa.int64()),
    "opens_at": pa.array([dt.time(9, 0), dt.time(10, 30)], type=pa.time64("us")),
}), os.path.join(out, "unsupported.parquet"))

os.makedirs(os.path.join(out, "changed"), exist_ok=True)
pq.write_table(pa.table({"x": pa.array([1, 2], type=pa.int64())}), os.path.join(out, "changed", "part-0.parquet"))
pq.write_table(pa.table({"x": pa.array(["a", "b"])}), os.path.join(out, "changed", "part-1.parquet"))
