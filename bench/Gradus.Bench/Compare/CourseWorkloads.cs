using Gradus.Data;
using Gradus.Data.Datasets;
using Gradus.Data.Synthetic;
using Gradus.NN;
using Gradus.Optim;

namespace Gradus.Bench.Compare;

/// <summary>
/// The course-sized workloads of the comparison (items 2 to 5 of the speed issue), each written the way a
/// user writes it; bench/course_workloads.py holds the PyTorch twins with the same names.
/// </summary>
public static class CourseWorkloads
{
    /// <summary>Images per LeNet run: a sixth of an epoch keeps the comparison under a few minutes on 2 cores.</summary>
    public const int LeNetImages = 10_000;

    /// <summary>The workloads, in the order the comparison runs them.</summary>
    public static IReadOnlyList<Workload> All { get; } =
    [
        new("relu_affine_10m", "relu(x·a + b) over 10M float32, fresh results each call", 0, () =>
        {
            var x = Torch.Rand(10_000_000);
            var a = Torch.Rand(10_000_000);
            var b = Torch.Rand(10_000_000);
            return () => (x * a + b).Relu();
        }),
        new("regression_1000", "Sequential(Linear(1, 1)), 1000 full-batch SGD epochs on the course's 80 points", 0, () =>
        {
            var data = LinearRegressionData.Generate();
            var x = Torch.FromArray(data.XTrain).Float().Reshape(-1, 1);
            var y = Torch.FromArray(data.YTrain).Float().Reshape(-1, 1);
            return () =>
            {
                Torch.ManualSeed(42);
                var model = new Sequential(new Linear(1, 1));
                var opt = new SGD(model.Parameters(), lr: 0.1);
                var loss = new MSELoss();
                for (int epoch = 0; epoch < 1000; epoch++)
                {
                    model.Train();
                    loss.Call(model.Call(x), y).Backward();
                    opt.Step();
                    opt.ZeroGrad();
                }
            };
        }),
        new("fmnist_softmax_epoch", "Fashion-MNIST softmax regression, one epoch, batch 256, SGD 0.1", 0,
            () => Epoch(new Sequential(new Flatten(), new Linear(784, 10)), ps => new SGD(ps, lr: 0.1), 60_000)),
        new("fmnist_mlp_epoch", "Fashion-MNIST MLP 784-256-10 (ReLU), one epoch, batch 256, Adam 1e-3", 0,
            () => Epoch(new Sequential(new Flatten(), new Linear(784, 256), new ReLU(), new Linear(256, 10)), ps => new Adam(ps, lr: 1e-3), 60_000)),
        new("lenet_10k", $"LeNet-5 (ReLU, max pool) on {LeNetImages:N0} Fashion-MNIST images, batch 256, SGD 0.1 momentum 0.9", 0,
            () => Epoch(LeNet(), ps => new SGD(ps, lr: 0.1, momentum: 0.9), LeNetImages)),
    ];

    /// <summary>LeNet-5 as chapter 6 trains it.</summary>
    public static Sequential LeNet() => new(
        new Conv2d(1, 6, 5, padding: 2), new ReLU(), new MaxPool2d(2),
        new Conv2d(6, 16, 5), new ReLU(), new MaxPool2d(2),
        new Flatten(), new Linear(400, 120), new ReLU(), new Linear(120, 84), new ReLU(), new Linear(84, 10));

    /// <summary>One training pass over the first <paramref name="images"/> training images, shuffled, batch 256.</summary>
    private static Action Epoch(Module model, Func<IEnumerable<Tensor>, Optimizer> makeOptimizer, int images)
    {
        var train = new FashionMnist(train: true);
        int n = Math.Min(images, train.Count);
        var loader = new DataLoader(new TensorDataset(train.Images[..n], train.Targets[..n]), batchSize: 256, shuffle: true);
        var opt = makeOptimizer(model.Parameters());
        var loss = new CrossEntropyLoss();
        return () =>
        {
            model.Train();
            foreach (var batch in loader)
            {
                loss.Call(model.Call(batch[0]), batch[1]).Backward();
                opt.Step();
                opt.ZeroGrad();
            }
        };
    }
}
