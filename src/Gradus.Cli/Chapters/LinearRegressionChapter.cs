using Gradus.Cli.Course;
using Gradus.Cli.Text;
using Gradus.Data;
using Gradus.Data.Synthetic;
using Gradus.NN;
using Gradus.Optim;
using Gradus.Training;

namespace Gradus.Cli.Chapters;

/// <summary>
/// Chapter 3, "Linear regression" (course/002, D2L ch. 3, and the preamble of course/000): D2L's synthetic data fitted
/// from scratch and concisely, the analytic solution against gradient descent, the polynomial fitted with NAdam, and
/// bias against variance with polynomial degrees 1, 2 and 4.
/// </summary>
internal sealed class LinearRegressionChapter : CourseChapter
{
    private const double Lr = 0.03;
    private const int Epochs = 3;
    private const int BatchSize = 10;

    /// <inheritdoc/>
    public override int Number => 3;

    /// <inheritdoc/>
    public override string Title => "Linear regression";

    /// <inheritdoc/>
    public override void Run(ChapterRun run)
    {
        run.Heading("Synthetic data");
        run.Text("D2L's synthetic_data(true_w, true_b, 1000) after torch.manual_seed(42): X ~ N(0, 1) with two features, " +
                 "y = X w + b + N(0, 0.01²) with w = [2, -3.4] and b = 4.2.");
        Torch.ManualSeed(42);
        Tensor trueW = Torch.Tensor(new[] { 2.0, -3.4 });
        const double trueB = 4.2;
        var data = SyntheticLinearData.Generate([2f, -3.4f], (float)trueB, 1000);
        Tensor features = Torch.FromArray(data.Features).Reshape(data.FeaturesShape);
        Tensor labels = Torch.FromArray(data.Labels).Reshape(data.LabelsShape);
        run.Print($"features: {features[0]}\nlabel: {labels[0]}");

        FromScratch(run, features, labels, trueW, trueB);
        Concise(run, features, labels, trueW, trueB);
        Analytic(run, features, labels);
        PolynomialFits.NAdam(run);
        PolynomialFits.BiasVariance(run);
    }

    private static void FromScratch(ChapterRun run, Tensor features, Tensor labels, Tensor trueW, double trueB)
    {
        run.Heading("Linear regression from scratch");
        run.Text("w ~ N(0, 0.01²), b = 0; linreg(X) = X w + b; squared_loss = (ŷ - y)² / 2; minibatch SGD with " +
                 "lr = 0.03 over shuffled batches of 10 (a DataLoader), three epochs.");
        Tensor w = Torch.Normal(0, 0.01, [2, 1]).RequiresGrad_();
        Tensor b = Torch.Zeros([1], DType.Float32, requiresGrad: true);
        var loader = new DataLoader(new TensorDataset(features, labels), BatchSize, shuffle: true);
        for (int epoch = 0; epoch < Epochs; epoch++)
        {
            foreach (Tensor[] batch in loader)
            {
                Tensor l = SquaredLoss(Linreg(batch[0], w, b), batch[1]);
                l.Sum().Backward();
                Sgd([w, b], Lr, BatchSize);
            }
            using (Torch.NoGrad())
                run.Print($"epoch {epoch + 1}, loss {Py.Fixed(SquaredLoss(Linreg(features, w, b), labels).Mean().Item(), 6)}");
        }
        run.Print($"error in estimating w: {trueW - w.Detach().Reshape(trueW.Shape)}");
        run.Print($"error in estimating b: {trueB - b.Detach()}");
    }

    private static Tensor Linreg(Tensor x, Tensor w, Tensor b) => x.Matmul(w) + b;

    private static Tensor SquaredLoss(Tensor yHat, Tensor y) => (yHat - y.Reshape(yHat.Shape)).Pow(2) / 2;

    // D2L's sgd: param -= lr * param.grad / batch_size, then zero the gradient, all without tracking.
    private static void Sgd(Tensor[] parameters, double lr, int batchSize)
    {
        using (Torch.NoGrad())
        {
            foreach (Tensor param in parameters)
            {
                param.Sub_(lr * param.Grad! / batchSize);
                param.Grad!.Zero_();
            }
        }
    }

    private static void Concise(ChapterRun run, Tensor features, Tensor labels, Tensor trueW, double trueB)
    {
        run.Heading("Concise implementation");
        run.Text("nn.Linear(2, 1) with weight ~ N(0, 0.01²) and bias 0, nn.MSELoss and optim.SGD(lr=0.03), trained by the " +
                 "Trainer (the course's StepByStep) over a shuffled DataLoader.");
        var net = new Linear(2, 1);
        net.Weight.Detach().Normal_(0, 0.01);
        net.Bias!.Detach().Fill_(0);
        var trainer = new Trainer(net, new MSELoss(), new SGD(net.Parameters(), Lr)) { Log = null };
        trainer.SetLoaders(new DataLoader(new TensorDataset(features, labels), BatchSize, shuffle: true));
        trainer.OnEpochEnd = record =>
            run.Print($"epoch {record.Epoch}, loss {Py.Fixed(new MSELoss().Call(trainer.Predict(features), labels).Item(), 6)}");
        trainer.Train(Epochs);
        run.Print($"error in estimating w: {trueW - net.Weight.Detach().Reshape(trueW.Shape)}");
        run.Print($"error in estimating b: {trueB - net.Bias.Detach()}");
    }

    private static void Analytic(ChapterRun run, Tensor features, Tensor labels)
    {
        run.Heading("The analytic solution");
        run.Text("With a column of ones for the bias, w* = (XᵀX)⁻¹Xᵀy solves the least-squares problem exactly (here by " +
                 "torch.linalg.solve on the normal equations, in float64); gradient descent only approaches it.");
        Tensor x = Torch.Cat([features, Torch.Ones([features.Size(0), 1], DType.Float32)], dim: 1).Double();
        Tensor y = labels.Double();
        Tensor xt = x.T;
        Tensor exact = Linalg.Solve(xt.Matmul(x), xt.Matmul(y));
        run.Print($"(XᵀX)⁻¹Xᵀy = {exact.Reshape(-1)}");
        Tensor theta = Torch.Zeros([3, 1], DType.Float64, requiresGrad: true);
        var optimizer = new SGD([theta], lr: 0.1);
        for (int step = 0; step < 100; step++)
        {
            Tensor loss = (x.Matmul(theta) - y).Pow(2).Mean();
            loss.Backward();
            optimizer.Step();
            optimizer.ZeroGrad();
        }
        run.Print($"gradient descent, 100 full-batch steps, lr 0.1: {theta.Detach().Reshape(-1)}");
        run.Print($"largest difference: {Py.Fixed((theta.Detach() - exact).Abs().Max().Item(), 8)}");
    }
}
