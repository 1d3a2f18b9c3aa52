using System.Numerics;

namespace Leibniz.Generator.Tests.Runtime;

/// <summary>Generic-math [Differentiable] methods: differentiated once, used for double and float.</summary>
public static partial class GenericFunctions
{
    [Differentiable(Order = 2)]
    public static T Wave<T>(T x, T y)
        where T : IFloatingPointIeee754<T>
    {
        var two = T.CreateChecked(2);
        var r = T.Sin(two * x) * T.Exp(-y * y) + T.Log(T.One + x * x) / (two + T.Cos(y));
        if (x > y)
        {
            r += T.Sqrt(T.One + y * y) * T.Atan2(y, x) + T.Pow(x, two + T.One);
        }

        return r + T.Abs(x - y) * T.Pi + T.Tanh(x) * T.Max(x, y);
    }
}
