using Leibniz;

namespace Leibniz.Samples.Tour;

/// <summary>One row of the lecture's derivative table, with each way Leibniz computes the derivative.</summary>
/// <param name="Function">f(x) as the lecture writes it.</param>
/// <param name="Derivative">f′(x) as the lecture writes it.</param>
/// <param name="X">The point where the derivative is checked (inside the function's domain).</param>
/// <param name="Primal">f itself.</param>
/// <param name="Analytic">f′ coded from the table: the reference.</param>
/// <param name="Generated">The derivative from the generated <c>XGradient</c> method.</param>
/// <param name="Forward">f on dual numbers (forward mode).</param>
/// <param name="Reverse">f on tape variables (reverse mode).</param>
public sealed record DerivativeTableEntry(
    string Function,
    string Derivative,
    double X,
    Func<double, double> Primal,
    Func<double, double> Analytic,
    Func<double, double> Generated,
    Func<Dual, Dual> Forward,
    Func<Var, Var> Reverse);

/// <summary>The lecture's derivative table.</summary>
public static class DerivativeTable
{
    /// <summary>Every row, each checked at a point of its domain.</summary>
    public static IReadOnlyList<DerivativeTableEntry> Entries { get; } =
    [
        new("x³", "3x²", 0.7, TableFunctions.Cube, x => 3 * x * x, x => TableFunctions.CubeGradient(x).dx,
            x => Dual.Pow(x, 3), x => Var.Pow(x, 3)),
        new("eˣ", "eˣ", 0.7, TableFunctions.Exp, Math.Exp, x => TableFunctions.ExpGradient(x).dx, Dual.Exp, Var.Exp),
        new("ln x", "1/x", 0.7, TableFunctions.Ln, x => 1 / x, x => TableFunctions.LnGradient(x).dx, Dual.Log, Var.Log),
        new("sin x", "cos x", 0.7, TableFunctions.Sin, Math.Cos, x => TableFunctions.SinGradient(x).dx, Dual.Sin, Var.Sin),
        new("cos x", "−sin x", 0.7, TableFunctions.Cos, x => -Math.Sin(x), x => TableFunctions.CosGradient(x).dx,
            Dual.Cos, Var.Cos),
        new("tan x", "sec² x", 0.7, TableFunctions.Tan, x => 1 / (Math.Cos(x) * Math.Cos(x)),
            x => TableFunctions.TanGradient(x).dx, Dual.Tan, Var.Tan),
        new("cot x", "−cosec² x", 0.7, TableFunctions.Cot, x => -1 / (Math.Sin(x) * Math.Sin(x)),
            x => TableFunctions.CotGradient(x).dx, Dual.Cot, Var.Cot),
        new("sec x", "sec x tan x", 0.7, TableFunctions.Sec, x => Math.Tan(x) / Math.Cos(x),
            x => TableFunctions.SecGradient(x).dx, Dual.Sec, Var.Sec),
        new("cosec x", "−cosec x cot x", 0.7, TableFunctions.Csc, x => -Math.Cos(x) / (Math.Sin(x) * Math.Sin(x)),
            x => TableFunctions.CscGradient(x).dx, Dual.Csc, Var.Csc),
        new("tan⁻¹ x", "1/(1+x²)", 0.7, TableFunctions.Atan, x => 1 / (1 + x * x), x => TableFunctions.AtanGradient(x).dx,
            Dual.Atan, Var.Atan),
        new("sin⁻¹ x", "1/√(1−x²)", 0.7, TableFunctions.Asin, x => 1 / Math.Sqrt(1 - x * x),
            x => TableFunctions.AsinGradient(x).dx, Dual.Asin, Var.Asin),
        new("cos⁻¹ x", "−1/√(1−x²)", 0.7, TableFunctions.Acos, x => -1 / Math.Sqrt(1 - x * x),
            x => TableFunctions.AcosGradient(x).dx, Dual.Acos, Var.Acos),
        new("sinh x", "cosh x", 0.7, TableFunctions.Sinh, Math.Cosh, x => TableFunctions.SinhGradient(x).dx, Dual.Sinh,
            Var.Sinh),
        new("cosh x", "sinh x", 0.7, TableFunctions.Cosh, Math.Sinh, x => TableFunctions.CoshGradient(x).dx, Dual.Cosh,
            Var.Cosh),
        new("tanh x", "sech² x", 0.7, TableFunctions.Tanh, x => 1 / (Math.Cosh(x) * Math.Cosh(x)),
            x => TableFunctions.TanhGradient(x).dx, Dual.Tanh, Var.Tanh),
        new("coth x", "−cosech² x", 0.7, TableFunctions.Coth, x => -1 / (Math.Sinh(x) * Math.Sinh(x)),
            x => TableFunctions.CothGradient(x).dx, Dual.Coth, Var.Coth),
        new("sech x", "−sech x tanh x", 0.7, TableFunctions.Sech, x => -Math.Tanh(x) / Math.Cosh(x),
            x => TableFunctions.SechGradient(x).dx, Dual.Sech, Var.Sech),
        new("cosech x", "−cosech x coth x", 0.7, TableFunctions.Csch,
            x => -Math.Cosh(x) / (Math.Sinh(x) * Math.Sinh(x)), x => TableFunctions.CschGradient(x).dx, Dual.Csch,
            Var.Csch),
        new("sinh⁻¹ x", "1/√(x²+1)", 0.7, TableFunctions.Asinh, x => 1 / Math.Sqrt(x * x + 1),
            x => TableFunctions.AsinhGradient(x).dx, Dual.Asinh, Var.Asinh),
        new("cosh⁻¹ x", "1/√(x²−1)", 1.7, TableFunctions.Acosh, x => 1 / Math.Sqrt(x * x - 1),
            x => TableFunctions.AcoshGradient(x).dx, Dual.Acosh, Var.Acosh),
        new("tanh⁻¹ x", "1/(1−x²)", 0.7, TableFunctions.Atanh, x => 1 / (1 - x * x),
            x => TableFunctions.AtanhGradient(x).dx, Dual.Atanh, Var.Atanh),
        new("coth⁻¹ x", "−1/(x²−1)", 1.7, TableFunctions.Acoth, x => -1 / (x * x - 1),
            x => TableFunctions.AcothGradient(x).dx, Dual.Acoth, Var.Acoth),
    ];
}
