using System.Globalization;
using Gradus.Cli.Course;
using Gradus.Cli.Text;

namespace Gradus.Cli.Chapters;

/// <summary>
/// Chapter 2, "Preliminaries" (course/002, Dive into Deep Learning ch. 2): data manipulation, linear algebra, calculus,
/// automatic differentiation and probability, printing what the slides print.
/// </summary>
internal sealed class PreliminariesChapter : CourseChapter
{
    /// <inheritdoc/>
    public override int Number => 2;

    /// <inheritdoc/>
    public override string Title => "Preliminaries";

    /// <inheritdoc/>
    public override void Run(ChapterRun run)
    {
        DataManipulation(run);
        LinearAlgebra(run);
        Calculus(run);
        AutomaticDifferentiation(run);
        Probability.Run(run);
    }

    private static void DataManipulation(ChapterRun run)
    {
        run.Heading("Data manipulation");
        Tensor x = Torch.Arange(12.0, DType.Float32);
        run.Print(x.ToString());
        run.Print(x.Numel.ToString(CultureInfo.InvariantCulture));
        run.Print(x.Shape.ToString());
        Tensor X = x.Reshape(3, 4);
        run.Print(X.ToString());
        run.Print(Py.Tuple(x.Reshape(-1, 4).Eq(X).All().ToString(), x.Reshape(3, -1).Eq(X).All().ToString()));
        run.Print(Torch.Zeros(2, 3, 4).ToString());
        run.Print(Torch.Ones(2, 3, 4).ToString());

        run.Heading("Indexing and slicing", 3);
        run.Print(Py.Tuple(X[^1].ToString(), X[1..3].ToString()));
        X[1, 2] = 17;
        run.Print(X.ToString());
        X[..2, ..] = 12;
        run.Print(X.ToString());

        run.Heading("Operations", 3);
        run.Text("x.reshape(3, 4) returned a view, so the assignments to X above changed x too; exp shows it.");
        run.Print(Torch.Exp(x).ToString());
        Tensor a = Torch.Tensor(new[] { 1.0, 2, 4, 8 });
        Tensor b = Torch.Tensor(new long[] { 2, 2, 2, 2 });
        run.Print(Py.Tuple((a + b).ToString(), (a - b).ToString(), (a * b).ToString(), (a / b).ToString(), a.Pow(b).ToString()));
        X = Torch.Arange(12.0, DType.Float32).Reshape(3, 4);
        Tensor Y = Torch.Tensor(new double[,] { { 2.0, 1, 4, 3 }, { 1, 2, 3, 4 }, { 4, 3, 2, 1 } });
        run.Print(Torch.Cat([X, Y], dim: 0).ToString());
        run.Print(Torch.Cat([X, Y], dim: 1).ToString());
        run.Print(X.Eq(Y).ToString());
        run.Print(X.Sum().ToString());
    }

    private static void LinearAlgebra(ChapterRun run)
    {
        run.Heading("Linear algebra");
        Tensor x = Torch.Tensor(3.0), y = Torch.Tensor(2.0);
        run.Print(Py.Tuple((x + y).ToString(), (x * y).ToString(), (x / y).ToString(), x.Pow(y).ToString()));
        run.Print(Torch.Arange(3).ToString());
        Tensor A = Torch.Arange(6).Reshape(3, 2);
        run.Print(A.ToString());
        run.Print(A.T.ToString());
        run.Print(Torch.Arange(24).Reshape(2, 3, 4).ToString());

        run.Heading("Tensor arithmetic", 3);
        A = Torch.Arange(6.0, DType.Float32).Reshape(2, 3);
        Tensor B = A.Clone();
        run.Print(Py.Tuple(A.ToString(), (A + B).ToString()));
        run.Print((A * B).ToString());
        const int scalar = 2;
        Tensor X = Torch.Arange(24).Reshape(2, 3, 4);
        run.Print(Py.Tuple((scalar + X).ToString(), (scalar * X).Shape.ToString()));

        run.Heading("Reduction", 3);
        x = Torch.Arange(3.0, DType.Float32);
        run.Print(Py.Tuple(x.ToString(), x.Sum().ToString()));
        run.Print(Py.Tuple(A.Shape.ToString(), A.Sum().ToString()));
        run.Print(Py.Tuple(A.Shape.ToString(), A.Sum(0).ToString(), A.Sum(0).Shape.ToString()));
        run.Print(Py.Tuple(A.Shape.ToString(), A.Sum(1).ToString(), A.Sum(1).Shape.ToString()));
        Tensor sumA = A.Sum(1, keepDim: true);
        run.Print(Py.Tuple(A.ToString(), sumA.ToString(), sumA.Shape.ToString()));
        run.Print((A / sumA).ToString());

        run.Heading("Products and norms", 3);
        y = Torch.Ones([3], DType.Float32);
        run.Print(Py.Tuple(x.ToString(), y.ToString(), Torch.Dot(x, y).ToString()));
        run.Print(Py.Tuple(A.Shape.ToString(), x.Shape.ToString(), Torch.Mv(A, x).ToString(), A.Matmul(x).ToString()));
        B = Torch.Ones(3, 4);
        run.Print(Py.Tuple(Torch.Mm(A, B).ToString(), A.Matmul(B).ToString()));
        Tensor u = Torch.Tensor(new[] { 3.0, -4.0 });
        run.Print(Torch.Norm(u).ToString());
        run.Print(Torch.Abs(u).Sum().ToString());
    }

    private static void Calculus(ChapterRun run)
    {
        run.Heading("Calculus");
        run.Text("f(x) = 3x² - 4x; the difference quotient (f(1 + h) - f(1)) / h approaches f'(1) = 2 as h shrinks.");
        static double F(double x) => (3 * x * x) - (4 * x);
        for (int k = 1; k <= 5; k++)
        {
            double h = Math.Pow(10.0, -k);
            run.Print($"h={Py.Fixed(h, 5)}, numerical limit={Py.Fixed((F(1 + h) - F(1)) / h, 5)}");
        }
    }

    private static void AutomaticDifferentiation(ChapterRun run)
    {
        run.Heading("Automatic differentiation");
        run.Text("y = 2 xᵀx for x = [0, 1, 2, 3]; its gradient is 4x.");
        Tensor x = Torch.Arange(4.0, DType.Float32);
        run.Print(x.ToString());
        x.RequiresGrad_(true);
        run.Print(x.Grad is null ? "None" : x.Grad.ToString());
        Tensor y = 2 * Torch.Dot(x, x);
        run.Print(y.ToString());
        y.Backward();
        run.Print(x.Grad!.ToString());
        run.Print(x.Grad.Eq(4 * x).ToString());
    }
}
