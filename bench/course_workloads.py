"""The PyTorch twins of bench/Gradus.Bench/Compare/CourseWorkloads.cs (items 2 to 5 of the speed issue),
written the way a PyTorch user writes them. compare_torch.py registers them with its @workload decorator."""
import gzip
import os

import numpy as np
import torch
from torch import nn

LENET_IMAGES = 10_000
HERE = os.path.dirname(os.path.abspath(__file__))


def _idx(path):
    with gzip.open(path, "rb") as f:
        raw = f.read()
    ndim = raw[3]
    dims = [int.from_bytes(raw[4 + 4 * i:8 + 4 * i], "big") for i in range(ndim)]
    return np.frombuffer(raw, dtype=np.uint8, offset=4 + 4 * ndim).reshape(dims)


def fashion_mnist_train():
    """The same files Gradus's FashionMnist finds: $GRADUS_DATA, Debian's package, then the data/ sample."""
    candidates = [os.environ.get("GRADUS_DATA", ""), "/usr/share/datasets/fashion-mnist",
                  os.path.join(HERE, "..", "data", "fashion-mnist")]
    for d in candidates:
        for sub in ("", "fashion-mnist"):
            images = os.path.join(d, sub, "train-images-idx3-ubyte.gz")
            if d and os.path.exists(images):
                x = torch.from_numpy(_idx(images).astype(np.float32) / 255.0).unsqueeze(1)
                y = torch.from_numpy(_idx(os.path.join(d, sub, "train-labels-idx1-ubyte.gz")).astype(np.int64))
                return x, y
    raise FileNotFoundError("Fashion-MNIST not found")


def lenet():
    return nn.Sequential(nn.Conv2d(1, 6, 5, padding=2), nn.ReLU(), nn.MaxPool2d(2),
                         nn.Conv2d(6, 16, 5), nn.ReLU(), nn.MaxPool2d(2),
                         nn.Flatten(), nn.Linear(400, 120), nn.ReLU(), nn.Linear(120, 84), nn.ReLU(), nn.Linear(84, 10))


def _epoch(model, make_optimizer, images):
    x, y = fashion_mnist_train()
    n = min(images, len(x))
    loader = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(x[:n], y[:n]), batch_size=256, shuffle=True)
    opt = make_optimizer(model.parameters())
    loss_fn = nn.CrossEntropyLoss()

    def run():
        model.train()
        for xb, yb in loader:
            loss_fn(model(xb), yb).backward()
            opt.step()
            opt.zero_grad()
    return run


def register(workload):
    @workload("relu_affine_10m", "relu(x·a + b) over 10M float32, fresh results each call")
    def relu_affine():
        x, a, b = torch.rand(10_000_000), torch.rand(10_000_000), torch.rand(10_000_000)
        return lambda: torch.relu(x * a + b)

    @workload("regression_1000", "Sequential(Linear(1, 1)), 1000 full-batch SGD epochs on the course's 80 points")
    def regression():
        rs = np.random.RandomState(42)
        x = rs.rand(100, 1)
        y = 1 + 2 * x + .1 * rs.randn(100, 1)
        idx = np.arange(100)
        rs.shuffle(idx)
        xt = torch.as_tensor(x[idx[:80]]).float()
        yt = torch.as_tensor(y[idx[:80]]).float()

        def run():
            torch.manual_seed(42)
            model = nn.Sequential(nn.Linear(1, 1))
            opt = torch.optim.SGD(model.parameters(), lr=0.1)
            loss_fn = nn.MSELoss()
            for _ in range(1000):
                model.train()
                loss_fn(model(xt), yt).backward()
                opt.step()
                opt.zero_grad()
        return run

    workload("fmnist_softmax_epoch", "Fashion-MNIST softmax regression, one epoch, batch 256, SGD 0.1")(
        lambda: _epoch(nn.Sequential(nn.Flatten(), nn.Linear(784, 10)), lambda ps: torch.optim.SGD(ps, lr=0.1), 60_000))
    workload("fmnist_mlp_epoch", "Fashion-MNIST MLP 784-256-10 (ReLU), one epoch, batch 256, Adam 1e-3")(
        lambda: _epoch(nn.Sequential(nn.Flatten(), nn.Linear(784, 256), nn.ReLU(), nn.Linear(256, 10)),
                       lambda ps: torch.optim.Adam(ps, lr=1e-3), 60_000))
    workload("lenet_10k", f"LeNet-5 (ReLU, max pool) on {LENET_IMAGES:,} Fashion-MNIST images, batch 256, SGD 0.1 momentum 0.9")(
        lambda: _epoch(lenet(), lambda ps: torch.optim.SGD(ps, lr=0.1, momentum=0.9), LENET_IMAGES))
