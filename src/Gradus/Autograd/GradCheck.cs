namespace Gradus;

public static partial class Autograd
{
    /// <summary>
    /// Checks analytic gradients of <paramref name="func"/> against central finite differences in float64,
    /// as <c>torch.autograd.gradcheck</c>. Inputs must be float64 leaves that require grad. Throws with the
    /// worst element on failure; returns true otherwise.
    /// </summary>
    public static bool GradCheck(Func<Tensor[], Tensor> func, Tensor[] inputs, double eps = 1e-6, double atol = 1e-5, double rtol = 1e-3)
    {
        foreach (var x in inputs)
            if (x.RequiresGrad && x.DType != DType.Float64)
                throw new ArgumentException($"GradCheck needs float64 inputs for precision; got {x.DType}");
        var output = func(inputs);
        int nOut = output.Numel;
        var outShape = output.Shape;
        for (int xi = 0; xi < inputs.Length; xi++)
        {
            var x = inputs[xi];
            if (!x.RequiresGrad) continue;
            int n = x.Numel;
            // Numerical Jacobian column by column: perturb one input element at a time.
            var numeric = new double[n, nOut];
            var data = x.Data<double>();
            for (int j = 0; j < n; j++)
            {
                int pos = FlatPosition(x, j);
                double orig = data[pos];
                double[] plus, minus;
                using (Torch.NoGrad())
                {
                    data[pos] = orig + eps;
                    plus = func(inputs).Double().ToArray<double>();
                    data[pos] = orig - eps;
                    minus = func(inputs).Double().ToArray<double>();
                    data[pos] = orig;
                }
                for (int k = 0; k < nOut; k++) numeric[j, k] = (plus[k] - minus[k]) / (2 * eps);
            }
            // Analytic Jacobian row by row: one backward per output element.
            for (int k = 0; k < nOut; k++)
            {
                var y = func(inputs);
                if (!y.RequiresGrad)
                {
                    for (int j = 0; j < n; j++)
                        if (Math.Abs(numeric[j, k]) > atol)
                            throw new InvalidOperationException($"GradCheck: output does not require grad but the numerical gradient of input {xi} is {numeric[j, k]}");
                    continue;
                }
                var seed = Torch.Zeros(outShape, y.DType);
                seed.SetFlat(k, 1);
                var g = Grad(y, [x], seed, allowUnused: true)[0];
                var ga = g is null ? new double[n] : g.Double().ToArray<double>();
                for (int j = 0; j < n; j++)
                {
                    double a = ga[j], nu = numeric[j, k];
                    if (Math.Abs(a - nu) > atol + rtol * Math.Abs(nu))
                        throw new InvalidOperationException(
                            $"GradCheck: Jacobian mismatch for output {k} with respect to input {xi}, element {j}: numerical {nu:G10}, analytical {a:G10}");
                }
            }
        }
        return true;
    }

    private static int FlatPosition(Tensor x, int flat)
    {
        int pos = x.offset;
        for (int d = x.shape.Length - 1; d >= 0; d--)
        {
            pos += flat % x.shape[d] * x.strides[d];
            flat /= x.shape[d];
        }
        return pos;
    }
}
