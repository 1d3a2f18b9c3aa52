namespace Leibniz.Generator.Tests.Fuzz;

/// <summary>
/// One fuzzed method: an expression body, or (when <see cref="Threshold"/> is set) a block body with a local,
/// an if/else statement and compound assignments.
/// </summary>
internal sealed record FuzzCase(int Index, Expr Main, Expr? Threshold, Expr? Increment)
{
    public string Name => "M" + Index;

    public string ToCSharp() => Threshold is null
        ? $"    [Differentiable] public static double {Name}(double x, double y) => {Main.ToCSharp()};\n"
        : $$"""
              [Differentiable]
              public static double {{Name}}(double x, double y)
              {
                  double r = {{Main.ToCSharp()}};
                  if (r > {{Threshold.ToCSharp()}})
                  {
                      r += {{Increment!.ToCSharp()}};
                  }
                  else
                  {
                      r *= 0.5;
                  }

                  return r * y;
              }

          """;

    public Dual Evaluate(Dual x, Dual y)
    {
        var r = Main.Evaluate(x, y);
        if (Threshold is null)
        {
            return r;
        }

        r = r.Value > Threshold.Evaluate(x, y).Value ? r + Increment!.Evaluate(x, y) : r * 0.5;
        return r * y;
    }
}
