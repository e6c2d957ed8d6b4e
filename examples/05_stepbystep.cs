#:project ../src/Gradus/Gradus.csproj
// The course's StepByStep class, as Gradus's Trainer: the simple regression (full batch, SGD 0.1,
// 1000 epochs, as the course trains it) and then softmax regression and an MLP on Fashion-MNIST.
// Run from the repository root: dotnet run examples/05_stepbystep.cs [--quick]
using Gradus;
using Gradus.Data;
using Gradus.Data.Datasets;
using Gradus.Data.Synthetic;
using Gradus.NN;
using Gradus.Optim;
using Gradus.Training;

bool quick = args.Contains("--quick");

// 1. The simple regression through the Trainer.
var data = LinearRegressionData.Generate();
var xTrain = Torch.FromArray(data.XTrain).Float().Reshape(-1, 1);
var yTrain = Torch.FromArray(data.YTrain).Float().Reshape(-1, 1);
Torch.ManualSeed(42);
var model = new Sequential(new Linear(1, 1));
var sbs = new Trainer(model, new MSELoss(), new SGD(model.Parameters(), lr: 0.1)) { Log = null };
sbs.SetLoaders(new DataLoader(new TensorDataset(xTrain, yTrain), batchSize: xTrain.Size(0)));
sbs.Train(1000);
foreach (var (name, value) in model.StateDict()) Console.WriteLine($"{name}: {value}");

// 2. Fashion-MNIST: softmax regression (Linear(784, 10), SGD 0.1) and an MLP (784-256-10, Adam 1e-3).
var train = new FashionMnist(train: true);
var test = new FashionMnist(train: false);
int epochs = quick ? 2 : 10;
var trainLoader = new DataLoader(new TensorDataset(train.Images, train.Targets), batchSize: 256, shuffle: true);
var testLoader = new DataLoader(new TensorDataset(test.Images, test.Targets), batchSize: 1024);

void Run(string title, Module net, Func<IEnumerable<Tensor>, Optimizer> makeOptimizer)
{
    Console.WriteLine(title);
    var trainer = new Trainer(net, new CrossEntropyLoss(), makeOptimizer(net.Parameters()));
    trainer.SetLoaders(trainLoader, testLoader);
    trainer.Train(epochs);
    Console.WriteLine($"test accuracy: {trainer.Evaluate(testLoader.Select(b => (b[0], b[1])), Metrics.Accuracy):F4}");
}

Torch.ManualSeed(42);
Run("softmax regression", new Sequential(new Flatten(), new Linear(784, 10)), ps => new SGD(ps, lr: 0.1));
Torch.ManualSeed(42);
Run("MLP 784-256-10", new Sequential(new Flatten(), new Linear(784, 256), new ReLU(), new Linear(256, 10)), ps => new Adam(ps, lr: 1e-3));
