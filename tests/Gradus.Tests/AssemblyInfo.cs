// Many tests draw from the process-wide default generator (Torch.ManualSeed, layer initialisation, shuffling);
// running test classes one at a time keeps every seeded stream deterministic.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
