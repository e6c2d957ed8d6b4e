#!/usr/bin/env python3
"""Golden values for Gradus.Training.Metrics from scikit-learn (Debian's python3-sklearn).

Run: /usr/bin/python3 tools/gen_metrics_fixtures.py
Writes tests/Gradus.Tests/fixtures/training/metrics.json.
"""
import json, os
import numpy as np
from sklearn import metrics as M

OUT = os.path.join(os.path.dirname(__file__), "..", "tests", "Gradus.Tests", "fixtures", "training")
os.makedirs(OUT, exist_ok=True)
rs = np.random.RandomState(5)
cases = []
for k, n in [(2, 40), (3, 50), (10, 200)]:
    t = rs.randint(0, k, n)
    p = np.where(rs.rand(n) < 0.6, t, rs.randint(0, k, n))
    c = dict(k=k, targets=t.tolist(), predictions=p.tolist(), accuracy=M.accuracy_score(t, p),
             confusion=M.confusion_matrix(t, p, labels=list(range(k))).tolist())
    avgs = ["binary", "macro", "weighted"] if k == 2 else ["macro", "weighted"]
    for a in avgs:
        c[f"precision_{a}"] = M.precision_score(t, p, average=a, zero_division=0)
        c[f"recall_{a}"] = M.recall_score(t, p, average=a, zero_division=0)
        c[f"f1_{a}"] = M.f1_score(t, p, average=a, zero_division=0)
    cases.append(c)
y = rs.randn(30)
yhat = y + 0.3 * rs.randn(30)
reg = dict(targets=y.tolist(), predictions=yhat.tolist(), mse=M.mean_squared_error(y, yhat),
           mae=M.mean_absolute_error(y, yhat), r2=M.r2_score(y, yhat))
with open(os.path.join(OUT, "metrics.json"), "w") as f:
    json.dump(dict(classification=cases, regression=reg), f)
print("wrote", OUT)
