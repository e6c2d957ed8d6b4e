#:project ../src/Gradus/Gradus.csproj
// Linear regression from scratch and concise (Dive into Deep Learning ch. 3, course/002), then the analytic solution
// (XᵀX)⁻¹Xᵀy. Every printed line equals what PyTorch 1.13 prints for the same code (tools/gen_course_fixtures.py).
//
// Run from the repository root:   dotnet run examples/06_linear_regression_d2l.cs

using Gradus;
using Gradus.Data;
using Gradus.Data.Synthetic;
using Gradus.NN;
using Gradus.Optim;

const double lr = 0.03;
const int numEpochs = 3, batchSize = 10;

// true_w = torch.tensor([2, -3.4]); true_b = 4.2; features, labels = synthetic_data(true_w, true_b, 1000)
Torch.ManualSeed(42);
var trueW = Torch.Tensor(new[] { 2.0, -3.4 });
const double trueB = 4.2;
var data = SyntheticLinearData.Generate([2f, -3.4f], (float)trueB, 1000);
var features = Torch.FromArray(data.Features).Reshape(data.FeaturesShape);
var labels = Torch.FromArray(data.Labels).Reshape(data.LabelsShape);
Console.WriteLine($"features: {features[0]}\nlabel: {labels[0]}");   // features: tensor([1.9269, 1.4873]) label: tensor([2.9871])

// ---- From scratch ------------------------------------------------------------------------------------------------
var w = Torch.Normal(0, 0.01, [2, 1]).RequiresGrad_();            // w = torch.normal(0, 0.01, size=(2,1), requires_grad=True)
var b = Torch.Zeros([1], DType.Float32, requiresGrad: true);       // b = torch.zeros(1, requires_grad=True)
var loader = new DataLoader(new TensorDataset(features, labels), batchSize, shuffle: true);
for (int epoch = 0; epoch < numEpochs; epoch++)
{
    foreach (Tensor[] batch in loader)
    {
        var l = SquaredLoss(Linreg(batch[0], w, b), batch[1]);     // l = loss(net(X, w, b), y)
        l.Sum().Backward();                                        // l.sum().backward()
        Sgd([w, b], lr, batchSize);                                // sgd([w, b], lr, batch_size)
    }
    using (Torch.NoGrad())
    {
        var trainL = SquaredLoss(Linreg(features, w, b), labels);
        Console.WriteLine($"epoch {epoch + 1}, loss {trainL.Mean().Item():F6}");
    }
}
Console.WriteLine($"error in estimating w: {trueW - w.Detach().Reshape(trueW.Shape)}");
Console.WriteLine($"error in estimating b: {trueB - b.Detach()}");

// ---- Concise: nn.Linear, nn.MSELoss, optim.SGD ---------------------------------------------------------------------
var net = new Linear(2, 1);
net.Weight.Detach().Normal_(0, 0.01);                              // net.weight.data.normal_(0, 0.01)
net.Bias!.Detach().Fill_(0);                                       // net.bias.data.fill_(0)
var lossFn = new MSELoss();
var optimizer = new SGD(net.Parameters(), lr);
loader = new DataLoader(new TensorDataset(features, labels), batchSize, shuffle: true);
for (int epoch = 0; epoch < numEpochs; epoch++)
{
    net.Train();
    foreach (Tensor[] batch in loader)
    {
        var loss = lossFn.Call(net.Call(batch[0]), batch[1]);
        loss.Backward();
        optimizer.Step();
        optimizer.ZeroGrad();
    }
    net.Eval();
    using (Torch.NoGrad())
        Console.WriteLine($"epoch {epoch + 1}, loss {lossFn.Call(net.Call(features), labels).Item():F6}");
}
Console.WriteLine($"error in estimating w: {trueW - net.Weight.Detach().Reshape(trueW.Shape)}");
Console.WriteLine($"error in estimating b: {trueB - net.Bias.Detach()}");

// ---- D2L's own model: nn.LazyLinear(1) takes in_features from its first input -------------------------------------
var lazy = new LazyLinear(1);                                      // self.net = nn.LazyLinear(1)
lazy.Weight.Detach().Normal_(0, 0.01);                             // a no-op, as in PyTorch: no data before the first call
lazy.Bias!.Detach().Fill_(0);
var lazyOptimizer = new SGD(lazy.Parameters(), lr);                // built before the first call, it still updates them
Console.WriteLine(lazy);                                           // LazyLinear(in_features=0, out_features=1, bias=True)
lossFn.Call(lazy.Call(features), labels).Backward();               // the first call materializes weight [1, 2] and bias [1]
lazyOptimizer.Step();
Console.WriteLine(lazy);                                           // Linear(in_features=2, out_features=1, bias=True)

// ---- The analytic solution w* = (XᵀX)⁻¹Xᵀy, with a column of ones for the bias --------------------------------------
var X = Torch.Cat([features, Torch.Ones([features.Size(0), 1], DType.Float32)], dim: 1).Double();
var y = labels.Double();
var exact = Linalg.Solve(X.T.Matmul(X), X.T.Matmul(y));
Console.WriteLine($"(XᵀX)⁻¹Xᵀy = {exact.Reshape(-1)}");          // tensor([ 2.0001, -3.4000,  4.2002], dtype=torch.float64)

static Tensor Linreg(Tensor x, Tensor w, Tensor b) => x.Matmul(w) + b;                       // torch.matmul(X, w) + b

static Tensor SquaredLoss(Tensor yHat, Tensor y) => (yHat - y.Reshape(yHat.Shape)).Pow(2) / 2; // (y_hat - y)**2 / 2

static void Sgd(Tensor[] parameters, double lr, int batchSize)
{
    using (Torch.NoGrad())
    {
        foreach (Tensor param in parameters)
        {
            param.Sub_(lr * param.Grad! / batchSize);              // param -= lr * param.grad / batch_size
            param.Grad!.Zero_();                                   // param.grad.zero_()
        }
    }
}
