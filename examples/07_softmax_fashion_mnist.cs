#:project ../src/Gradus/Gradus.csproj
// Softmax regression on Fashion-MNIST (Dive into Deep Learning ch. 3, course/003): softmax and cross-entropy written
// out, training from scratch with minibatch SGD, then the concise nn.Sequential(nn.Flatten(), nn.Linear(784, 10)).
// Uses the full Fashion-MNIST when installed (Debian's dataset-fashion-mnist, or GRADUS_DATA), else the sample in data/.
// On the sample, the from-scratch epochs print exactly what PyTorch 1.13 prints (tools/gen_course_fixtures.py).
//
// Run from the repository root:   dotnet run examples/07_softmax_fashion_mnist.cs

using Gradus;
using Gradus.Data;
using Gradus.Data.Datasets;
using Gradus.NN;
using Gradus.Optim;
using Gradus.Training;

const int batchSize = 256, numEpochs = 5;
const double lr = 0.1;

var train = new FashionMnist(train: true);                 // torchvision.datasets.FashionMNIST(train=True, ToTensor())
var test = new FashionMnist(train: false);
Console.WriteLine($"{train.Count} training and {test.Count} test images from {train.Root}");
var trainIter = new DataLoader(new TensorDataset(train.Images, train.Targets), batchSize, shuffle: true);

// ---- From scratch ------------------------------------------------------------------------------------------------
Torch.ManualSeed(42);
var W = Torch.Normal(0, 0.01, [784, 10]).RequiresGrad_();   // W = torch.normal(0, 0.01, size=(784, 10), requires_grad=True)
var b = Torch.Zeros([10], DType.Float32, requiresGrad: true); // b = torch.zeros(10, requires_grad=True)
Tensor Net(Tensor X) => Softmax(X.Reshape(-1, 784).Matmul(W) + b);

for (int epoch = 1; epoch <= numEpochs; epoch++)
{
    double lossSum = 0, hits = 0;
    foreach (Tensor[] batch in trainIter)
    {
        var yHat = Net(batch[0]);
        var l = CrossEntropy(yHat, batch[1]);
        l.Mean().Backward();
        using (Torch.NoGrad())
        {
            foreach (var p in new[] { W, b })
            {
                p.Sub_(lr * p.Grad!);                              // p -= lr * p.grad
                p.Grad!.Zero_();
            }
        }
        lossSum += l.Sum().Item();
        hits += Correct(yHat.Detach(), batch[1]);
    }
    double testAcc;
    using (Torch.NoGrad()) testAcc = Correct(Net(test.Images), test.Targets) / test.Count;
    Console.WriteLine($"epoch {epoch}, loss {lossSum / train.Count:F4}, train acc {hits / train.Count:F3}, test acc {testAcc:F3}");
}

// ---- Concise -----------------------------------------------------------------------------------------------------
Torch.ManualSeed(42);
var linear = new Linear(784, 10);
Init.Normal_(linear.Weight, 0, 0.01);                        // nn.init.normal_(m.weight, std=0.01)
var net = new Sequential(new Flatten(), linear);
var loss = new CrossEntropyLoss();
var trainer = new Trainer(net, loss, new SGD(net.Parameters(), lr));   // prints one line per epoch
trainer.SetLoaders(trainIter, new DataLoader(new TensorDataset(test.Images, test.Targets), 1000));
trainer.Train(numEpochs);
net.Eval();
using (Torch.NoGrad())
    Console.WriteLine($"concise test accuracy: {Metrics.Accuracy(net.Call(test.Images), test.Targets):F4}");

// softmax(X) = exp(X) / exp(X).sum(1, keepdim=True)
static Tensor Softmax(Tensor X)
{
    var xExp = Torch.Exp(X);
    return xExp / xExp.Sum(1, keepDim: true);
}

// -log of the probability of the true class: y_hat[range(len(y_hat)), y]
static Tensor CrossEntropy(Tensor yHat, Tensor y) => -Torch.Log(yHat[Torch.Arange(yHat.Size(0)), y]);

// Number of rows whose largest probability is the true class.
static double Correct(Tensor yHat, Tensor y) => yHat.Argmax(1).Eq(y).Sum().Item();
