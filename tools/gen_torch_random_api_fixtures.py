#!/usr/bin/env python3
"""Golden values for the Torch.* random wrappers (default generator, sequential draws).

Run: /usr/bin/python3 tools/gen_torch_random_api_fixtures.py
Writes tests/Gradus.Tests/fixtures/random_api/sequence.json.
"""
import json, os
import torch

OUT = os.path.join(os.path.dirname(__file__), "..", "tests", "Gradus.Tests", "fixtures", "random_api")
os.makedirs(OUT, exist_ok=True)
torch.manual_seed(42)
seq = []
seq.append(("randn", [1], torch.randn(1).tolist()))
seq.append(("randn", [5], torch.randn(5).tolist()))
seq.append(("randn", [4, 5], torch.randn(4, 5).flatten().tolist()))
seq.append(("rand", [3, 2], torch.rand(3, 2).flatten().tolist()))
seq.append(("randint", [6], torch.randint(0, 10, (6,)).tolist()))
seq.append(("randperm", [7], torch.randperm(7).tolist()))
seq.append(("normal", [4], torch.normal(2.0, 3.0, (4,)).tolist()))
seq.append(("bernoulli", [10], torch.bernoulli(torch.full((10,), 0.3)).tolist()))
seq.append(("multinomial", [5], torch.multinomial(torch.tensor([0.1, 0.2, 0.7]), 5, True).tolist()))
seq.append(("randn64", [4], torch.randn(4, dtype=torch.float64).tolist()))
lin = torch.nn.Linear(1, 1)
torch.manual_seed(42)
lin = torch.nn.Linear(1, 1)
with open(os.path.join(OUT, "sequence.json"), "w") as f:
    json.dump(dict(seed=42, sequence=[dict(op=o, shape=s, values=v) for o, s, v in seq],
                   linear=[lin.weight.item(), lin.bias.item()]), f)
print("wrote", OUT)
