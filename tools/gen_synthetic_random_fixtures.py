#!/usr/bin/python3
"""Golden values for Gradus.Data.Synthetic: the course's data sets as NumPy, PyTorch and scikit-learn make them.

Run with Debian's interpreter (torch 1.13, numpy 1.24, python3-sklearn 1.2):
    /usr/bin/python3 tools/gen_synthetic_random_fixtures.py
Writes tests/Gradus.Tests/fixtures/random/synthetic.json.
"""
import json
import os

import numpy as np
import torch
from sklearn.datasets import make_blobs, make_circles, make_moons
from sklearn.linear_model import LinearRegression

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "Gradus.Tests", "fixtures", "random")


def flat(a):
    return [v.item() for v in np.asarray(a).reshape(-1)]


def course_regression():
    """Deep Learning with PyTorch Step-by-Step, chapter 0: data generation and steps 0-5."""
    true_b = 1
    true_w = 2
    N = 100

    np.random.seed(42)
    x = np.random.rand(N, 1)
    epsilon = (.1 * np.random.randn(N, 1))
    y = true_b + true_w * x + epsilon

    idx = np.arange(N)
    np.random.shuffle(idx)
    train_idx = idx[:int(N * .8)]
    val_idx = idx[int(N * .8):]
    x_train, y_train = x[train_idx], y[train_idx]
    x_val, y_val = x[val_idx], y[val_idx]

    np.random.seed(42)
    b = np.random.randn(1)
    w = np.random.randn(1)
    init = (flat(b), flat(w))
    yhat = b + w * x_train
    error = (yhat - y_train)
    loss = (error ** 2).mean()
    b_grad = 2 * error.mean()
    w_grad = 2 * (x_train * error).mean()
    lr = 0.1
    b1 = b - lr * b_grad
    w1 = w - lr * w_grad

    np.random.seed(42)
    b = np.random.randn(1)
    w = np.random.randn(1)
    for _ in range(1000):
        yhat = b + w * x_train
        error = (yhat - y_train)
        b_grad_e = 2 * error.mean()
        w_grad_e = 2 * (x_train * error).mean()
        b = b - lr * b_grad_e
        w = w - lr * w_grad_e

    linr = LinearRegression()
    linr.fit(x_train, y_train)
    return {
        "x": flat(x), "epsilon": flat(epsilon), "y": flat(y), "idx": flat(idx),
        "train_idx": flat(train_idx), "val_idx": flat(val_idx),
        "x_train": flat(x_train), "y_train": flat(y_train), "x_val": flat(x_val), "y_val": flat(y_val),
        "init_b": init[0], "init_w": init[1], "loss": float(loss), "b_grad": float(b_grad), "w_grad": float(w_grad),
        "b_step": flat(b1), "w_step": flat(w1), "b_final": flat(b), "w_final": flat(w),
        "printed": {"init": f"{np.array(init[0])} {np.array(init[1])}", "final": f"{b} {w}",
                    "step": f"{b1} {w1}", "loss": str(loss), "grads": f"{b_grad} {w_grad}",
                    "sklearn": f"{linr.intercept_} {linr.coef_[0]}"},
        "sklearn_intercept": flat(linr.intercept_), "sklearn_coef": flat(linr.coef_),
    }


def polynomial(seed, n):
    """The course's preamble: x = randn(n, 1) * 5, y = poly1d([1, 2, 3])(x), on RandomState(seed)."""
    rs = np.random.RandomState(seed)
    polynomial = np.poly1d([1, 2, 3])
    x = rs.randn(n, 1) * 5
    y = polynomial(x)
    xx = np.hstack([x * x, x, np.ones_like(x)])
    return {"seed": seed, "n": n, "x": flat(x), "y": flat(y), "features": flat(xx)}


def d2l(seed, n):
    """D2L 3.2: synthetic_data(true_w, true_b, num_examples) after torch.manual_seed(seed)."""
    def synthetic_data(w, b, num_examples):
        X = torch.normal(0, 1, (num_examples, len(w)))
        y = torch.matmul(X, w) + b
        y += torch.normal(0, 0.01, y.shape)
        return X, y.reshape((-1, 1))

    true_w = torch.tensor([2, -3.4])
    true_b = 4.2
    torch.manual_seed(seed)
    features, labels = synthetic_data(true_w, true_b, n)
    return {"seed": seed, "n": n, "w": true_w.tolist(), "b": true_b,
            "features": features.reshape(-1).tolist(), "labels": labels.reshape(-1).tolist()}


def spirals(seed, N=100, K=3):
    """CS231n's spiral data, verbatim, after np.random.seed(seed)."""
    np.random.seed(seed)
    D = 2
    X = np.zeros((N * K, D))
    y = np.zeros(N * K, dtype='uint8')
    for j in range(K):
        ix = range(N * j, N * (j + 1))
        r = np.linspace(0.0, 1, N)
        t = np.linspace(j * 4, (j + 1) * 4, N) + np.random.randn(N) * 0.2
        X[ix] = np.c_[r * np.sin(t), r * np.cos(t)]
        y[ix] = j
    return {"seed": seed, "n": N, "k": K, "x": flat(X), "y": flat(y)}


def sk(name, X, y, **kw):
    return {"name": name, "kwargs": kw, "x": flat(X), "y": flat(y)}


def main():
    out = {
        "regression": course_regression(),
        "polynomial": [polynomial(42, 20), polynomial(0, 7)],
        "d2l": [d2l(0, 1000), d2l(42, 1000), d2l(2024, 5)],
        "spirals": [spirals(0), spirals(1, 5, 2)],
        "sklearn": [
            sk("moons", *make_moons(n_samples=100, noise=0.1, random_state=0), n_samples=100, noise=0.1, random_state=0),
            sk("moons", *make_moons(n_samples=7, shuffle=False, random_state=0), n_samples=7, shuffle=False, random_state=0),
            sk("moons", *make_moons(n_samples=51, noise=0.3, random_state=42), n_samples=51, noise=0.3, random_state=42),
            sk("circles", *make_circles(n_samples=100, noise=0.05, factor=0.5, random_state=1),
               n_samples=100, noise=0.05, factor=0.5, random_state=1),
            sk("circles", *make_circles(n_samples=9, shuffle=False, random_state=0), n_samples=9, shuffle=False, random_state=0),
            sk("blobs", *make_blobs(n_samples=100, random_state=2), n_samples=100, random_state=2),
            sk("blobs", *make_blobs(n_samples=10, n_features=3, centers=4, cluster_std=0.5, random_state=3),
               n_samples=10, n_features=3, centers=4, cluster_std=0.5, random_state=3),
            sk("blobs", *make_blobs(n_samples=11, centers=[[1.0, 1.0], [-1.0, -1.0]], cluster_std=0.5, shuffle=False,
                                    random_state=5),
               n_samples=11, centers=[[1.0, 1.0], [-1.0, -1.0]], cluster_std=0.5, shuffle=False, random_state=5),
        ],
    }
    path = os.path.join(OUT, "synthetic.json")
    with open(path, "w") as f:
        json.dump(out, f, separators=(",", ":"))
        f.write("\n")
    print(f"{path}: {os.path.getsize(path)} bytes")
    print(json.dumps(out["regression"]["printed"], indent=1))


if __name__ == "__main__":
    main()
