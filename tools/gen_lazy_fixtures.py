"""Golden values for nn.LazyLinear (tests/Gradus.Tests/NN/LazyLinearTests.cs), from PyTorch 1.13.
Run with Debian's interpreter: /usr/bin/python3 tools/gen_lazy_fixtures.py"""
import json
import os
import warnings

import torch
from torch import nn

from tensor_json import enc

warnings.simplefilter("ignore")
OUT = os.path.join(os.path.dirname(__file__), "..", "tests", "Gradus.Tests", "fixtures", "lazy")


def error(fn):
    try:
        fn()
    except Exception as e:  # noqa: BLE001 - the message is the fixture
        return {"type": type(e).__name__, "message": str(e)}
    raise AssertionError("expected an error")


def d2l():
    """D2L's LinearRegression: LazyLinear(1), then .data.normal_ / .data.fill_ (no-ops), then a first forward."""
    torch.manual_seed(42)
    net = nn.LazyLinear(1)
    before = repr(net)
    rng = torch.get_rng_state().clone()
    net.weight.data.normal_(0, 0.01)
    net.bias.data.fill_(0)
    assert torch.equal(rng, torch.get_rng_state())
    data_shape = list(net.weight.data.shape)
    x = torch.randn(8, 2)
    y = net(x)
    return {
        "repr_before": before, "repr_after": repr(net), "param_repr_before": "<UninitializedParameter>",
        "data_shape_before": data_shape, "x": enc(x), "y": enc(y), "weight": enc(net.weight), "bias": enc(net.bias),
        "in_features": net.in_features, "type_after": type(net).__name__,
    }


def materialize():
    cases = []
    for seed in (0, 42):
        for in_features in (1, 2, 5):
            for bias in (True, False):
                torch.manual_seed(seed)
                m = nn.LazyLinear(3, bias=bias)
                before = repr(m)
                x = torch.randn(4, in_features)
                y = m(x)
                cases.append({"seed": seed, "in_features": in_features, "bias": bias, "repr_before": before,
                              "repr_after": repr(m), "x": enc(x), "y": enc(y), "weight": enc(m.weight),
                              "bias_value": enc(m.bias) if bias else None, "next_rand": enc(torch.rand(2))})
    # a 3-d input: in_features is the last dimension
    torch.manual_seed(7)
    m = nn.LazyLinear(2)
    x = torch.randn(2, 3, 4)
    y = m(x)
    cases.append({"seed": 7, "in_features": 4, "bias": True, "repr_before": "LazyLinear(in_features=0, out_features=2, bias=True)",
                  "repr_after": repr(m), "x": enc(x), "y": enc(y), "weight": enc(m.weight), "bias_value": enc(m.bias),
                  "next_rand": enc(torch.rand(2))})
    return cases


def sgd():
    """An optimizer built from parameters() before the first forward updates the materialized parameters."""
    torch.manual_seed(0)
    m = nn.LazyLinear(1)
    opt = torch.optim.SGD(m.parameters(), lr=0.1)
    x = torch.randn(8, 3)
    y = torch.randn(8, 1)
    losses = []
    for _ in range(3):
        loss = nn.functional.mse_loss(m(x), y)
        losses.append(loss.item())
        opt.zero_grad()
        loss.backward()
        opt.step()
    assert opt.param_groups[0]["params"][0] is m.weight
    return {"x": enc(x), "y": enc(y), "losses": losses, "weight": enc(m.weight), "bias": enc(m.bias)}


def load():
    """load_state_dict into an unmaterialized LazyLinear materializes it from the checkpoint's shapes."""
    torch.manual_seed(1)
    src = nn.Linear(4, 2)
    sd = src.state_dict()
    m = nn.LazyLinear(2)
    keys = str(m.load_state_dict(sd))
    after_load = repr(m)
    x = torch.randn(3, 4)
    y = m(x)
    out = {"weight": enc(sd["weight"]), "bias": enc(sd["bias"]), "result": keys, "repr_after_load": after_load,
           "x": enc(x), "y": enc(y), "repr_after_forward": repr(m), "type_after_forward": type(m).__name__}
    # a partial state dict: the loaded parameter is materialized, the other stays uninitialized
    m2 = nn.LazyLinear(2)
    r2 = m2.load_state_dict({"weight": sd["weight"]}, strict=False)
    out["partial_result"] = str(r2)
    out["partial_bias_uninitialized"] = isinstance(m2.bias, nn.parameter.UninitializedParameter)
    out["strict_missing"] = error(lambda: nn.LazyLinear(2).load_state_dict({"weight": sd["weight"]}))["message"]
    return out


def errors():
    torch.manual_seed(0)
    m = nn.LazyLinear(1)
    out = {"shape": error(lambda: m.weight.shape), "numel": error(lambda: m.weight.numel()),
           "dim": error(lambda: m.weight.dim()), "forward_before_call": error(lambda: m.forward(torch.randn(3, 2)))}
    m(torch.randn(3, 2))
    out["wrong_in_features"] = error(lambda: m(torch.randn(3, 5)))
    out["size_mismatch"] = error(lambda: m.load_state_dict({"weight": torch.zeros(1, 3), "bias": torch.zeros(1)}))
    out["scalar_input"] = error(lambda: nn.LazyLinear(1)(torch.tensor(3.0)))
    return out


def before():
    m = nn.LazyLinear(2)
    return {"parameters": [repr(p) for p in m.parameters()], "state_dict_keys": list(m.state_dict().keys()),
            "state_dict_values": [repr(v) for v in m.state_dict().values()],
            "named_parameters": [n for n, _ in m.named_parameters()], "in_features": m.in_features,
            "data": repr(m.weight.data), "no_bias_repr": repr(nn.LazyLinear(2, bias=False)),
            "no_bias_parameters": len(list(nn.LazyLinear(2, bias=False).parameters()))}


def main():
    os.makedirs(OUT, exist_ok=True)
    fixture = {"d2l": d2l(), "materialize": materialize(), "sgd": sgd(), "load": load(), "errors": errors(), "before": before()}
    with open(os.path.join(OUT, "lazy_linear.json"), "w") as f:
        json.dump(fixture, f, indent=1)


if __name__ == "__main__":
    main()
