#:project ../src/Gradus/Gradus.csproj
// Preliminaries, data manipulation and linear algebra (Dive into Deep Learning ch. 2, course/002): every tensor
// example of the slides, translated line by line; each Console.WriteLine prints what the slide shows.
//
// Run from the repository root:   dotnet run examples/01_tensors.cs

using Gradus;

// ---- Data manipulation -------------------------------------------------------------------------------------------
var x = Torch.Arange(12.0, DType.Float32);              // x = torch.arange(12, dtype=torch.float32)
Console.WriteLine(x);                                   // tensor([ 0.,  1.,  2., ..., 11.])
Console.WriteLine(x.Numel);                             // x.numel() -> 12
Console.WriteLine(x.Shape);                             // x.shape -> torch.Size([12])

var X = x.Reshape(3, 4);                                // X = x.reshape(3, 4)
Console.WriteLine(X);
// x.reshape(-1, 4) and x.reshape(3, -1) infer the missing size
Console.WriteLine(Tuple(x.Reshape(-1, 4).Eq(X).All(), x.Reshape(3, -1).Eq(X).All()));

Console.WriteLine(Torch.Zeros(2, 3, 4));               // torch.zeros((2, 3, 4))
Console.WriteLine(Torch.Ones(2, 3, 4));                // torch.ones((2, 3, 4))

// Indexing and slicing: X[-1], X[1:3]
Console.WriteLine(Tuple(X[^1], X[1..3]));
X[1, 2] = 17;                                           // X[1, 2] = 17
Console.WriteLine(X);
X[..2, ..] = 12;                                        // X[:2, :] = 12
Console.WriteLine(X);

// Operations. X is a view of x, so x changed with it.
Console.WriteLine(Torch.Exp(x));                        // torch.exp(x)
var a = Torch.Tensor(new[] { 1.0, 2, 4, 8 });           // x = torch.tensor([1.0, 2, 4, 8])
var b = Torch.Tensor(new long[] { 2, 2, 2, 2 });        // y = torch.tensor([2, 2, 2, 2])
Console.WriteLine(Tuple(a + b, a - b, a * b, a / b, a.Pow(b))); // x + y, x - y, x * y, x / y, x ** y

X = Torch.Arange(12.0, DType.Float32).Reshape(3, 4);    // X = torch.arange(12, dtype=torch.float32).reshape((3,4))
var Y = Torch.Tensor(new double[,] { { 2.0, 1, 4, 3 }, { 1, 2, 3, 4 }, { 4, 3, 2, 1 } });
Console.WriteLine(Torch.Cat([X, Y], dim: 0));           // torch.cat((X, Y), dim=0)
Console.WriteLine(Torch.Cat([X, Y], dim: 1));           // torch.cat((X, Y), dim=1)
Console.WriteLine(X.Eq(Y));                             // X == Y
Console.WriteLine(X.Sum());                             // X.sum() -> tensor(66.)

// ---- Linear algebra ----------------------------------------------------------------------------------------------
var s = Torch.Tensor(3.0);                              // x = torch.tensor(3.0)
var t = Torch.Tensor(2.0);                              // y = torch.tensor(2.0)
Console.WriteLine(Tuple(s + t, s * t, s / t, s.Pow(t))); // (tensor(5.), tensor(6.), tensor(1.5000), tensor(9.))
Console.WriteLine(Torch.Arange(3));                     // tensor([0, 1, 2])

var A = Torch.Arange(6).Reshape(3, 2);                  // A = torch.arange(6).reshape(3, 2)
Console.WriteLine(A);
Console.WriteLine(A.T);                                 // A.T
Console.WriteLine(Torch.Arange(24).Reshape(2, 3, 4));  // torch.arange(24).reshape(2, 3, 4)

A = Torch.Arange(6.0, DType.Float32).Reshape(2, 3);     // A = torch.arange(6, dtype=torch.float32).reshape(2, 3)
var B = A.Clone();                                      // B = A.clone()
Console.WriteLine(Tuple(A, A + B));
Console.WriteLine(A * B);                               // Hadamard product

const int scalar = 2;                                   // a = 2
var X3 = Torch.Arange(24).Reshape(2, 3, 4);             // X = torch.arange(24).reshape(2, 3, 4)
Console.WriteLine(Tuple(scalar + X3, (scalar * X3).Shape)); // a + X, (a * X).shape

// Reduction
var v = Torch.Arange(3.0, DType.Float32);               // x = torch.arange(3, dtype=torch.float32)
Console.WriteLine(Tuple(v, v.Sum()));                   // (tensor([0., 1., 2.]), tensor(3.))
Console.WriteLine(Tuple(A.Shape, A.Sum()));             // (torch.Size([2, 3]), tensor(15.))
Console.WriteLine(Tuple(A.Shape, A.Sum(0), A.Sum(0).Shape));  // A.sum(axis=0)
Console.WriteLine(Tuple(A.Shape, A.Sum(1), A.Sum(1).Shape));  // A.sum(axis=1)
var sumA = A.Sum(1, keepDim: true);                     // sum_A = A.sum(axis=1, keepdims=True)
Console.WriteLine(Tuple(A, sumA, sumA.Shape));
Console.WriteLine(A / sumA);                            // each row sums to 1

// Dot, matrix-vector and matrix-matrix products; norms
var ones = Torch.Ones([3], DType.Float32);              // y = torch.ones(3, dtype=torch.float32)
Console.WriteLine(Tuple(v, ones, Torch.Dot(v, ones)));  // x, y, torch.dot(x, y)
Console.WriteLine(Tuple(A.Shape, v.Shape, Torch.Mv(A, v), A.Matmul(v)));   // A.shape, x.shape, torch.mv(A, x), A@x
var B4 = Torch.Ones(3, 4);                              // B = torch.ones(3, 4)
Console.WriteLine(Tuple(Torch.Mm(A, B4), A.Matmul(B4))); // torch.mm(A, B), A@B
var u = Torch.Tensor(new[] { 3.0, -4.0 });              // u = torch.tensor([3.0, -4.0])
Console.WriteLine(Torch.Norm(u));                       // torch.norm(u) -> tensor(5.)
Console.WriteLine(Torch.Abs(u).Sum());                  // torch.abs(u).sum() -> tensor(7.)

// How Jupyter shows a tuple: one line when it fits in 79 columns, else one item per line (continuation lines indented
// by one more space).
static string Tuple(params object[] items)
{
    string[] texts = [.. items.Select(i => i.ToString() ?? "None")];
    string flat = "(" + string.Join(", ", texts) + ")";
    if (flat.Length <= 79 && !flat.Contains('\n')) return flat;
    return "(" + string.Join(",\n ", texts.Select(text => text.Replace("\n", "\n "))) + ")";
}
