#:project ../src/Gradus/Gradus.csproj
// Preliminaries, calculus and automatic differentiation (Dive into Deep Learning ch. 2, course/002), and the
// backpropagation example f(x, y, z) = (x + y) z of course/004, translated line by line.
//
// Run from the repository root:   dotnet run examples/02_autograd.cs

using System.Globalization;
using Gradus;

// ---- Calculus: the derivative as a limit -------------------------------------------------------------------------
// def f(x): return 3 * x ** 2 - 4 * x
static double F(double x) => (3 * x * x) - (4 * x);

// for h in 10.0**np.arange(-1, -6, -1): print(f'h={h:.5f}, numerical limit={(f(1+h)-f(1))/h:.5f}')
for (int k = 1; k <= 5; k++)
{
    double h = Math.Pow(10.0, -k);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"h={h:F5}, numerical limit={(F(1 + h) - F(1)) / h:F5}"));
}
// h=0.10000, numerical limit=2.30000 ... h=0.00001, numerical limit=2.00003: f'(1) = 6x - 4 = 2

// ---- Automatic differentiation: y = 2 x^T x ----------------------------------------------------------------------
var x = Torch.Arange(4.0, DType.Float32);       // x = torch.arange(4.0)
Console.WriteLine(x);                           // tensor([0., 1., 2., 3.])
x.RequiresGrad_(true);                          // x.requires_grad_(True)
Console.WriteLine(x.Grad?.ToString() ?? "None"); // x.grad is None by default
var y = 2 * Torch.Dot(x, x);                    // y = 2 * torch.dot(x, x)
Console.WriteLine(y);                           // tensor(28., grad_fn=<MulBackward0>)
y.Backward();                                   // y.backward()
Console.WriteLine(x.Grad);                      // tensor([ 0.,  4.,  8., 12.])
Console.WriteLine(x.Grad!.Eq(4 * x));           // the gradient of 2 x^T x is 4x: tensor([True, True, True, True])

// ---- Backpropagation by hand and by autograd: f(x, y, z) = (x + y) z at x = -2, y = 5, z = -4 ----------------------
var xs = Torch.Tensor(-2.0, requiresGrad: true);
var ys = Torch.Tensor(5.0, requiresGrad: true);
var zs = Torch.Tensor(-4.0, requiresGrad: true);
var q = xs + ys;                                // q = x + y = 3;  dq/dx = 1, dq/dy = 1
var f = q * zs;                                 // f = q z = -12;  df/dq = z, df/dz = q
Console.WriteLine($"q = {q}, f = {f}");
f.Backward();
// Chain rule: df/dx = df/dq * dq/dx = z * 1 = -4, df/dy = z * 1 = -4, df/dz = q = 3
Console.WriteLine($"df/dx = {xs.Grad}, df/dy = {ys.Grad}, df/dz = {zs.Grad}");
double zValue = zs.Item(), qValue = q.Item();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"by hand: df/dx = {zValue * 1}, df/dy = {zValue * 1}, df/dz = {qValue}"));
