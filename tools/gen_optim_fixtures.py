#!/usr/bin/env python3
"""Golden values for Gradus's optimizers, schedulers and gradient clipping, from PyTorch.

Run with Debian's interpreter (it has python3-torch):
    /usr/bin/python3 tools/gen_optim_fixtures.py
Writes tests/Gradus.Tests/fixtures/optim/*.json.
"""
import json, math, os
import torch

OUT = os.path.join(os.path.dirname(__file__), "..", "tests", "Gradus.Tests", "fixtures", "optim")
os.makedirs(OUT, exist_ok=True)
torch.set_num_threads(1)

CASES = [
    ("SGD", dict(lr=0.1)),
    ("SGD", dict(lr=0.05, momentum=0.9)),
    ("SGD", dict(lr=0.05, momentum=0.9, dampening=0.1, weight_decay=0.01)),
    ("SGD", dict(lr=0.05, momentum=0.9, nesterov=True)),
    ("SGD", dict(lr=0.05, maximize=True)),
    ("Adagrad", dict(lr=0.1)),
    ("Adagrad", dict(lr=0.1, lr_decay=0.01, weight_decay=0.05, initial_accumulator_value=0.1)),
    ("RMSprop", dict(lr=0.01)),
    ("RMSprop", dict(lr=0.01, momentum=0.9, centered=True, weight_decay=0.01)),
    ("Adam", dict(lr=0.01)),
    ("Adam", dict(lr=0.01, betas=(0.8, 0.99), weight_decay=0.1, amsgrad=True)),
    ("AdamW", dict(lr=0.01)),
    ("AdamW", dict(lr=0.01, weight_decay=0.1, amsgrad=True)),
    ("NAdam", dict(lr=0.01)),
    ("NAdam", dict(lr=0.01, weight_decay=0.01, momentum_decay=0.01)),
]
STEPS = 50


def quadratic_case(name, kwargs, dtype):
    a = torch.tensor([1.0, 3.0, 0.5, 2.0, 10.0], dtype=dtype)
    c = torch.tensor([0.5, -1.0, 2.0, 0.0, 0.3], dtype=dtype)
    p = torch.tensor([2.0, 1.0, -1.0, 0.5, -0.7], dtype=dtype, requires_grad=True)
    opt = getattr(torch.optim, name)([p], **kwargs)
    traj = []
    for _ in range(STEPS):
        opt.zero_grad()
        loss = (a * (p - c) ** 2).sum()
        loss.backward()
        opt.step()
        traj.append(p.detach().tolist())
    return dict(a=a.tolist(), c=c.tolist(), p0=[2.0, 1.0, -1.0, 0.5, -0.7], traj=traj)


def mlp_case(name, kwargs):
    g = torch.Generator().manual_seed(7)
    shapes = [(4, 3), (4,), (2, 4), (2,)]
    params = [torch.randn(s, generator=g).requires_grad_() for s in shapes]
    p0 = [p.detach().flatten().tolist() for p in params]
    grads = [[torch.randn(s, generator=g).flatten().tolist() for s in shapes] for _ in range(STEPS)]
    opt = getattr(torch.optim, name)(params, **kwargs)
    checkpoints = {}
    for step in range(STEPS):
        for p, gr, s in zip(params, grads[step], shapes):
            p.grad = torch.tensor(gr).reshape(s)
        opt.step()
        if (step + 1) % 10 == 0:
            checkpoints[str(step + 1)] = [p.detach().flatten().tolist() for p in params]
    return dict(shapes=[list(s) for s in shapes], p0=p0, grads=grads, checkpoints=checkpoints)


def jsonable(kwargs):
    return {k: (list(v) if isinstance(v, tuple) else v) for k, v in kwargs.items()}


cases = []
for name, kwargs in CASES:
    cases.append(dict(optimizer=name, kwargs=jsonable(kwargs),
                      quadratic32=quadratic_case(name, kwargs, torch.float32),
                      quadratic64=quadratic_case(name, kwargs, torch.float64),
                      mlp=mlp_case(name, kwargs)))
with open(os.path.join(OUT, "optimizers.json"), "w") as f:
    json.dump(dict(torch=torch.__version__, steps=STEPS, cases=cases), f)

# Schedulers: the lr after construction and after each of 30 steps, SGD(lr=0.1, momentum=0.9).
def sched_run(make, steps=30, adam=False, metrics=None):
    p = torch.zeros(2, requires_grad=True)
    opt = torch.optim.Adam([p], lr=0.1) if adam else torch.optim.SGD([p], lr=0.1, momentum=0.9)
    s = make(opt)
    lrs, moms = [opt.param_groups[0]["lr"]], [opt.param_groups[0]["betas"][0] if adam else opt.param_groups[0]["momentum"]]
    for i in range(steps):
        opt.step()
        if metrics is not None:
            s.step(metrics[i])
        else:
            s.step()
        lrs.append(opt.param_groups[0]["lr"])
        moms.append(opt.param_groups[0]["betas"][0] if adam else opt.param_groups[0]["momentum"])
    return dict(lrs=lrs, momentum=moms)

S = torch.optim.lr_scheduler
plateau_metrics = [1.0, 0.9, 0.8, 0.8, 0.8, 0.79999, 0.8, 0.8, 0.7, 0.7, 0.7, 0.7, 0.7, 0.7, 0.7,
                   0.6, 0.6, 0.6, 0.6, 0.6, 0.6, 0.6, 0.6, 0.6, 0.6, 0.6, 0.6, 0.6, 0.6, 0.6]
scheds = {
    "StepLR": sched_run(lambda o: S.StepLR(o, step_size=7, gamma=0.5)),
    "MultiStepLR": sched_run(lambda o: S.MultiStepLR(o, milestones=[3, 10, 10, 20], gamma=0.5)),
    "ExponentialLR": sched_run(lambda o: S.ExponentialLR(o, gamma=0.9)),
    "CosineAnnealingLR": sched_run(lambda o: S.CosineAnnealingLR(o, T_max=10, eta_min=0.001)),
    "LinearLR": sched_run(lambda o: S.LinearLR(o, start_factor=0.25, end_factor=1.0, total_iters=8)),
    "LambdaLR": sched_run(lambda o: S.LambdaLR(o, lr_lambda=lambda e: 0.95 ** e)),
    "OneCycleLR": sched_run(lambda o: S.OneCycleLR(o, max_lr=1.0, total_steps=30), steps=29),
    "OneCycleLRAdamLinear": sched_run(lambda o: S.OneCycleLR(o, max_lr=0.5, total_steps=30, anneal_strategy="linear", three_phase=True), steps=29, adam=True),
    "ReduceLROnPlateau": sched_run(lambda o: S.ReduceLROnPlateau(o, patience=2, factor=0.5, cooldown=1), metrics=plateau_metrics),
}
with open(os.path.join(OUT, "schedulers.json"), "w") as f:
    json.dump(dict(plateau_metrics=plateau_metrics, schedules=scheds), f)

# Gradient clipping.
g = torch.Generator().manual_seed(3)
clips = []
for max_norm, norm_type in [(1.0, 2.0), (0.5, 1.0), (0.1, math.inf), (100.0, 2.0)]:
    ps = [torch.zeros(s, requires_grad=True) for s in [(3, 2), (4,)]]
    grads = [torch.randn(p.shape, generator=g) for p in ps]
    for p, gr in zip(ps, grads):
        p.grad = gr.clone()
    total = torch.nn.utils.clip_grad_norm_(ps, max_norm, norm_type)
    clips.append(dict(max_norm=max_norm, norm_type="inf" if norm_type == math.inf else norm_type,
                      grads=[gr.flatten().tolist() for gr in grads], total=total.item(),
                      clipped=[p.grad.flatten().tolist() for p in ps]))
with open(os.path.join(OUT, "clip.json"), "w") as f:
    json.dump(clips, f)
print("wrote", OUT)
