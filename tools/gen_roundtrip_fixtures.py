#!/usr/bin/env python3
"""Weights move between Gradus and PyTorch through safetensors files, both ways.

Run: /usr/bin/python3 tools/gen_roundtrip_fixtures.py
1. PyTorch -> Gradus: trains nn.Sequential(Linear(4, 8), ReLU(), Linear(8, 3)) for 20 SGD steps, saves
   its state_dict to fixtures/io/roundtrip/torch_model.safetensors and its predictions on the probe inputs
   to torch_outputs.json. Gradus's test loads the file and must predict the same to 1e-6.
2. Gradus -> PyTorch: loads gradus_model.safetensors (written by Gradus's RoundTripTests with
   GRADUS_WRITE_FIXTURES=1, the same bytes every run) into the same architecture and records PyTorch's
   predictions in gradus_outputs.json. Gradus's test checks it still writes those bytes and predicts the same.
"""
import json, os, sys
import torch
from torch import nn

sys.path.insert(0, os.path.dirname(__file__))
from safetensors_torch import save_file, load_file  # noqa: E402

OUT = os.path.join(os.path.dirname(__file__), "..", "tests", "Gradus.Tests", "fixtures", "io", "roundtrip")
os.makedirs(OUT, exist_ok=True)


def make():
    return nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 3))


g = torch.Generator().manual_seed(11)
x_train = torch.randn(32, 4, generator=g)
y_train = torch.randn(32, 3, generator=g)
probe = torch.randn(5, 4, generator=g)

torch.manual_seed(0)
model = make()
opt = torch.optim.SGD(model.parameters(), lr=0.1)
for _ in range(20):
    opt.zero_grad()
    nn.functional.mse_loss(model(x_train), y_train).backward()
    opt.step()
save_file(model.state_dict(), os.path.join(OUT, "torch_model.safetensors"))
with torch.no_grad():
    out = model(probe)
data = dict(x_train=x_train.tolist(), y_train=y_train.tolist(), probe=probe.tolist(), outputs=out.tolist())
with open(os.path.join(OUT, "torch_outputs.json"), "w") as f:
    json.dump(data, f)

gradus_file = os.path.join(OUT, "gradus_model.safetensors")
if os.path.exists(gradus_file):
    m = make()
    m.load_state_dict(load_file(gradus_file))
    with torch.no_grad():
        out = m(probe)
    with open(os.path.join(OUT, "gradus_outputs.json"), "w") as f:
        json.dump(dict(outputs=out.tolist()), f)
    print("recorded PyTorch's predictions with Gradus's weights")
else:
    print("no gradus_model.safetensors yet: run Gradus's RoundTripTests with GRADUS_WRITE_FIXTURES=1, then rerun this")
print("wrote", OUT)
