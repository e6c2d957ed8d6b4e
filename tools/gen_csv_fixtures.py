#!/usr/bin/python3
"""Writes a tricky CSV fixture (quoted delimiters, doubled quotes, a line break inside quotes, CRLF line ends,
missing values "", "NA", "?") and the expected parse of it and of data/patients.csv, computed with Python's csv
module (RFC 4180 parsing) and scikit-learn's LabelEncoder / OneHotEncoder (categories and codes):

  tests/Gradus.Tests/fixtures/io/csv/mixed.csv
  tests/Gradus.Tests/fixtures/io/csv/expected.json

Run: /usr/bin/python3 tools/gen_csv_fixtures.py
"""
import csv
import io
import json
import math
import os

import numpy as np
from sklearn.preprocessing import LabelEncoder, OneHotEncoder

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "tests", "Gradus.Tests", "fixtures", "io", "csv")
MISSING = {"", "NA", "?"}

MIXED = (
    'id,name,score,city,grade,flag\r\n'
    '1,"Smith, John",3.5,Berlin,B,1\r\n'
    '2,"O""Brien",NA,"Caracas",A,0\r\n'
    '3,"multi\r\nline",?,Berlin,C,1\r\n'
    '4,Ann,-2e-3,,A,0\r\n'
    '\r\n'
    '5,Bo,  7 ,Madrid,B,1\r\n'
)


def parse(text):
    rows = [r for r in csv.reader(io.StringIO(text, newline="")) if r]
    header, body = rows[0], rows[1:]
    columns = {}
    for j, name in enumerate(header):
        cells = [row[j] for row in body]
        try:
            numbers = [math.nan if c in MISSING else float(c) for c in cells]
            kind = "numeric"
        except ValueError:
            numbers = None
            kind = "text"
        column = {"kind": kind, "text": [None if c in MISSING else c for c in cells]}
        if numbers is not None:
            column["numbers"] = [None if math.isnan(v) else v for v in numbers]
        if all(c not in MISSING for c in cells):
            values = np.array(numbers if numbers is not None else cells, dtype=object if numbers is None else float)
            encoder = LabelEncoder().fit(values)
            column["codes"] = [int(v) for v in encoder.transform(values)]
            column["categories"] = [c if numbers is None else float(c) for c in encoder.classes_.tolist()]
            onehot = OneHotEncoder(sparse_output=False).fit_transform(values.reshape(-1, 1))
            column["one_hot"] = onehot.reshape(-1).tolist()
        columns[name] = column
    return {"columns": header, "rows": len(body), "data": columns}


def main():
    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, "mixed.csv"), "w", newline="") as f:
        f.write(MIXED)
    with open(os.path.join(ROOT, "data", "patients.csv"), newline="") as f:
        patients = f.read()
    expected = {"mixed.csv": parse(MIXED), "patients.csv": parse(patients)}
    with open(os.path.join(OUT, "expected.json"), "w") as f:
        json.dump(expected, f, indent=1)
        f.write("\n")
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
