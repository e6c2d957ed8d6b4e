"""Module and layer fixtures for Gradus.NN (imported by tools/gen_nn_fixtures.py; run that script)."""
import torch
import torch.nn as nn
import torch.nn.functional as F

from nn_fixture_common import collect_errors, enc, save


def modules():
    class Manual(nn.Module):
        def __init__(self):
            super().__init__()
            self.b = nn.Parameter(torch.randn(1, requires_grad=True, dtype=torch.float))
            self.w = nn.Parameter(torch.randn(1, requires_grad=True, dtype=torch.float))

        def forward(self, x):
            return self.b + self.w * x

    torch.manual_seed(42)
    manual = Manual()
    reprs = {
        "sequential_linear": repr(nn.Sequential(nn.Linear(1, 1))),
        "nested": repr(nn.Sequential(nn.Flatten(), nn.BatchNorm1d(3), nn.Sequential(nn.ReLU(), nn.Dropout(0.5)), nn.GELU(),
                                     nn.Softplus(), nn.Unflatten(1, (3, 1)), nn.Identity())),
        "activations": [repr(m) for m in [nn.ReLU(), nn.LeakyReLU(), nn.LeakyReLU(0.2), nn.ELU(), nn.ELU(0.5), nn.GELU(),
                                          nn.GELU("tanh"), nn.SiLU(), nn.Sigmoid(), nn.Tanh(), nn.Softplus(), nn.Softplus(2, 5),
                                          nn.Softmax(dim=1), nn.LogSoftmax(dim=-1), nn.Dropout(0.25), nn.Identity(),
                                          nn.Flatten(), nn.Flatten(0, 2), nn.Unflatten(1, (2, 5)), nn.Unflatten(0, (4,))]],
        "batchnorm": [repr(m) for m in [nn.BatchNorm1d(3), nn.BatchNorm2d(8, eps=1e-3, momentum=None, affine=False),
                                        nn.BatchNorm2d(4, track_running_stats=False)]],
        "losses": [repr(m) for m in [nn.MSELoss(), nn.L1Loss(), nn.HuberLoss(), nn.BCELoss(), nn.BCEWithLogitsLoss(),
                                     nn.NLLLoss(), nn.CrossEntropyLoss()]],
        "manual": repr(manual),
    }
    seq = nn.Sequential(nn.Linear(2, 3), nn.BatchNorm1d(3), nn.ReLU(), nn.Sequential(nn.Linear(3, 1)))
    named = nn.Sequential()
    named.add_module("hidden", nn.Linear(2, 2))
    named.add_module("act", nn.ReLU())
    load_errors = {}
    m = nn.Sequential(nn.Linear(1, 1))
    for key, sd in {
        "missing": {"0.weight": torch.zeros(1, 1)},
        "unexpected_and_size": {"0.weight": torch.zeros(1, 2), "0.bias": torch.zeros(1), "x": torch.zeros(1), "y": torch.zeros(1)},
        "all_three": {"0.weight": torch.zeros(1, 2), "x": torch.zeros(1)},
    }.items():
        try:
            m.load_state_dict(sd)
            raise SystemExit(f"{key} did not fail")
        except RuntimeError as e:
            load_errors[key] = str(e)
    nonstrict = repr(m.load_state_dict({"0.weight": torch.zeros(1, 1), "x": torch.zeros(1)}, strict=False))
    bn_without_count = repr(nn.BatchNorm1d(2).load_state_dict(
        {"weight": torch.ones(2), "bias": torch.zeros(2), "running_mean": torch.zeros(2), "running_var": torch.ones(2)}))
    save("modules.json", {
        "manual_state_dict": {k: enc(v) for k, v in manual.state_dict().items()},
        "reprs": reprs,
        "state_dict_keys": list(seq.state_dict().keys()),
        "named_parameters": [k for k, _ in seq.named_parameters()],
        "named_buffers": [k for k, _ in seq.named_buffers()],
        "named_modules": [k for k, _ in seq.named_modules()],
        "named_sequential_keys": list(named.state_dict().keys()),
        "named_sequential_repr": repr(named),
        "load_errors": load_errors,
        "load_nonstrict": nonstrict,
        "load_bn_without_count": bn_without_count,
        "zero_grad_default_set_to_none": nn.Module.zero_grad.__defaults__[0],
    })


def layers():
    """Linear, Conv2d, pooling, Embedding and Maxout: seeded init, forward and gradients."""
    cases = []

    def run(name, kwargs, module_fn, x_fn, seed, grad_x=True):
        torch.manual_seed(seed)
        m = module_fn()
        init = {k: enc(v) for k, v in m.state_dict().items()}
        x = x_fn()
        if grad_x:
            x.requires_grad_()
        out = m(x)
        g = torch.Generator().manual_seed(seed + 500)
        gout = torch.randn(out.shape, generator=g)
        (out * gout).sum().backward()
        cases.append({"name": name, "kwargs": kwargs, "seed": seed, "init": init, "input": enc(x), "output": enc(out),
                      "grad_output": enc(gout), "grad_input": enc(x.grad) if grad_x else None,
                      "grads": {k: enc(v.grad) for k, v in m.named_parameters()}, "repr": repr(m)})

    run("linear", {"in": 1, "out": 1}, lambda: nn.Linear(1, 1), lambda: torch.randn(4, 1), 42)
    run("linear", {"in": 5, "out": 3}, lambda: nn.Linear(5, 3), lambda: torch.randn(4, 5), 1)
    run("linear", {"in": 4, "out": 2, "bias": False}, lambda: nn.Linear(4, 2, bias=False), lambda: torch.randn(2, 3, 4), 2)
    run("linear", {"in": 3, "out": 2}, lambda: nn.Linear(3, 2), lambda: torch.randn(2, 2, 3), 3)
    conv_specs = [
        ({"in": 1, "out": 2, "k": [3, 3]}, (2, 1, 5, 5)),
        ({"in": 3, "out": 4, "k": [3, 2], "stride": [2, 1], "padding": [1, 2]}, (2, 3, 6, 5)),
        ({"in": 2, "out": 3, "k": [3, 3], "dilation": [2, 2], "padding": [2, 1]}, (1, 2, 7, 6)),
        ({"in": 4, "out": 6, "k": [3, 3], "groups": 2, "stride": [1, 2], "bias": False}, (2, 4, 5, 6)),
        ({"in": 4, "out": 4, "k": [2, 2], "groups": 4}, (1, 4, 4, 4)),
        ({"in": 2, "out": 2, "k": [1, 1]}, (2, 5, 5)),
    ]
    for i, (kw, shape) in enumerate(conv_specs):
        if len(shape) == 3:
            kw = dict(kw, **{"in": shape[0]})
        args = dict(kernel_size=tuple(kw["k"]), stride=tuple(kw.get("stride", [1, 1])), padding=tuple(kw.get("padding", [0, 0])),
                    dilation=tuple(kw.get("dilation", [1, 1])), groups=kw.get("groups", 1), bias=kw.get("bias", True))
        run("conv2d", kw, lambda: nn.Conv2d(kw["in"], kw["out"], **args), lambda: torch.randn(*shape), 10 + i)
    run("conv2d", {"in": 1, "out": 2, "k": [3, 3], "square": 3}, lambda: nn.Conv2d(1, 2, 3), lambda: torch.randn(1, 1, 4, 4), 42)
    pool_specs = [
        ("max_pool2d", {"k": [2, 2]}, lambda: nn.MaxPool2d(2), (2, 3, 4, 6)),
        ("max_pool2d", {"k": [3, 2], "stride": [2, 1], "padding": [1, 1]}, lambda: nn.MaxPool2d((3, 2), (2, 1), (1, 1)), (1, 2, 5, 5)),
        ("max_pool2d", {"k": [2, 2], "stride": [1, 1], "dilation": [2, 2]}, lambda: nn.MaxPool2d(2, 1, 0, 2), (1, 1, 5, 6)),
        ("max_pool2d", {"k": [2, 2]}, lambda: nn.MaxPool2d(2), (3, 4, 4)),
        ("avg_pool2d", {"k": [2, 2]}, lambda: nn.AvgPool2d(2), (2, 2, 4, 5)),
        ("avg_pool2d", {"k": [3, 3], "stride": [2, 2], "padding": [1, 1]}, lambda: nn.AvgPool2d(3, 2, 1), (1, 2, 5, 6)),
        ("avg_pool2d", {"k": [3, 3], "stride": [2, 2], "padding": [1, 1], "count_include_pad": False},
         lambda: nn.AvgPool2d(3, 2, 1, count_include_pad=False), (1, 2, 5, 6)),
        ("adaptive_avg_pool2d", {"out": [1, 1]}, lambda: nn.AdaptiveAvgPool2d(1), (2, 3, 5, 4)),
        ("adaptive_avg_pool2d", {"out": [2, 3]}, lambda: nn.AdaptiveAvgPool2d((2, 3)), (1, 2, 5, 7)),
    ]
    for i, (name, kw, fn, shape) in enumerate(pool_specs):
        run(name, kw, fn, lambda: torch.randn(*shape), 30 + i)
    # Ties: max pooling sends the gradient to the first maximum.
    cases_ties = torch.tensor([[[[1.0, 1.0, 0.0, 2.0], [1.0, 0.0, 2.0, 2.0]]]])
    run("max_pool2d", {"k": [2, 2]}, lambda: nn.MaxPool2d(2), lambda: cases_ties.clone(), 40)
    run("embedding", {"num": 6, "dim": 3}, lambda: nn.Embedding(6, 3), lambda: torch.tensor([[0, 2, 5], [2, 2, 1]]), 50, grad_x=False)
    run("embedding", {"num": 5, "dim": 2, "padding_idx": 1}, lambda: nn.Embedding(5, 2, padding_idx=1),
        lambda: torch.tensor([1, 3, 1, 0]), 51, grad_x=False)
    for i, (fin, fout, k) in enumerate([(3, 2, 2), (4, 3, 3)]):
        torch.manual_seed(60 + i)
        lin = nn.Linear(fin, fout * k)
        x = torch.randn(5, fin, requires_grad=True)
        out = lin(x).view(5, fout, k).max(-1).values
        gout = torch.randn(out.shape, generator=torch.Generator().manual_seed(60 + i + 500))
        (out * gout).sum().backward()
        cases.append({"name": "maxout", "kwargs": {"in": fin, "out": fout, "pieces": k}, "seed": 60 + i,
                      "init": {"linear." + k2: enc(v) for k2, v in lin.state_dict().items()}, "input": enc(x), "output": enc(out),
                      "grad_output": enc(gout), "grad_input": enc(x.grad),
                      "grads": {"linear." + k2: enc(v.grad) for k2, v in lin.named_parameters()}, "repr": None})
    errors = collect_errors({
        "conv_channels": lambda: F.conv2d(torch.randn(1, 4, 5, 5), torch.randn(2, 3, 3, 3)),
        "conv_groups_channels": lambda: F.conv2d(torch.randn(1, 4, 5, 5), torch.randn(2, 3, 3, 3), groups=2),
        "conv_kernel_too_big": lambda: F.conv2d(torch.randn(1, 3, 2, 2), torch.randn(2, 3, 3, 3)),
        "conv_input_dims": lambda: F.conv2d(torch.randn(5, 5), torch.randn(2, 3, 3, 3)),
        "conv_bias": lambda: F.conv2d(torch.randn(1, 3, 5, 5), torch.randn(2, 3, 3, 3), bias=torch.randn(3)),
        "conv_in_groups": lambda: nn.Conv2d(3, 4, 3, groups=2),
        "conv_out_groups": lambda: nn.Conv2d(4, 3, 3, groups=2),
        "pool_pad": lambda: F.max_pool2d(torch.randn(1, 1, 4, 4), 2, padding=2),
        "pool_too_small": lambda: F.max_pool2d(torch.randn(1, 1, 1, 1), 2),
        "embedding_range": lambda: F.embedding(torch.tensor([0, 5]), torch.randn(4, 2)),
        "linear_shapes": lambda: nn.Linear(5, 2)(torch.randn(3, 4)),
    })
    reprs = [repr(m) for m in [nn.Conv2d(1, 2, 3), nn.Conv2d(4, 6, (3, 5), stride=2, padding=(1, 2), dilation=2, groups=2, bias=False),
                               nn.MaxPool2d(2), nn.MaxPool2d((2, 3), (1, 1), (1, 1), (2, 2)), nn.AvgPool2d(2),
                               nn.AvgPool2d((2, 2), (1, 1), (1, 1), count_include_pad=False), nn.AdaptiveAvgPool2d(1),
                               nn.AdaptiveAvgPool2d((2, 3)), nn.Embedding(10, 3, padding_idx=-1), nn.Embedding(4, 2), nn.Linear(3, 2, bias=False)]]
    torch.manual_seed(42)
    seq = nn.Sequential(nn.Linear(1, 1))
    save("layers.json", {"cases": cases, "errors": errors, "reprs": reprs,
                         "sequential_linear_42": {k: enc(v) for k, v in seq.state_dict().items()}})
