"""Reference statistics of a CSV computed with pandas, for TableProfilerTest.

Usage: python pandas_profile.py FILE.csv  -> prints JSON on stdout:
{column: {count, missing, mean, var, min, max, nunique, median, top}} where var is the sample
variance (ddof=1), date-times are seconds since the epoch (UTC), and top is the most frequent value.
"""
import json
import sys

import pandas as pd

frame = pd.read_csv(sys.argv[1], keep_default_na=False, na_values=["", "NA", "N/A", "null", "NaN"], dtype=str)
result = {}
for name in frame.columns:
    text = frame[name]
    present = text.dropna()
    entry = {"count": int(present.size), "missing": int(text.isna().sum()), "nunique": int(present.nunique())}
    numbers = pd.to_numeric(present, errors="coerce")
    if numbers.notna().all() and present.size:
        values = numbers.astype(float)
    else:
        times = pd.to_datetime(present, errors="coerce", utc=True, format="ISO8601")
        values = (times - pd.Timestamp(0, tz="UTC")).dt.total_seconds() if times.notna().all() and present.size else None
    if values is not None:
        entry.update(mean=float(values.mean()), var=float(values.var(ddof=1)), min=float(values.min()),
                     max=float(values.max()), median=float(values.median()), nunique=int(values.nunique()))
    else:
        counts = present.value_counts()
        entry.update(top=str(counts.index[0]), topCount=int(counts.iloc[0]))
    result[name] = entry
json.dump(result, sys.stdout)
