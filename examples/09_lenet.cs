#:project ../src/Gradus/Gradus.csproj
// A small convolutional network, LeNet-5 (Dive into Deep Learning ch. 7), on Fashion-MNIST: two 5x5 convolutions with
// ReLU and 2x2 max pooling, then three linear layers, trained with Adam by the Trainer (the course's StepByStep).
// Uses the full Fashion-MNIST when installed (Debian's dataset-fashion-mnist, or GRADUS_DATA), else the sample in data/.
//
// Run from the repository root:   dotnet run examples/09_lenet.cs

using Gradus;
using Gradus.Data;
using Gradus.Data.Datasets;
using Gradus.NN;
using Gradus.Optim;
using Gradus.Training;

var train = new FashionMnist(train: true);
var test = new FashionMnist(train: false);
Console.WriteLine($"{train.Count} training and {test.Count} test images from {train.Root}");

Torch.ManualSeed(42);
var net = new Sequential(
    new Conv2d(1, 6, kernelSize: 5, padding: 2), new ReLU(), new MaxPool2d(2, stride: 2),   // 6 x 28 x 28 -> 6 x 14 x 14
    new Conv2d(6, 16, kernelSize: 5), new ReLU(), new MaxPool2d(2, stride: 2),              // 16 x 10 x 10 -> 16 x 5 x 5
    new Flatten(),
    new Linear(16 * 5 * 5, 120), new ReLU(),
    new Linear(120, 84), new ReLU(),
    new Linear(84, 10));
Console.WriteLine(net);

// X = torch.rand(size=(1, 1, 28, 28)); for layer in net: X = layer(X); print(layer.__class__.__name__, 'output shape:\t', X.shape)
var X = Torch.Rand(1, 1, 28, 28);
foreach (var (_, layer) in net.NamedChildren())
{
    X = layer.Call(X);
    Console.WriteLine($"{layer.GetType().Name,-10} output shape: [{string.Join(", ", X.Shape)}]");
}

var trainer = new Trainer(net, new CrossEntropyLoss(), new Adam(net.Parameters(), lr: 1e-3));
trainer.SetLoaders(new DataLoader(new TensorDataset(train.Images, train.Targets), 64, shuffle: true),
                   new DataLoader(new TensorDataset(test.Images, test.Targets), 1000));
trainer.Train(3);                                          // one line per epoch: loss, val_loss, lr, seconds

Console.WriteLine($"test accuracy: {Metrics.Accuracy(trainer.Predict(test.Images), test.Targets):F4}");
