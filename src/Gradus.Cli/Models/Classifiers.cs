using Gradus.NN;

namespace Gradus.Cli.Models;

/// <summary>The classifiers of the course for 28x28 grey images and ten classes.</summary>
internal static class Classifiers
{
    /// <summary>The model names <c>gradus train --model</c> accepts.</summary>
    public static readonly string[] Names = ["softmax", "mlp", "cnn"];

    /// <summary>The model called <paramref name="name"/> (see <see cref="Names"/>).</summary>
    public static Module Create(string name) => name switch
    {
        "softmax" => Softmax(),
        "mlp" => Mlp(),
        "cnn" => LeNet(),
        _ => throw new UsageException($"unknown model '{name}'; choose one of {string.Join(", ", Names)}"),
    };

    /// <summary>Softmax regression: Flatten, then Linear(784, 10) with weights drawn from N(0, 0.01²) and zero bias (D2L).</summary>
    public static Sequential Softmax()
    {
        var linear = new Linear(784, 10);
        Init.Normal_(linear.Weight, 0, 0.01);
        Init.Zeros_(linear.Bias!);
        return new Sequential(new Flatten(), linear);
    }

    /// <summary>A multilayer perceptron: 784 -> 256 (ReLU) -> 10.</summary>
    public static Sequential Mlp(double dropout = 0) =>
        dropout > 0
            ? new Sequential(new Flatten(), new Linear(784, 256), new ReLU(), new Dropout(dropout), new Linear(256, 10))
            : new Sequential(new Flatten(), new Linear(784, 256), new ReLU(), new Linear(256, 10));

    /// <summary>
    /// LeNet-5 as D2L builds it (conv 5x5 with padding 2 to 6 channels, pool, conv 5x5 to 16, pool, 120, 84, 10), with
    /// ReLU and max pooling in place of the original sigmoid and average pooling so a few epochs already learn.
    /// </summary>
    public static Sequential LeNet() => new(
        new Conv2d(1, 6, kernelSize: 5, padding: 2), new ReLU(), new MaxPool2d(2, stride: 2),
        new Conv2d(6, 16, kernelSize: 5), new ReLU(), new MaxPool2d(2, stride: 2),
        new Flatten(),
        new Linear(16 * 5 * 5, 120), new ReLU(),
        new Linear(120, 84), new ReLU(),
        new Linear(84, 10));
}
