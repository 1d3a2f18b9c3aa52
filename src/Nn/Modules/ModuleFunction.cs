namespace Leibniz.Nn;

/// <summary>
/// Turns a module mapping [batch, inputs] to [batch, 1] into plain functions of one point, so libraries that know no
/// layers (such as Leibniz.Symbolic's distillation) can sample it and its input derivatives.
/// </summary>
public static class ModuleFunction
{
    /// <summary>The module's output at one point, in evaluation mode and without recording a graph.</summary>
    /// <param name="module">A module with <paramref name="inputs"/> input features and one output.</param>
    /// <param name="inputs">The number of input features.</param>
    public static Func<double[], double> AsFunction(this Module module, int inputs)
    {
        ArgumentNullException.ThrowIfNull(module);
        ArgumentOutOfRangeException.ThrowIfLessThan(inputs, 1);
        return point =>
        {
            Check(point, inputs);
            module.Eval();
            using (Tensor.NoGrad())
            {
                return Single(module.Forward(Tensor.FromArray(point, 1, inputs)));
            }
        };
    }

    /// <summary>
    /// ∂output/∂input at one point by reverse mode through the module. The parameters stop requiring grad for the
    /// call, so their accumulated gradients are left as they were.
    /// </summary>
    /// <param name="module">A module with <paramref name="inputs"/> input features and one output.</param>
    /// <param name="inputs">The number of input features.</param>
    public static Func<double[], double[]> AsGradient(this Module module, int inputs)
    {
        ArgumentNullException.ThrowIfNull(module);
        ArgumentOutOfRangeException.ThrowIfLessThan(inputs, 1);
        return point =>
        {
            Check(point, inputs);
            module.Eval();
            var parameters = module.Parameters();
            foreach (var parameter in parameters)
            {
                parameter.RequiresGrad = false;
            }

            try
            {
                var input = Tensor.FromArray(point, 1, inputs).RequireGrad();
                var output = module.Forward(input);
                Single(output);
                output.Sum().Backward();
                return input.Grad.ToArray();
            }
            finally
            {
                foreach (var parameter in parameters)
                {
                    parameter.RequiresGrad = true;
                }
            }
        };
    }

    private static void Check(double[] point, int inputs)
    {
        ArgumentNullException.ThrowIfNull(point);
        if (point.Length != inputs)
        {
            throw new ArgumentException($"The module takes {inputs} inputs; the point has {point.Length}.", nameof(point));
        }
    }

    private static double Single(Tensor output) => output.Length == 1
        ? output.ToArray()[0]
        : throw new InvalidOperationException($"The module returns {output.Length} values for one point; a function needs exactly one.");
}
