using Gradus.Cli.Course;
using Gradus.Cli.Text;
using Gradus.Data.Synthetic;
using Gradus.NN;
using Gradus.Optim;
using Gradus.Plots;

namespace Gradus.Cli.Chapters;

/// <summary>
/// Chapter 1, "A simple regression problem in Gradus" (course/000, "Time to TORCH it"): the same regression with tensors,
/// autograd, a no-grad update, an optimizer and a loss, a Module, Sequential and the state dict, and the graph picture.
/// </summary>
internal sealed class SimpleRegressionChapter : CourseChapter
{
    private const double Lr = 0.1;
    private const int Epochs = 1000;

    /// <inheritdoc/>
    public override int Number => 1;

    /// <inheritdoc/>
    public override string Title => "A simple regression problem in Gradus";

    /// <inheritdoc/>
    public override void Run(ChapterRun run)
    {
        Tensors(run);
        var data = LinearRegressionData.Generate(trueB: 1, trueW: 2, n: 100, seed: 42);
        run.Heading("Loading data");
        run.Text("x_train_tensor = torch.as_tensor(x_train).float(): the NumPy float64 arrays become float32 tensors.");
        Tensor x = Torch.FromArray(data.XTrain).Reshape(data.TrainShape).Float();
        Tensor y = Torch.FromArray(data.YTrain).Reshape(data.TrainShape).Float();
        run.Print($"x_train_tensor: {x.Shape}, {x.DType}");
        Autograd(run, x, y);
        OptimizerAndLoss(run, x, y);
        Model(run, x, y);
    }

    private static void Tensors(ChapterRun run)
    {
        run.Heading("Tensors");
        run.Text("A scalar, a vector, a matrix and a 3-D tensor (the random one after torch.manual_seed(42)).");
        Tensor scalar = Torch.Tensor(3.14159);
        Tensor vector = Torch.Tensor(new long[] { 1, 2, 3 });
        Tensor matrix = Torch.Ones([2, 3], DType.Float32);
        Torch.ManualSeed(42);
        Tensor tensor = Torch.Randn(2, 3, 4);
        run.Print(scalar.ToString());
        run.Print(vector.ToString());
        run.Print(matrix.ToString());
        run.Print(tensor.ToString());
        run.Print($"{scalar.Shape} {vector.Shape} {matrix.Shape} {tensor.Shape}");
    }

    private static void Autograd(ChapterRun run, Tensor x, Tensor y)
    {
        run.Heading("Creating parameters");
        run.Text("torch.manual_seed(42); b = torch.randn(1, requires_grad=True); w = torch.randn(1, requires_grad=True). " +
                 "The course drew these on a GPU (tensor([0.1940]) and tensor([0.1391])); Gradus reproduces PyTorch's CPU " +
                 "generator, whose first two normals after seed 42 are printed here. Training ends at the same values either way.");
        Torch.ManualSeed(42);
        Tensor b = Torch.Randn([1], DType.Float32, requiresGrad: true);
        Tensor w = Torch.Randn([1], DType.Float32, requiresGrad: true);
        run.Print($"{b} {w}");

        run.Heading("Autograd: backward");
        Tensor yhat = b + (w * x);
        Tensor error = yhat - y;
        Tensor loss = (error * error).Mean();
        loss.Backward();
        run.Print($"{b.Grad} {w.Grad}");
        Graph(run, yhat, b, w);

        run.Heading("Updating parameters without tracking them");
        run.Text("1000 epochs of batch gradient descent; the update runs inside torch.no_grad() and the gradients are zeroed after it.");
        using (Torch.NoGrad())
        {
            b.Grad!.Zero_();
            w.Grad!.Zero_();
        }
        for (int epoch = 0; epoch < Epochs; epoch++)
        {
            Tensor e = b + (w * x) - y;
            (e * e).Mean().Backward();
            using (Torch.NoGrad())
            {
                b -= Lr * b.Grad!;
                w -= Lr * w.Grad!;
                b.Grad!.Zero_();
                w.Grad!.Zero_();
            }
        }
        run.Print(b.ToString());
        run.Print(w.ToString());
    }

    private static void Graph(ChapterRun run, Tensor yhat, Tensor b, Tensor w)
    {
        run.Heading("The dynamic computational graph", 3);
        run.Text("make_dot(yhat): blue boxes are the parameters, grey boxes the backward operations, green the output.");
        string dot = Gradus.Autograd.ToDot(yhat, [new("b", b), new("w", w)]);
        try
        {
            run.Figure(Pictures.FromPng(GraphPicture.ToPng(dot)), "Graph: b and w feed MulBackward0 and AddBackward0 into yhat",
                "The computational graph of yhat = b + w * x");
        }
        catch (InvalidOperationException e) when (e.Message == GraphPicture.MissingDotMessage)
        {
            run.Text($"(No picture: {e.Message}.) The graph in DOT:");
            run.Print(dot);
        }
    }

    private static void OptimizerAndLoss(ChapterRun run, Tensor x, Tensor y)
    {
        run.Heading("Optimizer and loss");
        run.Text("optim.SGD([b, w], lr=lr) and nn.MSELoss(reduction='mean') replace the hand-written update and loss.");
        Torch.ManualSeed(42);
        Tensor b = Torch.Randn([1], DType.Float32, requiresGrad: true);
        Tensor w = Torch.Randn([1], DType.Float32, requiresGrad: true);
        var optimizer = new SGD([b, w], lr: Lr);
        var lossFn = new MSELoss(Reduction.Mean);
        for (int epoch = 0; epoch < Epochs; epoch++)
        {
            Tensor loss = lossFn.Call(b + (w * x), y);
            loss.Backward();
            optimizer.Step();
            optimizer.ZeroGrad();
        }
        run.Print(b.ToString());
        run.Print(w.ToString());
    }

    private static void Model(ChapterRun run, Tensor x, Tensor y)
    {
        run.Heading("Models");
        run.Text("A Module holding b and w as Parameters; model.train(), model(x), and its state_dict().");
        Torch.ManualSeed(42);
        var model = new ManualLinearRegression();
        List<double> losses = Train(model, x, y);
        run.Print(model.StateDict().ToString());
        run.Figure(LossCurves.Plot(losses, title: "ManualLinearRegression: training loss"),
            "Training loss falling over 1000 epochs on a log scale", "Training loss of the model");

        run.Heading("Sequential models");
        run.Text("torch.manual_seed(42); model = nn.Sequential(nn.Linear(1, 1)): the layer's weight and bias start from " +
                 "PyTorch's own initialisation and end where b and w did.");
        Torch.ManualSeed(42);
        var sequential = new Sequential(new Linear(1, 1));
        run.Print(sequential.ToString());
        run.Print(sequential.StateDict().ToString());
        Train(sequential, x, y);
        run.Print(sequential.StateDict().ToString());
    }

    // The course's training loop: model.train(), forward, MSE loss, backward, step, zero_grad; returns the losses.
    private static List<double> Train(Module model, Tensor x, Tensor y)
    {
        var optimizer = new SGD(model.Parameters(), lr: Lr);
        var lossFn = new MSELoss(Reduction.Mean);
        var losses = new List<double>();
        for (int epoch = 0; epoch < Epochs; epoch++)
        {
            model.Train();
            Tensor loss = lossFn.Call(model.Call(x), y);
            losses.Add(loss.Item());
            loss.Backward();
            optimizer.Step();
            optimizer.ZeroGrad();
        }
        return losses;
    }

    /// <summary>The course's <c>ManualLinearRegression</c>: parameters b and w, forward b + w * x.</summary>
    private sealed class ManualLinearRegression : Module
    {
        private readonly Parameter b = new(Torch.Randn([1], DType.Float32, requiresGrad: true));
        private readonly Parameter w = new(Torch.Randn([1], DType.Float32, requiresGrad: true));

        /// <inheritdoc/>
        public override Tensor Forward(Tensor input) => b + (w * input);
    }
}
