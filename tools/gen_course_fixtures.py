#!/usr/bin/env python3
"""Reference output of the course chapters that `gradus course` runs, computed with NumPy 1.24 and PyTorch 1.13 (CPU).

Each entry is the text the course's Python prints (print / repr), so the CLI tests can look for the same lines in the
chapters' output. Run: /usr/bin/python3 tools/gen_course_fixtures.py
Writes tests/Gradus.Cli.Tests/fixtures/course.json and prints the polynomial-NAdam weights (examples/04).
"""
import json
import os
from collections import OrderedDict

import numpy as np
import torch
import torch.nn as nn
import torch.optim as optim

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "Gradus.Cli.Tests", "fixtures")
fixtures = OrderedDict()


def simple_regression_data():
    """Chapter 0's data: y = 1 + 2x + noise on np.random.seed(42), shuffled 80/20."""
    true_b, true_w, n = 1, 2, 100
    np.random.seed(42)
    x = np.random.rand(n, 1)
    epsilon = .1 * np.random.randn(n, 1)
    y = true_b + true_w * x + epsilon
    idx = np.arange(n)
    np.random.shuffle(idx)
    train_idx = idx[:int(n * .8)]
    return x[train_idx], y[train_idx]


def chapter0():
    x_train, y_train = simple_regression_data()
    np.random.seed(42)
    b = np.random.randn(1)
    w = np.random.randn(1)
    lines = [f"{b} {w}"]
    yhat = b + w * x_train
    error = yhat - y_train
    loss = (error ** 2).mean()
    lines.append(repr(loss))
    b_grad = 2 * error.mean()
    w_grad = 2 * (x_train * error).mean()
    lines.append(f"{b_grad!r} {w_grad!r}")
    lr = 0.1
    b, w = b - lr * b_grad, w - lr * w_grad
    lines.append(f"{b} {w}")
    np.random.seed(42)
    b = np.random.randn(1)
    w = np.random.randn(1)
    for _ in range(1000):
        error = (b + w * x_train) - y_train
        b_grad = 2 * error.mean()
        w_grad = 2 * (x_train * error).mean()
        b = b - lr * b_grad
        w = w - lr * w_grad
    lines.append(f"{b} {w}")
    return lines


def state_dict_text(model):
    return "OrderedDict([" + ", ".join(f"('{k}', {v!r})" for k, v in model.state_dict().items()) + "])"


def chapter1():
    x_np, y_np = simple_regression_data()
    x = torch.as_tensor(x_np).float()
    y = torch.as_tensor(y_np).float()
    lines = []
    lines.append(repr(torch.tensor(3.14159)))
    lines.append(repr(torch.tensor([1, 2, 3])))
    lines.append(repr(torch.ones((2, 3), dtype=torch.float)))
    torch.manual_seed(42)
    lines.append(repr(torch.randn((2, 3, 4), dtype=torch.float)))
    torch.manual_seed(42)
    b = torch.randn(1, requires_grad=True, dtype=torch.float)
    w = torch.randn(1, requires_grad=True, dtype=torch.float)
    lines.append(f"{b!r} {w!r}")
    loss = ((b + w * x - y) ** 2).mean()
    loss.backward()
    lines.append(f"{b.grad!r} {w.grad!r}")
    with torch.no_grad():
        b.grad.zero_()
        w.grad.zero_()
    for _ in range(1000):
        loss = ((b + w * x - y) ** 2).mean()
        loss.backward()
        with torch.no_grad():
            b -= 0.1 * b.grad
            w -= 0.1 * w.grad
            b.grad.zero_()
            w.grad.zero_()
    lines.append(repr(b))
    lines.append(repr(w))

    class ManualLinearRegression(nn.Module):
        def __init__(self):
            super().__init__()
            self.b = nn.Parameter(torch.randn(1, requires_grad=True, dtype=torch.float))
            self.w = nn.Parameter(torch.randn(1, requires_grad=True, dtype=torch.float))

        def forward(self, x):
            return self.b + self.w * x

    def train(model):
        optimizer = optim.SGD(model.parameters(), lr=0.1)
        loss_fn = nn.MSELoss(reduction='mean')
        for _ in range(1000):
            model.train()
            loss = loss_fn(model(x), y)
            loss.backward()
            optimizer.step()
            optimizer.zero_grad()

    torch.manual_seed(42)
    model = ManualLinearRegression()
    train(model)
    lines.append(state_dict_text(model))
    torch.manual_seed(42)
    model = nn.Sequential(nn.Linear(1, 1))
    lines.append(state_dict_text(model))
    train(model)
    lines.append(state_dict_text(model))
    return lines


def polynomial_nadam():
    """The preamble of course/000: y = x^2 + 2x + 3 fitted with NAdam."""
    polynomial = np.poly1d([1, 2, 3])
    n = 20
    np.random.seed(42)
    x = np.random.randn(n, 1) * 5
    y = polynomial(x)
    xx = np.hstack([x * x, x, np.ones_like(x)])
    torch.manual_seed(42)
    w = torch.randn(3, 1, requires_grad=True)
    x = torch.tensor(xx, dtype=torch.float32)
    y = torch.tensor(y, dtype=torch.float32)
    optimizer = torch.optim.NAdam([w], lr=0.01)
    for _ in range(1000):
        optimizer.zero_grad()
        y_pred = x @ w
        mse = torch.mean(torch.square(y - y_pred))
        mse.backward()
        optimizer.step()
    return [repr(w)]


def tup(*items):
    """How Jupyter (IPython's pretty printer) shows a tuple: one line when it fits in 79 columns and no item spans
    several lines, otherwise one item per line with every continuation line indented by one more space."""
    texts = [i if isinstance(i, str) else repr(i) for i in items]
    flat = "(" + ", ".join(texts) + ")"
    if len(flat) <= 79 and "\n" not in flat:
        return flat
    return "(" + ",\n ".join(t.replace("\n", "\n ") for t in texts) + ")"


def size(t):
    return repr(t.shape)


def chapter2():
    """Dive into Deep Learning ch. 2 as the slides of course/002 run it."""
    out = []
    float_functions = []
    p = lambda v: out.append(v if isinstance(v, str) else repr(v))
    x = torch.arange(12, dtype=torch.float32)
    p(x); p(str(x.numel())); p(size(x))
    X = x.reshape(3, 4)
    p(X)
    p(tup((x.reshape(-1, 4) == X).all(), (x.reshape(3, -1) == X).all()))
    p(torch.zeros((2, 3, 4))); p(torch.ones((2, 3, 4)))
    p(tup(X[-1], X[1:3]))
    X[1, 2] = 17
    p(X)
    X[:2, :] = 12
    p(X)
    float_functions.append(repr(torch.exp(x)))
    a = torch.tensor([1.0, 2, 4, 8])
    b = torch.tensor([2, 2, 2, 2])
    p(tup(a + b, a - b, a * b, a / b, a ** b))
    X = torch.arange(12, dtype=torch.float32).reshape((3, 4))
    Y = torch.tensor([[2.0, 1, 4, 3], [1, 2, 3, 4], [4, 3, 2, 1]])
    p(torch.cat((X, Y), dim=0)); p(torch.cat((X, Y), dim=1)); p(X == Y); p(X.sum())
    x = torch.tensor(3.0)
    y = torch.tensor(2.0)
    p(tup(x + y, x * y, x / y, x ** y))
    p(torch.arange(3))
    A = torch.arange(6).reshape(3, 2)
    p(A); p(A.T); p(torch.arange(24).reshape(2, 3, 4))
    A = torch.arange(6, dtype=torch.float32).reshape(2, 3)
    B = A.clone()
    p(tup(A, A + B)); p(A * B)
    a = 2
    X = torch.arange(24).reshape(2, 3, 4)
    p(tup(a + X, size(a * X)))
    x = torch.arange(3, dtype=torch.float32)
    p(tup(x, x.sum()))
    p(tup(size(A), A.sum()))
    p(tup(size(A), A.sum(axis=0), size(A.sum(axis=0))))
    p(tup(size(A), A.sum(axis=1), size(A.sum(axis=1))))
    sum_A = A.sum(axis=1, keepdims=True)
    p(tup(A, sum_A, size(sum_A)))
    p(A / sum_A)
    y = torch.ones(3, dtype=torch.float32)
    p(tup(x, y, torch.dot(x, y)))
    p(tup(size(A), size(x), torch.mv(A, x), A @ x))
    B = torch.ones(3, 4)
    p(tup(torch.mm(A, B), A @ B))
    u = torch.tensor([3.0, -4.0])
    p(torch.norm(u)); p(torch.abs(u).sum())

    def f(x):
        return 3 * x ** 2 - 4 * x
    for h in 10.0 ** np.arange(-1, -6, -1):
        p(f'h={h:.5f}, numerical limit={(f(1 + h) - f(1)) / h:.5f}')
    x = torch.arange(4.0)
    p(x)
    x.requires_grad_(True)
    p(repr(x.grad))
    y = 2 * torch.dot(x, x)
    p(y)
    y.backward()
    p(x.grad); p(x.grad == 4 * x)

    from torch.distributions.multinomial import Multinomial
    torch.manual_seed(42)
    fair_probs = torch.tensor([0.5, 0.5])
    p(Multinomial(100, fair_probs).sample())
    p(Multinomial(100, fair_probs).sample() / 100)
    counts = Multinomial(10000, fair_probs).sample()
    p(counts / 10000)
    counts = Multinomial(1, fair_probs).sample((10000,))
    cum_counts = counts.cumsum(dim=0)
    estimates = cum_counts / cum_counts.sum(dim=1, keepdims=True)
    p(f"after 10000 tosses: {estimates[-1]!r}")
    return out, float_functions


def synthetic_data(w, b, num_examples):
    """D2L 3.2: y = Xw + b + noise."""
    X = torch.normal(0, 1, (num_examples, len(w)))
    y = torch.matmul(X, w) + b
    y += torch.normal(0, 0.01, y.shape)
    return X, y.reshape((-1, 1))


def chapter3():
    """D2L 3.2/3.3 with DataLoader shuffling, the normal equations, and bias against variance."""
    from torch.utils import data as tud
    out = []
    torch.manual_seed(42)
    true_w = torch.tensor([2, -3.4])
    true_b = 4.2
    features, labels = synthetic_data(true_w, true_b, 1000)
    out.append(f"features: {features[0]!r}\nlabel: {labels[0]!r}")
    w = torch.normal(0, 0.01, size=(2, 1), requires_grad=True)
    b = torch.zeros(1, requires_grad=True)
    linreg = lambda X, w, b: torch.matmul(X, w) + b
    squared_loss = lambda y_hat, y: (y_hat - y.reshape(y_hat.shape)) ** 2 / 2
    loader = tud.DataLoader(tud.TensorDataset(features, labels), 10, shuffle=True)
    for epoch in range(3):
        for X, y in loader:
            l = squared_loss(linreg(X, w, b), y)
            l.sum().backward()
            with torch.no_grad():
                for param in [w, b]:
                    param -= 0.03 * param.grad / 10
                    param.grad.zero_()
        with torch.no_grad():
            out.append(f"epoch {epoch + 1}, loss {float(squared_loss(linreg(features, w, b), labels).mean()):f}")
    out.append(f"error in estimating w: {(true_w - w.reshape(true_w.shape)).detach()!r}")
    out.append(f"error in estimating b: {(true_b - b).detach()!r}")
    net = nn.Linear(2, 1)
    net.weight.data.normal_(0, 0.01)
    net.bias.data.fill_(0)
    loss_fn = nn.MSELoss()
    optimizer = torch.optim.SGD(net.parameters(), 0.03)
    loader = tud.DataLoader(tud.TensorDataset(features, labels), 10, shuffle=True)
    for epoch in range(3):
        net.train()
        for X, y in loader:
            loss = loss_fn(net(X), y)
            loss.backward()
            optimizer.step()
            optimizer.zero_grad()
        net.eval()
        with torch.no_grad():
            out.append(f"epoch {epoch + 1}, loss {float(loss_fn(net(features), labels)):f}")
    out.append(f"error in estimating w: {(true_w - net.weight.reshape(true_w.shape)).detach()!r}")
    out.append(f"error in estimating b: {(true_b - net.bias).detach()!r}")
    X = torch.cat([features, torch.ones(features.shape[0], 1)], dim=1).double()
    y = labels.double()
    exact = torch.linalg.solve(X.T @ X, X.T @ y)
    out.append(f"(X\u1d40X)\u207b\u00b9X\u1d40y = {exact.reshape(-1)!r}")
    theta = torch.zeros(3, 1, dtype=torch.float64, requires_grad=True)
    optimizer = torch.optim.SGD([theta], lr=0.1)
    for _ in range(100):
        loss = ((X @ theta - y) ** 2).mean()
        loss.backward()
        optimizer.step()
        optimizer.zero_grad()
    out.append(f"gradient descent, 100 full-batch steps, lr 0.1: {theta.detach().reshape(-1)!r}")

    rs = np.random.RandomState(0)
    x_train = np.linspace(-3, 3, 6)
    x_val = rs.uniform(-3, 3, 50)
    y_train = x_train ** 2 + 2 * x_train + 3 + rs.normal(0, 2, 6)
    y_val = x_val ** 2 + 2 * x_val + 3 + rs.normal(0, 2, 50)
    for degree in (1, 2, 4):
        design = np.vander(x_train, degree + 1, increasing=True)
        theta = np.linalg.lstsq(design, y_train, rcond=None)[0]
        poly = np.poly1d(theta[::-1])
        train_mse = np.mean((poly(x_train) - y_train) ** 2)
        val_mse = np.mean((poly(x_val) - y_val) ** 2)
        out.append(f"degree {degree}: train MSE {train_mse:8.4f}, validation MSE {val_mse:8.4f}")
    return out


def fashion_sample():
    """The Fashion-MNIST sample in data/ (the first 2,000 training and 1,000 test images) as ToTensor makes them."""
    import gzip
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "fashion-mnist")

    def read(name, offset):
        with gzip.open(os.path.join(root, name)) as f:
            return np.frombuffer(f.read(), dtype=np.uint8)[offset:]
    images = torch.tensor(read("train-images-idx3-ubyte.gz", 16).reshape(-1, 1, 28, 28) / np.float32(255), dtype=torch.float32)
    labels = torch.tensor(read("train-labels-idx1-ubyte.gz", 8).astype(np.int64))
    test_images = torch.tensor(read("t10k-images-idx3-ubyte.gz", 16).reshape(-1, 1, 28, 28) / np.float32(255), dtype=torch.float32)
    test_labels = torch.tensor(read("t10k-labels-idx1-ubyte.gz", 8).astype(np.int64))
    return images, labels, test_images, test_labels


def chapter4():
    """D2L 3.6 (softmax regression from scratch) on the sample, five epochs as `gradus course --quick` runs it."""
    from torch.utils import data as tud
    out = []
    torch.manual_seed(42)
    X = torch.normal(0, 1, (2, 5))

    def softmax(X):
        X_exp = torch.exp(X)
        return X_exp / X_exp.sum(1, keepdim=True)
    X_prob = softmax(X)
    float_functions = [tup(X_prob, X_prob.sum(1))]
    y = torch.tensor([0, 2])
    y_hat = torch.tensor([[0.1, 0.3, 0.6], [0.3, 0.2, 0.5]])
    out.append(repr(y_hat[[0, 1], y]))

    def cross_entropy(y_hat, y):
        return - torch.log(y_hat[range(len(y_hat)), y])
    out.append(repr(cross_entropy(y_hat, y)))

    def correct(y_hat, y):
        return float((y_hat.argmax(axis=1).type(y.dtype) == y).type(y.dtype).sum())
    out.append(repr(correct(y_hat, y) / len(y)))

    images, labels, test_images, test_labels = fashion_sample()
    torch.manual_seed(42)
    W = torch.normal(0, 0.01, size=(784, 10), requires_grad=True)
    b = torch.zeros(10, requires_grad=True)
    net = lambda X: softmax(torch.matmul(X.reshape((-1, W.shape[0])), W) + b)
    loader = tud.DataLoader(tud.TensorDataset(images, labels), 256, shuffle=True)
    for epoch in range(1, 6):
        loss_sum, hits = 0.0, 0.0
        for X, y in loader:
            y_hat = net(X)
            l = cross_entropy(y_hat, y)
            l.mean().backward()
            with torch.no_grad():
                for p in (W, b):
                    p -= 0.1 * p.grad
                    p.grad.zero_()
            loss_sum += l.sum().item()
            hits += correct(y_hat.detach(), y)
        with torch.no_grad():
            test_acc = correct(net(test_images), test_labels) / len(test_labels)
        out.append(f"epoch {epoch}, loss {loss_sum / len(labels):.4f}, train acc {hits / len(labels):.3f}, test acc {test_acc:.3f}")
    return out, float_functions


fixtures["chapter0"] = chapter0()
fixtures["chapter1"] = chapter1()
# exp and other transcendental functions may differ from PyTorch's in the last float32 digit: compared with a tolerance.
fixtures["chapter2"], fixtures["chapter2_float_functions"] = chapter2()
fixtures["chapter3"] = chapter3()
fixtures["chapter4"], fixtures["chapter4_float_functions"] = chapter4()
fixtures["polynomial_nadam"] = polynomial_nadam()

os.makedirs(OUT, exist_ok=True)
with open(os.path.join(OUT, "course.json"), "w") as f:
    json.dump(fixtures, f, indent=1)
    f.write("\n")
print("polynomial NAdam (examples/04_polynomial_nadam.cs):")
print(fixtures["polynomial_nadam"][0])
print("wrote", os.path.join(OUT, "course.json"))
