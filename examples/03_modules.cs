#:project ../src/Gradus/Gradus.csproj
// The course's models as modules (Deep Learning with PyTorch Step-by-Step, chapter 1, "Models" and
// "Sequential Models"): the same linear regression y = b + w x, first as a hand-written Module with two
// Parameter fields, then as nn.Sequential(nn.Linear(1, 1)), trained for 1000 epochs of SGD (lr 0.1) on the
// course's data. The printed state dicts are the course's: b 1.0235, w 1.9690.
//
// Run from the repository root:   dotnet run examples/03_modules.cs

using Gradus;
using Gradus.Data.Synthetic;
using Gradus.NN;
using Gradus.Optim;

// Data: true_b = 1, true_w = 2, N = 100, np.random.seed(42), shuffled 80/20 split (see example 00).
LinearRegressionData data = LinearRegressionData.Generate(trueB: 1, trueW: 2, n: 100, seed: 42);
// x_train_tensor = torch.as_tensor(x_train).float().to(device)
Tensor xTrain = Torch.FromArray(data.XTrain).Reshape(data.TrainShape).Float().To(Device.CPU);
Tensor yTrain = Torch.FromArray(data.YTrain).Reshape(data.TrainShape).Float().To(Device.CPU);

const double lr = 0.1;
const int nEpochs = 1000;

// torch.manual_seed(42); model = ManualLinearRegression().to(device)
Torch.ManualSeed(42);
var manual = new ManualLinearRegression().To(Device.CPU);
Console.WriteLine(manual.StateDict()); // OrderedDict([('b', tensor([0.3367])), ('w', tensor([0.1288]))])
Train(manual);
Console.WriteLine(manual.StateDict()); // OrderedDict([('b', tensor([1.0235])), ('w', tensor([1.9690]))])

// torch.manual_seed(42); model = nn.Sequential(nn.Linear(1, 1)).to(device)
Torch.ManualSeed(42);
var model = new Sequential(new Linear(1, 1)).To(Device.CPU);
Console.WriteLine(model);              // Sequential(\n  (0): Linear(in_features=1, out_features=1, bias=True)\n)
Console.WriteLine(model.StateDict()); // OrderedDict([('0.weight', tensor([[0.7645]])), ('0.bias', tensor([0.8300]))])
Train(model);
Console.WriteLine(model.StateDict()); // OrderedDict([('0.weight', tensor([[1.9690]])), ('0.bias', tensor([1.0235]))])
Console.WriteLine(model.Summary([80, 1]));

void Train(Module m)
{
    // optimizer = optim.SGD(model.parameters(), lr=lr); loss_fn = nn.MSELoss(reduction='mean')
    var optimizer = new SGD(m.Parameters(), lr);
    var lossFn = new MSELoss(Reduction.Mean);
    for (int epoch = 0; epoch < nEpochs; epoch++)
    {
        m.Train();                               // model.train()
        Tensor yhat = m.Call(xTrain);            // yhat = model(x_train_tensor)
        Tensor loss = lossFn.Call(yhat, yTrain); // loss = loss_fn(yhat, y_train_tensor)
        loss.Backward();                         // loss.backward()
        optimizer.Step();                        // optimizer.step()
        optimizer.ZeroGrad();                    // optimizer.zero_grad()
    }
}

/// <summary>The course's hand-written model: two Parameter fields registered by declaration, forward b + w·x.</summary>
internal sealed class ManualLinearRegression : Module
{
    // self.b = nn.Parameter(torch.randn(1, requires_grad=True, dtype=torch.float)), then self.w likewise.
    private readonly Parameter b = new(Torch.Randn(1));
    private readonly Parameter w = new(Torch.Randn(1));

    public override Tensor Forward(Tensor x) => b + w * x;
}
