using Leibniz.Nn.Pinn;

namespace Leibniz.Nn.Tests.Pinn;

/// <summary>A sine activation defined in the tests, to show that a new activation needs one registered rule.</summary>
internal sealed class SinActivation : Module
{
    static SinActivation() => TaylorRules.Register<SinActivation>(_ => TaylorRule.Sin());

    /// <summary>Forces the static constructor (the registration) to run.</summary>
    public static SinActivation Create() => new();

    public override Tensor Forward(Tensor input)
    {
        var values = input.ToArray();
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = Math.Sin(values[i]);
        }

        return Tensor.FromArray(values, input.Rows, input.Columns, input.DType);
    }
}
