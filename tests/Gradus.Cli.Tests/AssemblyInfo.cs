// The chapters seed and draw from PyTorch's global default generator (Torch.ManualSeed), as the course does; tests that
// run commands in parallel would interleave their draws, so this assembly runs its tests one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
