#:project ../src/Gradus/Gradus.csproj
// Backpropagation and the digit classifier (course/004): "build an image classifier for digits, first in NumPy, then
// in PyTorch". The same network, 784 -> 64 sigmoid units -> 10 softmax outputs with the cross-entropy loss, is trained
// twice from the same weights on the same batches: once with the chain rule written out on plain arrays, once with
// Gradus's autograd. The two losses agree to float rounding.
// Uses the digits sample in data/ (or GRADUS_DATA's digits/).
//
// Run from the repository root:   dotnet run examples/08_backprop_digits.cs

using Gradus;
using Gradus.Data.Datasets;
using Gradus.NN;
using Gradus.Optim;
using Gradus.Random;

const int hidden = 64, batchSize = 64, epochs = 2, trainCount = 2000;
const float lr = 0.5f;

var digits = new Mnist(train: true);
var images = digits.Images.Narrow(0, 0, trainCount);                 // N x 1 x 28 x 28 in [0, 1]
var targets = digits.Targets.Narrow(0, 0, trainCount);
long[] labels = targets.ToArray<long>();

// The Gradus model; its initial weights are copied into plain arrays for the hand-written version.
Torch.ManualSeed(42);
var model = new Sequential(new Flatten(), new Linear(784, hidden), new Sigmoid(), new Linear(hidden, 10));
float[][] p = [.. model.Parameters().Select(t => t.Detach().ToArray<float>())];
float[,] W1 = ToMatrix(p[0], hidden, 784), W2 = ToMatrix(p[2], 10, hidden);
float[] b1 = p[1], b2 = p[3];
var optimizer = new SGD(model.Parameters(), lr);
var lossFn = new CrossEntropyLoss();

var shuffle = new RandomState(0);
for (int epoch = 1; epoch <= epochs; epoch++)
{
    long[] order = shuffle.Permutation(trainCount);
    double byHand = 0, byGradus = 0;
    int batches = 0;
    for (int start = 0; start < trainCount; start += batchSize)
    {
        long[] index = order[start..Math.Min(start + batchSize, trainCount)];
        var x = images.IndexSelect(0, Torch.Tensor(index));

        byHand += HandStep(ToMatrix(x.ToArray<float>(), index.Length, 784), [.. index.Select(i => labels[i])]);

        var loss = lossFn.Call(model.Call(x), targets.IndexSelect(0, Torch.Tensor(index)));   // forward
        loss.Backward();                                                                     // backward
        optimizer.Step();                                                                    // update
        optimizer.ZeroGrad();
        byGradus += loss.Item();
        batches++;
    }
    Console.WriteLine($"epoch {epoch}: mean batch loss by hand {byHand / batches:F6}, by Gradus {byGradus / batches:F6}");
}

// One SGD step written out: forward, loss, backward by the chain rule, update. Returns the batch's mean loss.
double HandStep(float[,] x, long[] y)
{
    int n = x.GetLength(0);
    // Forward: h = σ(x W1ᵀ + b1); p = softmax(h W2ᵀ + b2)
    float[,] h = Sigmoid(Affine(x, W1, b1));
    float[,] prob = Softmax(Affine(h, W2, b2));
    double loss = 0;
    for (int r = 0; r < n; r++) loss -= Math.Log(prob[r, y[r]]);

    // Backward: dL/dz2 = (p - onehot(y)) / n
    float[,] dz2 = prob;
    for (int r = 0; r < n; r++)
    {
        dz2[r, y[r]] -= 1;
        for (int k = 0; k < 10; k++) dz2[r, k] /= n;
    }
    // dL/dh = dz2 W2, and through the sigmoid: dL/dz1 = dL/dh · h (1 - h)
    var dz1 = new float[n, hidden];
    for (int r = 0; r < n; r++)
        for (int j = 0; j < hidden; j++)
        {
            float g = 0;
            for (int k = 0; k < 10; k++) g += dz2[r, k] * W2[k, j];
            dz1[r, j] = g * h[r, j] * (1 - h[r, j]);
        }
    // dL/dW = dzᵀ · input, dL/db = Σ_rows dz; W -= lr dL/dW
    Descend(W2, b2, dz2, h);
    Descend(W1, b1, dz1, x);
    return loss / n;
}

static float[,] Affine(float[,] input, float[,] w, float[] b)
{
    int n = input.GetLength(0), inDim = w.GetLength(1), outDim = w.GetLength(0);
    var z = new float[n, outDim];
    for (int r = 0; r < n; r++)
        for (int o = 0; o < outDim; o++)
        {
            float sum = b[o];
            for (int i = 0; i < inDim; i++) sum += input[r, i] * w[o, i];
            z[r, o] = sum;
        }
    return z;
}

static float[,] Sigmoid(float[,] z)
{
    for (int r = 0; r < z.GetLength(0); r++)
        for (int c = 0; c < z.GetLength(1); c++) z[r, c] = 1 / (1 + MathF.Exp(-z[r, c]));
    return z;
}

static float[,] Softmax(float[,] z)
{
    for (int r = 0; r < z.GetLength(0); r++)
    {
        float max = float.MinValue, sum = 0;
        for (int c = 0; c < z.GetLength(1); c++) max = Math.Max(max, z[r, c]);
        for (int c = 0; c < z.GetLength(1); c++) sum += z[r, c] = MathF.Exp(z[r, c] - max);
        for (int c = 0; c < z.GetLength(1); c++) z[r, c] /= sum;
    }
    return z;
}

static void Descend(float[,] w, float[] b, float[,] dz, float[,] input)
{
    int n = dz.GetLength(0);
    for (int o = 0; o < w.GetLength(0); o++)
    {
        float db = 0;
        var dw = new float[w.GetLength(1)];
        for (int r = 0; r < n; r++)
        {
            db += dz[r, o];
            for (int i = 0; i < dw.Length; i++) dw[i] += dz[r, o] * input[r, i];
        }
        for (int i = 0; i < dw.Length; i++) w[o, i] -= lr * dw[i];
        b[o] -= lr * db;
    }
}

static float[,] ToMatrix(float[] flat, int rows, int cols)
{
    var m = new float[rows, cols];
    Buffer.BlockCopy(flat, 0, m, 0, flat.Length * sizeof(float));
    return m;
}
