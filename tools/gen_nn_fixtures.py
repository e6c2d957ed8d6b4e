#!/usr/bin/python3
"""Golden values for Gradus.NN from PyTorch 1.13 (run with Debian's /usr/bin/python3).

Writes tests/Gradus.Tests/fixtures/nn/*.json. Every tensor is stored as {"shape": [...], "data": [...]}
(float32 values written exactly as Python floats). Forward outputs and the gradients of
sum(output * grad_output) with respect to each input come straight from torch. Helpers live in
tools/nn_fixture_common.py, the module and layer cases in tools/nn_fixtures_layers.py.
"""
import math

import torch
import torch.nn as nn
import torch.nn.functional as F

from nn_fixture_common import collect_errors, enc, forward_backward, save
from nn_fixtures_layers import layers, modules


def activations():
    torch.manual_seed(0)
    x = torch.randn(3, 5) * 3
    x[0, 0] = 0.0
    x[0, 1] = 30.0
    x[0, 2] = -30.0
    cases = []
    specs = [
        ("relu", {}, lambda t: F.relu(t)),
        ("leaky_relu", {"negative_slope": 0.2}, lambda t: F.leaky_relu(t, 0.2)),
        ("leaky_relu", {}, lambda t: F.leaky_relu(t)),
        ("elu", {"alpha": 1.0}, lambda t: F.elu(t)),
        ("elu", {"alpha": 0.5}, lambda t: F.elu(t, 0.5)),
        ("gelu", {"approximate": "none"}, lambda t: F.gelu(t)),
        ("gelu", {"approximate": "tanh"}, lambda t: F.gelu(t, approximate="tanh")),
        ("silu", {}, lambda t: F.silu(t)),
        ("sigmoid", {}, lambda t: torch.sigmoid(t)),
        ("tanh", {}, lambda t: torch.tanh(t)),
        ("softplus", {"beta": 1.0, "threshold": 20.0}, lambda t: F.softplus(t)),
        ("softplus", {"beta": 2.0, "threshold": 5.0}, lambda t: F.softplus(t, 2.0, 5.0)),
        ("softmax", {"dim": 1}, lambda t: F.softmax(t, 1)),
        ("softmax", {"dim": 0}, lambda t: F.softmax(t, 0)),
        ("log_softmax", {"dim": 1}, lambda t: F.log_softmax(t, 1)),
        ("log_softmax", {"dim": 0}, lambda t: F.log_softmax(t, 0)),
    ]
    for i, (name, kw, fn) in enumerate(specs):
        out, gout, grads = forward_backward(fn, [x], 100 + i)
        cases.append({"name": name, "kwargs": kw, "input": enc(x), "output": enc(out), "grad_output": enc(gout), "grad_input": grads[0]})
    # Large logits: softmax / log-softmax must stay finite.
    big = torch.tensor([[1000.0, 1001.0, 999.0], [-1000.0, 0.0, 1000.0]])
    for i, name in enumerate(["softmax", "log_softmax"]):
        fn = (lambda t: F.softmax(t, 1)) if name == "softmax" else (lambda t: F.log_softmax(t, 1))
        out, gout, grads = forward_backward(fn, [big], 200 + i)
        cases.append({"name": name, "kwargs": {"dim": 1}, "input": enc(big), "output": enc(out), "grad_output": enc(gout), "grad_input": grads[0]})
    # A 3-D softmax over the middle dim (strided rows).
    x3 = torch.randn(2, 3, 4)
    out, gout, grads = forward_backward(lambda t: F.softmax(t, 1), [x3], 300)
    cases.append({"name": "softmax", "kwargs": {"dim": 1}, "input": enc(x3), "output": enc(out), "grad_output": enc(gout), "grad_input": grads[0]})
    save("activations.json", {"cases": cases})


def losses():
    torch.manual_seed(1)
    cases = []

    def add(name, kwargs, fn, inputs, seed):
        # Third and later inputs are weights: constants, as in PyTorch's losses.
        out, gout, grads = forward_backward(fn, inputs, seed, constant=range(2, len(inputs)))
        cases.append({"name": name, "kwargs": kwargs, "inputs": [enc(x) for x in inputs], "output": enc(out),
                      "grad_output": enc(gout), "grads": grads})

    x = torch.randn(4, 3)
    y = torch.randn(4, 3)
    for red in ["mean", "sum", "none"]:
        add("mse", {"reduction": red}, lambda a, b: F.mse_loss(a, b, reduction=red), [x, y], 1)
        add("l1", {"reduction": red}, lambda a, b: F.l1_loss(a, b, reduction=red), [x, y], 2)
        add("huber", {"reduction": red, "delta": 0.5}, lambda a, b: F.huber_loss(a, b, reduction=red, delta=0.5), [x, y], 3)
    add("huber", {"reduction": "mean", "delta": 1.0}, lambda a, b: F.huber_loss(a, b), [x * 2, y], 4)

    p = torch.rand(4, 3) * 0.98 + 0.01
    p[0, 0] = 0.0
    p[0, 1] = 1.0
    t = (torch.rand(4, 3) > 0.5).float()
    t[0, 0] = 1.0
    t[0, 1] = 0.0
    w = torch.rand(3) + 0.5
    for red in ["mean", "sum", "none"]:
        add("bce", {"reduction": red}, lambda a, b: F.binary_cross_entropy(a, b, reduction=red), [p[1:], t[1:]], 5)
    add("bce", {"reduction": "mean"}, lambda a, b: F.binary_cross_entropy(a, b), [p, t], 6)  # log clamped at -100
    add("bce_weight", {"reduction": "mean"}, lambda a, b, c: F.binary_cross_entropy(a, b, weight=c), [p[1:], t[1:], w], 7)
    soft = torch.rand(3, 3)
    add("bce", {"reduction": "sum"}, lambda a, b: F.binary_cross_entropy(a, b, reduction="sum"), [p[1:], soft], 8)

    logits = torch.randn(4, 3) * 4
    logits[0, 0] = 60.0
    logits[0, 1] = -60.0
    pw = torch.tensor([2.0, 0.5, 1.5])
    for red in ["mean", "sum", "none"]:
        add("bce_logits", {"reduction": red}, lambda a, b: F.binary_cross_entropy_with_logits(a, b, reduction=red), [logits, t], 9)
    add("bce_logits_pos_weight", {"reduction": "mean"},
        lambda a, b, c: F.binary_cross_entropy_with_logits(a, b, pos_weight=c), [logits, t, pw], 10)
    add("bce_logits_weight_pos_weight", {"reduction": "sum"},
        lambda a, b, c, d: F.binary_cross_entropy_with_logits(a, b, weight=c, reduction="sum", pos_weight=d), [logits, t, w, pw], 11)

    z = torch.randn(5, 4) * 2
    labels = torch.tensor([0, 3, 1, 1, 2])
    cw = torch.tensor([1.0, 2.0, 0.5, 1.5])
    logp = F.log_softmax(z, 1)
    for red in ["mean", "sum", "none"]:
        add("nll", {"reduction": red}, lambda a, b: F.nll_loss(a, b, reduction=red), [logp, labels], 12)
        add("nll_weight", {"reduction": red}, lambda a, b, c: F.nll_loss(a, b, weight=c, reduction=red), [logp, labels, cw], 13)
    ign = torch.tensor([0, -100, 1, 1, 2])
    add("nll", {"reduction": "mean", "ignore_index": -100}, lambda a, b: F.nll_loss(a, b), [logp, ign], 14)
    ign2 = torch.tensor([0, 3, 1, 1, 3])
    add("nll_weight", {"reduction": "mean", "ignore_index": 3}, lambda a, b, c: F.nll_loss(a, b, weight=c, ignore_index=3), [logp, ign2, cw], 15)
    z4 = torch.randn(2, 3, 2, 2)
    l4 = torch.tensor([[[0, 1], [2, 0]], [[1, 1], [2, 2]]])
    add("nll", {"reduction": "mean"}, lambda a, b: F.nll_loss(a, b), [F.log_softmax(z4, 1), l4], 16)
    add("nll", {"reduction": "none"}, lambda a, b: F.nll_loss(a, b, reduction="none"), [F.log_softmax(z4, 1), l4], 17)

    for red in ["mean", "sum", "none"]:
        add("cross_entropy", {"reduction": red}, lambda a, b: F.cross_entropy(a, b, reduction=red), [z, labels], 18)
        add("cross_entropy_weight", {"reduction": red}, lambda a, b, c: F.cross_entropy(a, b, weight=c, reduction=red), [z, labels, cw], 19)
        add("cross_entropy", {"reduction": red, "label_smoothing": 0.1},
            lambda a, b: F.cross_entropy(a, b, reduction=red, label_smoothing=0.1), [z, ign], 20)
        add("cross_entropy_weight", {"reduction": red, "label_smoothing": 0.2},
            lambda a, b, c: F.cross_entropy(a, b, weight=c, reduction=red, label_smoothing=0.2), [z, ign, cw], 21)
    big = torch.tensor([[1000.0, 0.0, -1000.0, 5.0], [1.0, 1000.0, 999.0, 0.0]])
    add("cross_entropy", {"reduction": "mean"}, lambda a, b: F.cross_entropy(a, b), [big, torch.tensor([2, 1])], 22)
    probs = F.softmax(torch.randn(5, 4), 1)
    for red in ["mean", "sum", "none"]:
        add("cross_entropy_probs", {"reduction": red}, lambda a, b: F.cross_entropy(a, b, reduction=red), [z, probs], 23)
    add("cross_entropy_probs_weight", {"reduction": "mean", "label_smoothing": 0.3},
        lambda a, b, c: F.cross_entropy(a, b, weight=c, label_smoothing=0.3), [z, probs, cw], 24)
    add("cross_entropy", {"reduction": "mean"}, lambda a, b: F.cross_entropy(a, b), [z4, l4], 25)
    add("cross_entropy", {"reduction": "mean"}, lambda a, b: F.cross_entropy(a, b), [z[0], labels[1]], 26)

    errors = collect_errors({
        "target_out_of_bounds": lambda: F.cross_entropy(torch.randn(3, 4), torch.tensor([0, 5, 1])),
        "batch_mismatch": lambda: F.nll_loss(torch.randn(3, 4), torch.tensor([0, 1])),
        "target_dtype": lambda: F.nll_loss(torch.randn(3, 4), torch.tensor([0.0, 1.0, 2.0])),
        "weight_size": lambda: F.nll_loss(torch.randn(3, 4), torch.tensor([0, 1, 2]), weight=torch.ones(2)),
        "label_smoothing": lambda: F.cross_entropy(torch.randn(3, 4), torch.tensor([0, 1, 2]), label_smoothing=1.5),
        "bce_range": lambda: F.binary_cross_entropy(torch.tensor([0.5, 1.5]), torch.tensor([0.0, 1.0])),
        "bce_size": lambda: F.binary_cross_entropy(torch.tensor([[0.5], [0.5]]), torch.tensor([0.0, 1.0])),
        "bce_logits_size": lambda: F.binary_cross_entropy_with_logits(torch.tensor([[0.5], [0.5]]), torch.tensor([0.0, 1.0])),
        "linear_shapes": lambda: F.linear(torch.randn(3, 4), torch.randn(2, 5)),
    })
    save("losses.json", {"cases": cases, "errors": errors})


def batch_norm():
    torch.manual_seed(2)
    cases = []
    for name, cls, shape, kw in [
        ("bn1d_2d", nn.BatchNorm1d, (6, 3), {}),
        ("bn1d_3d", nn.BatchNorm1d, (4, 3, 5), {"momentum": 0.3}),
        ("bn2d", nn.BatchNorm2d, (2, 3, 4, 4), {}),
        ("bn2d_cumulative", nn.BatchNorm2d, (3, 2, 2, 3), {"momentum": None}),
        ("bn2d_noaffine", nn.BatchNorm2d, (2, 2, 3, 3), {"affine": False, "eps": 1e-3}),
        ("bn1d_untracked", nn.BatchNorm1d, (5, 4), {"track_running_stats": False}),
    ]:
        m = cls(shape[1], **kw)
        if m.affine:
            with torch.no_grad():
                m.weight.copy_(torch.rand(shape[1]) + 0.5)
                m.bias.copy_(torch.randn(shape[1]))
        params = {k: enc(v) for k, v in m.named_parameters()}
        steps = []
        for step in range(2):
            x = (torch.randn(*shape) * 2 + 1).requires_grad_()
            m.train()
            out = m(x)
            gout = torch.randn(out.shape)
            m.zero_grad()
            (out * gout).sum().backward()
            steps.append({"input": enc(x), "output": enc(out), "grad_output": enc(gout), "grad_input": enc(x.grad),
                          "grads": {k: enc(v.grad) for k, v in m.named_parameters()},
                          "buffers": {k: enc(v) for k, v in m.named_buffers()}})
        x = torch.randn(*shape).requires_grad_()
        m.eval()
        out = m(x)
        gout = torch.randn(out.shape)
        m.zero_grad()
        (out * gout).sum().backward()
        ev = {"input": enc(x), "output": enc(out), "grad_output": enc(gout), "grad_input": enc(x.grad),
              "grads": {k: enc(v.grad) for k, v in m.named_parameters()}}
        cases.append({"name": name, "kwargs": {k: v for k, v in kw.items()}, "num_features": shape[1], "params": params,
                      "train_steps": steps, "eval": ev, "repr": repr(m), "state_dict_keys": list(m.state_dict().keys())})
    errors = collect_errors({
        "one_value_per_channel": lambda: nn.BatchNorm1d(3)(torch.randn(1, 3)),
        "bn1d_dims": lambda: nn.BatchNorm1d(3)(torch.randn(2, 3, 4, 5)),
        "bn2d_dims": lambda: nn.BatchNorm2d(3)(torch.randn(2, 3, 4)),
    })
    save("batchnorm.json", {"cases": cases, "errors": errors})


def dropout():
    cases = []
    for seed, p, shape, dtype in [(0, 0.5, (4, 6), torch.float32), (7, 0.2, (3, 5), torch.float32),
                                  (3, 0.8, (40,), torch.float32), (5, 0.3, (3, 4), torch.float64)]:
        x = torch.randn(*shape, generator=torch.Generator().manual_seed(seed + 1000), dtype=dtype).requires_grad_()
        torch.manual_seed(seed)
        out = F.dropout(x, p, training=True)
        gout = torch.randn(out.shape, generator=torch.Generator().manual_seed(seed + 2000), dtype=dtype)
        (out * gout).sum().backward()
        # The next draw after the mask shows how much of the stream dropout consumed.
        after = torch.rand(3)
        cases.append({"seed": seed, "p": p, "input": enc(x), "output": enc(out), "grad_output": enc(gout),
                      "grad_input": enc(x.grad), "next_rand": enc(after)})
    save("dropout.json", {"cases": cases})


def init():
    cases = []
    specs = [
        ("uniform_", {"a": -2.0, "b": 3.0}, (3, 4), lambda t: nn.init.uniform_(t, -2.0, 3.0)),
        ("normal_", {"mean": 1.0, "std": 0.5}, (5, 4), lambda t: nn.init.normal_(t, 1.0, 0.5)),
        ("normal_", {"mean": 0.0, "std": 2.0}, (2, 3), lambda t: nn.init.normal_(t, 0.0, 2.0)),
        ("xavier_uniform_", {"gain": 1.0}, (4, 6), lambda t: nn.init.xavier_uniform_(t)),
        ("xavier_normal_", {"gain": 2.0}, (6, 5), lambda t: nn.init.xavier_normal_(t, 2.0)),
        ("kaiming_uniform_", {"a": math.sqrt(5)}, (3, 7), lambda t: nn.init.kaiming_uniform_(t, a=math.sqrt(5))),
        ("kaiming_uniform_", {"a": 0.0, "mode": "fan_out", "nonlinearity": "relu"}, (2, 3, 3, 3),
         lambda t: nn.init.kaiming_uniform_(t, mode="fan_out", nonlinearity="relu")),
        ("kaiming_normal_", {"a": 0.0, "mode": "fan_in", "nonlinearity": "relu"}, (8, 4, 3),
         lambda t: nn.init.kaiming_normal_(t, nonlinearity="relu")),
        ("constant_", {"val": 0.25}, (2, 2), lambda t: nn.init.constant_(t, 0.25)),
    ]
    for i, (name, kw, shape, fn) in enumerate(specs):
        torch.manual_seed(10 + i)
        t = torch.empty(*shape)
        fn(t)
        cases.append({"name": name, "seed": 10 + i, "kwargs": kw, "shape": list(shape), "values": enc(t)})
    gains = {n: nn.init.calculate_gain(n) for n in ["linear", "conv2d", "sigmoid", "tanh", "relu", "leaky_relu", "selu"]}
    gains["leaky_relu_0.2"] = nn.init.calculate_gain("leaky_relu", 0.2)
    save("init.json", {"cases": cases, "gains": gains})


if __name__ == "__main__":
    assert torch.__version__.startswith("1.13"), torch.__version__
    torch.set_num_threads(1)
    activations()
    losses()
    batch_norm()
    dropout()
    init()
    modules()
    layers()
