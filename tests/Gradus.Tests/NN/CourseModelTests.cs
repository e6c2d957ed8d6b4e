using Gradus.Data.Synthetic;
using Gradus.NN;
using Gradus.Optim;
using Gradus.Random;
using Gradus.Tests.Random;

namespace Gradus.Tests.NN;

/// <summary>The course's chapter-1 models trained as in examples/03_modules.cs.</summary>
public class CourseModelTests
{
    private static (Tensor X, Tensor Y) Data()
    {
        var data = LinearRegressionData.Generate(trueB: 1, trueW: 2, n: 100, seed: 42);
        return (Torch.FromArray(data.XTrain).Reshape(data.TrainShape).Float(), Torch.FromArray(data.YTrain).Reshape(data.TrainShape).Float());
    }

    private static void Train(Module model, Tensor x, Tensor y)
    {
        var optimizer = new SGD(model.Parameters(), 0.1);
        var lossFn = new MSELoss();
        for (int epoch = 0; epoch < 1000; epoch++)
        {
            model.Train();
            lossFn.Call(model.Call(x), y).Backward();
            optimizer.Step();
            optimizer.ZeroGrad();
        }
    }

    [Fact]
    public void ManualLinearRegressionAndSequentialLinearReachTheCoursesWeights()
    {
        var (x, y) = Data();
        var manual = new ManualLinearRegression(new Generator(42));
        Assert.Equal("OrderedDict([('b', tensor([0.3367])), ('w', tensor([0.1288]))])", manual.StateDict().ToString());
        Train(manual, x, y);
        Assert.Equal("OrderedDict([('b', tensor([1.0235])), ('w', tensor([1.9690]))])", manual.StateDict().ToString());

        Sequential model;
        lock (DefaultGeneratorLock.Sync)
        {
            Torch.ManualSeed(42);
            model = new Sequential(new Linear(1, 1));
        }
        Assert.Equal("OrderedDict([('0.weight', tensor([[0.7645]])), ('0.bias', tensor([0.8300]))])", model.StateDict().ToString());
        Train(model, x, y);
        Assert.Equal("OrderedDict([('0.weight', tensor([[1.9690]])), ('0.bias', tensor([1.0235]))])", model.StateDict().ToString());
        Assert.Equal(manual.StateDict()["w"].Item(), model.StateDict()["0.weight"].Item(), 5);
    }

    [Fact]
    public void ParameterPrintsAsPyTorch()
    {
        var p = new Parameter(Torch.Tensor(new float[] { 0.194f }));
        Assert.Equal("Parameter containing:\ntensor([0.1940], requires_grad=True)", p.ToString());
    }
}
