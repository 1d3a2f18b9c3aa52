using System.Globalization;

namespace Leibniz.Generator.Tests.Fuzz;

/// <summary>A random expression over the parameters x and y, printable as C# and evaluable on <see cref="Dual"/>.</summary>
internal abstract record Expr
{
    public abstract string ToCSharp();

    public abstract Dual Evaluate(Dual x, Dual y);

    protected static string Literal(double value) => value.ToString("R", CultureInfo.InvariantCulture) + "d";
}

internal sealed record Parameter(int Index) : Expr
{
    public override string ToCSharp() => Index == 0 ? "x" : "y";

    public override Dual Evaluate(Dual x, Dual y) => Index == 0 ? x : y;
}

internal sealed record Constant(double Value) : Expr
{
    public override string ToCSharp() => "(" + Literal(Value) + ")";

    public override Dual Evaluate(Dual x, Dual y) => Value;
}

internal sealed record Binary(char Op, Expr Left, Expr Right) : Expr
{
    public override string ToCSharp() => "(" + Left.ToCSharp() + " " + Op + " " + Right.ToCSharp() + ")";

    public override Dual Evaluate(Dual x, Dual y)
    {
        var (a, b) = (Left.Evaluate(x, y), Right.Evaluate(x, y));
        return Op switch { '+' => a + b, '-' => a - b, '*' => a * b, _ => a / b };
    }
}

internal sealed record Negate(Expr Operand) : Expr
{
    public override string ToCSharp() => "(-" + Operand.ToCSharp() + ")";

    public override Dual Evaluate(Dual x, Dual y) => -Operand.Evaluate(x, y);
}

/// <summary>A call; <see cref="Owner"/> is "Math" or "Elementary", extra integer/constant arguments are in <see cref="Extra"/>.</summary>
internal sealed record Call(string Owner, string Name, Expr[] Args, string? Extra = null) : Expr
{
    public override string ToCSharp() =>
        (Owner == "Math" && Name == "Sign" ? "(double)" : "") + Owner + "." + Name + "(" + string.Join(", ", Args.Select(a => a.ToCSharp())) + (Extra is null ? "" : ", " + Extra) + ")";

    public override Dual Evaluate(Dual x, Dual y)
    {
        var a = Args.Select(e => e.Evaluate(x, y)).ToArray();
        var v = a[0].Value;
        return Name switch
        {
            "Sin" => Dual.Sin(a[0]),
            "Cos" => Dual.Cos(a[0]),
            "Tan" => Dual.Tan(a[0]),
            "Asin" => Dual.Asin(a[0]),
            "Acos" => Dual.Acos(a[0]),
            "Atan" => Dual.Atan(a[0]),
            "Sinh" => Dual.Sinh(a[0]),
            "Cosh" => Dual.Cosh(a[0]),
            "Tanh" => Dual.Tanh(a[0]),
            "Asinh" => Dual.Asinh(a[0]),
            "Acosh" => Dual.Acosh(a[0]),
            "Atanh" => Dual.Atanh(a[0]),
            "Exp" => Dual.Exp(a[0]),
            "Log" when a.Length == 2 => Dual.Log(a[0], a[1]),
            "Log" => Dual.Log(a[0]),
            "Log2" => Dual.Log2(a[0]),
            "Log10" => Dual.Log10(a[0]),
            "Sqrt" => Dual.Sqrt(a[0]),
            "Cbrt" => Dual.Cbrt(a[0]),
            "Abs" => Dual.Abs(a[0]),
            "Atan2" => Dual.Atan2(a[0], a[1]),
            "Hypot" => Dual.Hypot(a[0], a[1]),
            "Min" => Dual.Min(a[0], a[1]),
            "Max" => Dual.Max(a[0], a[1]),
            "Pow" when Extra is not null => Dual.Pow(a[0], double.Parse(Extra.TrimEnd('d'), CultureInfo.InvariantCulture)),
            "Pow" => Dual.Pow(a[0], a[1]),
            "FusedMultiplyAdd" => a[0] * a[1] + a[2],
            "Clamp" => a[0].Value < a[1].Value ? a[1] : a[0].Value > a[2].Value ? a[2] : a[0],
            "ScaleB" => a[0] * Math.ScaleB(1.0, int.Parse(Extra!, CultureInfo.InvariantCulture)),
            "Round" => Math.Round(v),
            "Floor" => Math.Floor(v),
            "Ceiling" => Math.Ceiling(v),
            "Truncate" => Math.Truncate(v),
            "Sign" when Owner == "Math" => Math.Sign(v),
            "Cot" => Dual.Cot(a[0]),
            "Sec" => Dual.Sec(a[0]),
            "Csc" => Dual.Csc(a[0]),
            "Acot" => Dual.Acot(a[0]),
            "Coth" => Dual.Coth(a[0]),
            "Sech" => Dual.Sech(a[0]),
            "Csch" => Dual.Csch(a[0]),
            "Acoth" => Dual.Acoth(a[0]),
            "Asec" => Dual.Asec(a[0]),
            "Acsc" => Dual.Acsc(a[0]),
            "Asech" => Dual.Asech(a[0]),
            "Acsch" => Dual.Acsch(a[0]),
            "Sigmoid" => Dual.Sigmoid(a[0]),
            "Softplus" => Dual.Softplus(a[0]),
            "Relu" => Dual.Relu(a[0]),
            "Heaviside" => Dual.Heaviside(a[0]),
            "Sign" => Dual.Sign(a[0]),
            "LeakyRelu" when Extra is not null => Dual.LeakyRelu(a[0], double.Parse(Extra.TrimEnd('d'), CultureInfo.InvariantCulture)),
            "LeakyRelu" => Dual.LeakyRelu(a[0]),
            _ => throw new InvalidOperationException(Name),
        };
    }
}

/// <summary><c>Left Op Right ? WhenTrue : WhenFalse</c>.</summary>
internal sealed record Conditional(string Op, Expr Left, Expr Right, Expr WhenTrue, Expr WhenFalse) : Expr
{
    public override string ToCSharp() =>
        "(" + Left.ToCSharp() + " " + Op + " " + Right.ToCSharp() + " ? " + WhenTrue.ToCSharp() + " : " + WhenFalse.ToCSharp() + ")";

    public override Dual Evaluate(Dual x, Dual y)
    {
        var (a, b) = (Left.Evaluate(x, y).Value, Right.Evaluate(x, y).Value);
        var condition = Op switch { "<" => a < b, "<=" => a <= b, ">" => a > b, _ => a >= b };
        return condition ? WhenTrue.Evaluate(x, y) : WhenFalse.Evaluate(x, y);
    }
}

/// <summary>
/// <c>Subject switch { pattern₁ =&gt; A₁, …, _ =&gt; Otherwise }</c> with relational, <c>and</c>, <c>or</c> and <c>not</c>
/// patterns over constants; each arm's pattern is C# text with the test it stands for.
/// </summary>
internal sealed record Switch(Expr Subject, (string Pattern, Func<double, bool> Test, Expr Value)[] Arms, Expr Otherwise) : Expr
{
    public override string ToCSharp() =>
        "(" + Subject.ToCSharp() + " switch { " + string.Concat(Arms.Select(a => a.Pattern + " => " + a.Value.ToCSharp() + ", ")) + "_ => " + Otherwise.ToCSharp() + " })";

    public override Dual Evaluate(Dual x, Dual y)
    {
        var subject = Subject.Evaluate(x, y).Value;
        return Arms.FirstOrDefault(a => a.Test(subject)) is { Value: { } taken } ? taken.Evaluate(x, y) : Otherwise.Evaluate(x, y);
    }
}
