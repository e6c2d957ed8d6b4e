using BenchmarkDotNet.Attributes;
using Gradus.NN;
using Gradus.Optim;

namespace Gradus.Bench;

/// <summary>
/// The kernels of a LeNet training step on a batch of 256 Fashion-MNIST-sized images, one op at a time (forward, and
/// forward + backward): `dotnet run -c Release --project bench/Gradus.Bench -- --filter '*LayerBenchmarks*'`.
/// The memory diagnoser shows what the buffer pool leaves to the GC.
/// </summary>
[MemoryDiagnoser]
public class LayerBenchmarks
{
    private Tensor _image = null!, _features = null!, _activations = null!, _conv1Grad = null!, _conv2Grad = null!, _poolGrad = null!;
    private Conv2d _conv1 = null!, _conv2 = null!;
    private Linear _linear = null!;
    private Tensor _flat = null!;
    private Adam _adam = null!;

    /// <summary>Builds the layers and inputs with a fixed seed.</summary>
    [GlobalSetup]
    public void Setup()
    {
        Torch.ManualSeed(0);
        _image = Torch.Rand(256, 1, 28, 28);
        _features = Torch.Rand(256, 6, 14, 14).RequiresGrad_();
        _activations = Torch.Randn(256, 6, 28, 28).RequiresGrad_();
        _conv1 = new Conv2d(1, 6, 5, padding: 2);
        _conv2 = new Conv2d(6, 16, 5);
        _conv1Grad = Torch.Randn(256, 6, 28, 28);
        _conv2Grad = Torch.Randn(256, 16, 10, 10);
        _poolGrad = Torch.Randn(256, 6, 14, 14);
        _linear = new Linear(784, 256);
        _flat = Torch.Rand(256, 784);
        _adam = new Adam(_linear.Parameters(), lr: 1e-3);
        _linear.Call(_flat).Sum().Backward();
    }

    /// <summary>Conv2d(1, 6, 5, padding 2) forward, no graph.</summary>
    [Benchmark]
    public Tensor Conv1Forward()
    {
        using var _ = Torch.NoGrad();
        return _conv1.Call(_image);
    }

    /// <summary>Conv2d(1, 6, 5, padding 2): forward, then the weight and bias gradients.</summary>
    [Benchmark]
    public void Conv1ForwardBackward()
    {
        _conv1.Call(_image).Backward(_conv1Grad);
        _conv1.ZeroGrad();
    }

    /// <summary>Conv2d(6, 16, 5): forward, then the input, weight and bias gradients.</summary>
    [Benchmark]
    public void Conv2ForwardBackward()
    {
        _conv2.Call(_features).Backward(_conv2Grad);
        _conv2.ZeroGrad();
        _features.Grad = null;
    }

    /// <summary>MaxPool2d(2) forward and backward over 256 x 6 x 28 x 28.</summary>
    [Benchmark]
    public void MaxPoolForwardBackward()
    {
        F.MaxPool2d(_activations, (2, 2)).Backward(_poolGrad);
        _activations.Grad = null;
    }

    /// <summary>ReLU forward and backward over 256 x 6 x 28 x 28.</summary>
    [Benchmark]
    public void ReluForwardBackward()
    {
        _activations.Relu().Backward(_conv1Grad);
        _activations.Grad = null;
    }

    /// <summary>One Adam step on Linear(784, 256) (one pass per parameter).</summary>
    [Benchmark]
    public void AdamStep() => _adam.Step();
}
