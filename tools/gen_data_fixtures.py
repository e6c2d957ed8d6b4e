#!/usr/bin/python3
"""Writes the golden values for Gradus.Data, computed with PyTorch 1.13 (torch.utils.data), scikit-learn
(StandardScaler / MinMaxScaler) and NumPy:

  tests/Gradus.Tests/fixtures/data/loader.json      DataLoader batches over 3 epochs (shuffle, drop_last,
                                                    explicit generator or the default one after manual_seed)
  tests/Gradus.Tests/fixtures/data/samplers.json    RandomSampler, WeightedRandomSampler, BatchSampler, random_split
  tests/Gradus.Tests/fixtures/data/scalers.json     StandardScaler / MinMaxScaler fitted state and outputs
  tests/Gradus.Tests/fixtures/data/transforms.json  ToTensor / Normalize as torchvision computes them (in torch ops)
  tests/Gradus.Tests/fixtures/data/mnist.json       the Fashion-MNIST and digits samples in data/: counts, labels,
                                                    first image after ToTensor, a shuffled first batch

torchvision is not installed here, so ToTensor and Normalize are written with the torch ops torchvision 0.14's
functional.to_tensor / functional.normalize use (from_numpy, permute, .to(float).div(255), sub_/div_).

Run: /usr/bin/python3 tools/gen_data_fixtures.py
"""
import gzip
import json
import math
import os

import numpy as np
import torch
from sklearn.preprocessing import MinMaxScaler, StandardScaler
from torch.utils.data import (BatchSampler, DataLoader, RandomSampler, SequentialSampler, TensorDataset,
                              WeightedRandomSampler, random_split)

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "tests", "Gradus.Tests", "fixtures", "data")


def save(name, value):
    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, name), "w") as f:
        json.dump(value, f, separators=(",", ":"), allow_nan=False)
        f.write("\n")


def gen(seed):
    return torch.Generator().manual_seed(seed)


def epochs(loader, count=3):
    return [[[t.tolist() for t in batch] for batch in loader] for _ in range(count)]


def loader_cases():
    dataset = TensorDataset(torch.arange(10), torch.arange(10) * 10)
    cases = []
    for shuffle in (False, True):
        for drop_last in (False, True):
            for seed in (0, 42):
                # An explicit generator: the sampler's randperm and the per-epoch base seed both come from it.
                g = gen(seed)
                torch.manual_seed(1000 + seed)
                batches = epochs(DataLoader(dataset, batch_size=4, shuffle=shuffle, drop_last=drop_last, generator=g))
                cases.append({"shuffle": shuffle, "drop_last": drop_last, "generator_seed": seed, "manual_seed": 1000 + seed,
                              "epochs": batches,
                              "generator_after": torch.randperm(10, generator=g).tolist(),
                              "default_after": torch.randperm(10).tolist()})
                # No generator: the default generator gives the base seed and the sampler's seed every epoch.
                torch.manual_seed(seed)
                batches = epochs(DataLoader(dataset, batch_size=4, shuffle=shuffle, drop_last=drop_last))
                cases.append({"shuffle": shuffle, "drop_last": drop_last, "generator_seed": None, "manual_seed": seed,
                              "epochs": batches, "default_after": torch.randperm(10).tolist()})
    return cases


def sampler_cases():
    out = {}
    random = []
    for replacement, num_samples in ((False, None), (False, 7), (False, 25), (True, None), (True, 40), (True, 64)):
        entry = {"replacement": replacement, "num_samples": num_samples}
        entry["with_generator"] = list(RandomSampler(range(10), replacement, num_samples, generator=gen(7)))
        torch.manual_seed(7)
        entry["default"] = list(RandomSampler(range(10), replacement, num_samples))
        entry["default_after"] = torch.randperm(10).tolist()
        random.append(entry)
    out["random"] = random

    weighted = []
    for weights, num_samples, replacement in (([0.1, 0.9, 0.4, 0.7, 3.0, 0.6], 5, True),
                                              ([0.9, 0.4, 0.05, 0.2, 0.3, 0.1], 5, False),
                                              ([1.0, 2.0, 0.0, 4.0], 20, True),
                                              ([0.25, 0.25, 0.5], 3, False)):
        entry = {"weights": weights, "num_samples": num_samples, "replacement": replacement}
        entry["with_generator"] = list(WeightedRandomSampler(weights, num_samples, replacement, generator=gen(3)))
        torch.manual_seed(3)
        sampler = WeightedRandomSampler(weights, num_samples, replacement)
        entry["default_epochs"] = [list(sampler), list(sampler)]
        weighted.append(entry)
    out["weighted"] = weighted

    out["batch"] = [{"n": n, "batch_size": b, "drop_last": d,
                     "batches": list(BatchSampler(SequentialSampler(range(n)), b, d))}
                    for n, b, d in ((10, 3, False), (10, 3, True), (8, 4, False), (8, 4, True), (2, 5, False), (2, 5, True))]

    splits = []
    for n, lengths, seed in ((10, [3, 7], 42), (30, [0.3, 0.3, 0.4], 42), (11, [0.5, 0.5], 1), (10, [0.1, 0.2, 0.3, 0.4], 5),
                             (7, [0.34, 0.33, 0.33], 2), (6, [1, 0], 0), (5, [2, 0, 3], 9)):
        parts = random_split(range(n), lengths, generator=gen(seed))
        entry = {"n": n, "lengths": lengths, "seed": seed, "with_generator": [list(p.indices) for p in parts]}
        torch.manual_seed(seed)
        entry["default"] = [list(p.indices) for p in random_split(range(n), lengths)]
        splits.append(entry)
    out["random_split"] = splits
    return out


def scaler_cases():
    rng = np.random.RandomState(0)
    x = rng.normal(loc=[3.0, -2.0, 0.0, 100.0], scale=[1.0, 0.5, 0.0, 20.0], size=(12, 4))
    x[:, 2] = 5.0  # a constant column: zero variance, zero range
    new = rng.normal(size=(5, 4)) * 10
    with_nan = x.copy()
    with_nan[[1, 4, 7], [0, 3, 0]] = np.nan
    cases = []
    for name, data, dtype in (("float64", x, np.float64), ("float32", x, np.float32), ("nan", with_nan, np.float64)):
        data = data.astype(dtype)
        case = {"name": name, "dtype": name if name != "nan" else "float64", "x": nan_list(data),
                "new": new.tolist()}
        std = StandardScaler().fit(data)
        case["standard"] = {
            "mean": std.mean_.tolist(), "var": std.var_.tolist(), "scale": std.scale_.tolist(),
            "n_samples_seen": np.broadcast_to(std.n_samples_seen_, (data.shape[1],)).astype(float).tolist(),
            "transform": nan_list(std.transform(data)), "transform_new": std.transform(new.astype(dtype)).astype(np.float64).tolist(),
            "inverse_new": std.inverse_transform(new.astype(dtype)).astype(np.float64).tolist(),
            "no_mean": nan_list(StandardScaler(with_mean=False).fit_transform(data)),
            "no_std": nan_list(StandardScaler(with_std=False).fit_transform(data)),
        }
        mm = {}
        for lo, hi in ((0, 1), (-1, 1)):
            s = MinMaxScaler(feature_range=(lo, hi)).fit(data)
            mm[f"{lo},{hi}"] = {
                "data_min": s.data_min_.tolist(), "data_max": s.data_max_.tolist(), "data_range": s.data_range_.tolist(),
                "scale": s.scale_.tolist(), "min": s.min_.tolist(),
                "transform": nan_list(s.transform(data)), "transform_new": s.transform(new.astype(dtype)).astype(np.float64).tolist(),
                "inverse_new": s.inverse_transform(new.astype(dtype)).astype(np.float64).tolist(),
            }
        case["minmax"] = mm
        cases.append(case)
    return cases


def nan_list(a):
    return [[None if math.isnan(v) else float(v) for v in row] for row in np.asarray(a, dtype=np.float64)]


def to_tensor(pic):
    # torchvision.transforms.functional.to_tensor for a numpy array.
    if pic.ndim == 2:
        pic = pic[:, :, None]
    img = torch.from_numpy(pic.transpose((2, 0, 1))).contiguous()
    if img.dtype == torch.uint8:
        return img.to(dtype=torch.get_default_dtype()).div(255)
    return img


def normalize(tensor, mean, std):
    # torchvision.transforms.functional.normalize (inplace=False).
    tensor = tensor.clone()
    mean = torch.as_tensor(mean, dtype=tensor.dtype)
    std = torch.as_tensor(std, dtype=tensor.dtype)
    if mean.ndim == 1:
        mean = mean.view(-1, 1, 1)
    if std.ndim == 1:
        std = std.view(-1, 1, 1)
    return tensor.sub_(mean).div_(std)


def transform_cases():
    rng = np.random.RandomState(1)
    gray = rng.randint(0, 256, size=(3, 5)).astype(np.uint8)
    color = rng.randint(0, 256, size=(2, 3, 3)).astype(np.uint8)
    all_bytes = np.arange(256, dtype=np.uint8).reshape(16, 16)
    floats = rng.rand(2, 3).astype(np.float32)
    out = {
        "gray": {"input": gray.tolist(), "to_tensor": to_tensor(gray).tolist()},
        "color": {"input": color.tolist(), "to_tensor": to_tensor(color).tolist()},
        "all_bytes": to_tensor(all_bytes).reshape(-1).tolist(),
        "float": {"input": floats.tolist(), "to_tensor": to_tensor(floats).tolist()},
    }
    t = to_tensor(color)
    out["normalize_color"] = {"mean": [0.5, 0.4, 0.3], "std": [0.2, 0.25, 0.5],
                              "output": normalize(t, [0.5, 0.4, 0.3], [0.2, 0.25, 0.5]).tolist()}
    out["normalize_gray"] = {"mean": [0.2860], "std": [0.3530],
                             "output": normalize(to_tensor(gray), [0.2860], [0.3530]).tolist()}
    return out


def read_idx(path):
    with gzip.open(path, "rb") as f:
        raw = f.read()
    ndim = raw[3]
    dims = [int.from_bytes(raw[4 + 4 * i: 8 + 4 * i], "big") for i in range(ndim)]
    return np.frombuffer(raw, dtype=np.uint8, offset=4 + 4 * ndim).reshape(dims).copy()


def mnist_case(folder, test_prefix):
    out = {}
    for split, prefix in (("train", "train"), ("test", test_prefix)):
        images = read_idx(os.path.join(ROOT, "data", folder, f"{prefix}-images-idx3-ubyte.gz"))
        labels = read_idx(os.path.join(ROOT, "data", folder, f"{prefix}-labels-idx1-ubyte.gz"))
        x = torch.from_numpy(images).to(torch.float32).div(255).unsqueeze(1)
        y = torch.from_numpy(labels.astype(np.int64))
        first_batch = next(iter(DataLoader(TensorDataset(x, y), batch_size=64, shuffle=True, generator=gen(11))))
        out[split] = {
            "count": int(images.shape[0]),
            "first_labels": labels[:20].tolist(),
            "first_image": to_tensor(images[0]).reshape(-1).tolist(),
            "mean": float(x.double().mean()),
            "shuffled_batch_targets": first_batch[1].tolist(),
            "shuffled_batch_image_sums": first_batch[0].double().sum(dim=(1, 2, 3)).tolist(),
        }
    return out


def main():
    save("loader.json", loader_cases())
    save("samplers.json", sampler_cases())
    save("scalers.json", scaler_cases())
    save("transforms.json", transform_cases())
    save("mnist.json", {"fashion": mnist_case("fashion-mnist", "t10k"), "digits": mnist_case("digits", "test")})


if __name__ == "__main__":
    main()
