"""Reads the credit CSV files and turns rows into the feature matrix both train.py and predict.py use."""
import csv
import math

import numpy as np

NUMERIC = ["age", "years_employed", "income", "loan_amount", "debt_ratio", "credit_history_months", "late_payments"]
CATEGORICAL = ["region", "employment_type"]
# Slice attributes: reported per slice, never fed to the model.
SLICES = ["gender", "region"]


class BadInput(Exception):
    """A problem with an input file, described in one line naming the file, row and column."""


def read_table(path, required):
    """Reads a CSV into a dict of column name to list of strings; the header is row 1."""
    try:
        with open(path, newline="", encoding="utf-8") as handle:
            reader = csv.reader(handle)
            header = next(reader, None)
            if header is None:
                raise BadInput(f"{path}: empty file, expected a header row")
            missing = [c for c in required if c not in header]
            if missing:
                found = ", ".join(header[:12]) + (", ..." if len(header) > 12 else "")
                raise BadInput(f"{path}, row 1: missing column(s) {', '.join(missing)}; found {found[:200]}")
            columns = {name: [] for name in header}
            for row_number, row in enumerate(reader, start=2):
                if len(row) != len(header):
                    raise BadInput(f"{path}, row {row_number}: {len(row)} fields, expected {len(header)}")
                for name, value in zip(header, row):
                    columns[name].append(value)
            return columns
    except FileNotFoundError:
        raise BadInput(f"{path}: no such file") from None
    except UnicodeDecodeError as e:
        raise BadInput(f"{path}: not UTF-8 text ({e.reason} at byte {e.start})") from None


def numbers(path, columns, name):
    """Parses a numeric column; blanks become NaN (the models handle missing values)."""
    values = np.empty(len(columns[name]), dtype=float)
    for i, text in enumerate(columns[name]):
        if text == "":
            values[i] = math.nan
            continue
        try:
            values[i] = float(text)
        except ValueError:
            raise BadInput(f"{path}, row {i + 2}, column '{name}': '{text}' is not a number") from None
    return values


def labels(path, columns):
    values = numbers(path, columns, "label")
    bad = np.flatnonzero(~np.isin(values, [0.0, 1.0]))
    if bad.size:
        i = int(bad[0])
        raise BadInput(f"{path}, row {i + 2}, column 'label': '{columns['label'][i]}' is not 0 or 1")
    return values.astype(int)


def fit_categories(columns):
    """The category codes learnt from the training data, in sorted order so codes are stable."""
    return {name: sorted(set(columns[name])) for name in CATEGORICAL}


def feature_names():
    return NUMERIC + ["loan_to_income"] + CATEGORICAL


def matrix(path, columns, categories):
    """The feature matrix: numeric columns, the loan-to-income ratio, then category codes.

    A category not seen in training becomes NaN, which both models treat as missing.
    """
    numeric = [numbers(path, columns, name) for name in NUMERIC]
    income = numeric[NUMERIC.index("income")]
    loan = numeric[NUMERIC.index("loan_amount")]
    with np.errstate(divide="ignore", invalid="ignore"):
        loan_to_income = np.where(income > 0, loan / income, math.nan)
    coded = []
    for name in CATEGORICAL:
        index = {value: code for code, value in enumerate(categories[name])}
        coded.append(np.array([index.get(v, math.nan) for v in columns[name]], dtype=float))
    return np.column_stack(numeric + [loan_to_income] + coded)
