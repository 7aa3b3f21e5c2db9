"""Converts a SyntheticTable CSV file to Parquet (snappy) for bench/profile-throughput, streaming in
blocks so that memory stays flat, with pyarrow (the Python environment's, scripts/python-env).
Column types are pyarrow's inference from the first block, kept for the whole file.

Usage: python bench/csv-to-parquet.py IN.csv OUT.parquet [ROWS_PER_ROW_GROUP]
"""
import os
import sys

import pyarrow as pa
import pyarrow.csv as csv
import pyarrow.parquet as pq

source, target = sys.argv[1], sys.argv[2]
rows_per_group = int(sys.argv[3]) if len(sys.argv) > 3 else 1_000_000
reader = csv.open_csv(source, read_options=csv.ReadOptions(block_size=16 << 20))
partial = target + ".partial"
writer = None
pending = []
pending_rows = 0


def flush():
    writer.write_table(pa.Table.from_batches(pending), row_group_size=rows_per_group)


for batch in reader:
    if writer is None:
        writer = pq.ParquetWriter(partial, batch.schema, compression="snappy")
    pending.append(batch)
    pending_rows += batch.num_rows
    if pending_rows >= rows_per_group:
        flush()
        pending, pending_rows = [], 0
if pending:
    flush()
writer.close()
os.replace(partial, target)
