using System.Globalization;
using Gradus.Cli.Course;
using Gradus.Cli.Models;
using Gradus.Cli.Text;
using Gradus.NN;
using Gradus.Optim;
using Gradus.Plots;
using Gradus.Random;
using Gradus.Training;

namespace Gradus.Cli.Chapters;

/// <summary>
/// Chapter 5, "Backpropagation and the digit classifier" (course/004): the chain rule on (x + y) z, a digit classifier
/// with hand-written backpropagation on plain arrays and then with Gradus, activation functions, optimizers,
/// regularisation (L1/L2, dropout, early stopping) and a non-linear decision boundary on spirals.
/// </summary>
internal sealed class BackpropChapter : CourseChapter
{
    /// <inheritdoc/>
    public override int Number => 5;

    /// <inheritdoc/>
    public override string Title => "Backpropagation and the digit classifier";

    /// <inheritdoc/>
    public override void Run(ChapterRun run)
    {
        ChainRule(run);
        ImageData data = CourseData.Digits(run);
        run.Heading("Handwritten digits");
        run.Print(data.Describe());
        run.Figure(ImageGrid.Plot(data.Train.Pixels[..(20 * 28 * 28)], 28, 28, data.Train.LabelArray()[..20], columns: 10),
            "Twenty handwritten digits with their labels", "The first training digits");
        ByHandAndByGradus(run, data);
        ActivationFunctions(run);
        DigitExperiments.Optimizers(run, data);
        DigitExperiments.Regularization(run, data);
        SpiralBoundary.Run(run);
    }

    private static void ChainRule(ChapterRun run)
    {
        run.Heading("Backpropagation on a computational graph");
        run.Text("f(x, y, z) = (x + y) z at x = -2, y = 5, z = -4: q = x + y, f = q z. Going backwards, each node multiplies " +
                 "the upstream gradient by its local gradient: ∂f/∂x = ∂f/∂q · ∂q/∂x = z · 1.");
        Tensor x = Torch.Tensor(-2.0, requiresGrad: true), y = Torch.Tensor(5.0, requiresGrad: true), z = Torch.Tensor(-4.0, requiresGrad: true);
        Tensor q = x + y;
        Tensor f = q * z;
        f.Backward();
        run.Print($"q = {q}, f = {f}");
        run.Print($"df/dx = {x.Grad}, df/dy = {y.Grad}, df/dz = {z.Grad}");
        run.Print(string.Create(CultureInfo.InvariantCulture, $"by hand: df/dx = z = {z.Item()}, df/dy = z = {z.Item()}, df/dz = q = {q.Item()}"));
    }

    // The same sigmoid network trained twice on the same batches from the same weights: once with the gradients written
    // out on float arrays, once by Gradus's autograd. The losses agree to float rounding.
    private static void ByHandAndByGradus(ChapterRun run, ImageData data)
    {
        const int hidden = 64, batchSize = 64;
        const float lr = 0.5f;
        int epochs = run.Quick ? 2 : 3;
        ImageSplit train = data.Train.Head(10000);
        run.Heading("A digit classifier with backpropagation by hand");
        run.Text($"784 inputs, {hidden} sigmoid units, 10 softmax outputs, cross-entropy, SGD with lr = {Py.Fixed(lr, 1)} on " +
                 $"batches of {batchSize} ({train.Count} training images, {epochs} epochs). The hand-written version computes " +
                 "ŷ = softmax(σ(x W₁ᵀ + b₁) W₂ᵀ + b₂) and its gradients with plain float arrays; the Gradus version is " +
                 "nn.Sequential(Flatten, Linear, Sigmoid, Linear) with loss.backward(). Both start from the same weights.");
        Torch.ManualSeed(42);
        var model = new Sequential(new Flatten(), new Linear(784, hidden), new Sigmoid(), new Linear(hidden, 10));
        var layers = model.Parameters().Select(p => p.Detach().ToArray<float>()).ToArray();
        var hand = new HandMlp(layers[0], layers[1], layers[2], layers[3]);
        var optimizer = new SGD(model.Parameters(), lr);
        var lossFn = new CrossEntropyLoss();
        var order = new RandomState(0);
        long[] labels = train.Labels.ToArray<long>();
        for (int epoch = 1; epoch <= epochs; epoch++)
        {
            long[] permutation = order.Permutation(train.Count);
            double handSum = 0, gradusSum = 0;
            int batches = 0;
            for (int start = 0; start < permutation.Length; start += batchSize)
            {
                long[] index = permutation[start..Math.Min(start + batchSize, permutation.Length)];
                Tensor images = train.Images.IndexSelect(0, Torch.Tensor(index));
                handSum += hand.Step(images.ToArray<float>(), [.. index.Select(i => labels[i])], index.Length, lr);
                Tensor loss = lossFn.Call(model.Call(images), train.Labels.IndexSelect(0, Torch.Tensor(index)));
                loss.Backward();
                optimizer.Step();
                optimizer.ZeroGrad();
                gradusSum += loss.Item();
                batches++;
            }
            run.Print($"epoch {epoch}: mean batch loss by hand {Py.Fixed(handSum / batches, 6)}, by Gradus {Py.Fixed(gradusSum / batches, 6)}");
        }
        float[] w1 = model.Parameters().First().Detach().ToArray<float>();
        double largest = w1.Zip(hand.W1, (a, b) => (double)Math.Abs(a - b)).Max();
        run.Print($"largest difference between the two first-layer weight matrices: {largest.ToString("0.00e+00", CultureInfo.InvariantCulture)}");
        run.Print($"test loss by hand {Py.Fixed(hand.Loss(data.Test.Images.ToArray<float>(), data.Test.Labels.ToArray<long>(), data.Test.Count), 4)}, " +
                  $"test accuracy by Gradus {Py.Fixed(ClassifierRun.Accuracy(model, data.Test), 4)}");
    }

    private static void ActivationFunctions(ChapterRun run)
    {
        run.Heading("Activation functions and their derivatives");
        run.Text("Each function applied to z = linspace(-5, 5) with requires_grad; z.grad after y.sum().backward() is the " +
                 "derivative, computed by autograd. Sigmoid's and tanh's derivatives vanish for large |z|; ReLU's does not for z > 0.");
        Tensor z = Torch.Linspace(-5, 5, 201, DType.Float64);
        (string Name, Func<Tensor, Tensor> F)[] functions =
        [
            ("Sigmoid", t => t.Sigmoid()), ("Tanh", t => t.Tanh()), ("ReLU", t => t.Relu()),
            ("LeakyReLU(0.1)", t => F.LeakyRelu(t, 0.1)), ("ELU", t => F.Elu(t)), ("GELU", t => F.Gelu(t)),
        ];
        var curves = new List<ActivationCurve>();
        foreach (var (name, function) in functions)
        {
            Tensor input = z.Clone().RequiresGrad_();
            Tensor output = function(input);
            output.Sum().Backward();
            curves.Add(new ActivationCurve(name, output.Detach().ToArray<double>(), input.Grad!.ToArray<double>()));
            run.Print($"{name,-15} f(-2) = {Py.Fixed(output.Detach()[60].Item(), 4),7}, f'(-2) = {Py.Fixed(input.Grad[60].Item(), 4),6}   " +
                      $"f(2) = {Py.Fixed(output.Detach()[140].Item(), 4),6}, f'(2) = {Py.Fixed(input.Grad[140].Item(), 4)}");
        }
        run.Figure(Activations.Plot(z.ToArray<double>(), curves), "Six activation functions with their derivatives",
            "Activation functions (solid) and their derivatives from autograd (dashed)");
    }
}
