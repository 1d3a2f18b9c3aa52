using Leibniz;

namespace Leibniz.Samples.Tour;

/// <summary>One node of the computational graph: how it is computed, its value, and ∂z/∂node after backward.</summary>
/// <param name="Name">The node's name.</param>
/// <param name="Definition">How it is computed from its parents.</param>
/// <param name="Value">The forward value.</param>
/// <param name="Gradient">The adjoint ∂z/∂node from the backward sweep.</param>
/// <param name="ByHand">The same adjoint written out with the chain rule, to compare.</param>
public sealed record GraphNode(string Name, string Definition, double Value, double Gradient, double ByHand);

/// <summary>
/// The lecture's point about topological order, on z = (x·y + sin x)·(x·y): the node a = x·y feeds two children,
/// so its gradient is complete only after both have sent theirs back. The tape records nodes in evaluation order,
/// which is already a topological order, so one reverse pass over the records is enough.
/// </summary>
public static partial class ComputationalGraph
{
    /// <summary>The same z as one ordinary C# method, differentiated by the generator.</summary>
    [Differentiable]
    public static double Z(double x, double y)
    {
        var a = x * y;
        var b = Math.Sin(x);
        var c = a + b;
        return c * a;
    }

    /// <summary>Builds the graph on a tape at (x, y), runs backward from z, and returns every node.</summary>
    public static IReadOnlyList<GraphNode> Evaluate(double x0, double y0)
    {
        var tape = new Tape();
        var x = tape.Variable(x0);
        var y = tape.Variable(y0);
        var a = x * y;
        var b = Var.Sin(x);
        var c = a + b;
        var z = c * a;
        tape.Backward(z);

        // The chain rule by hand, child to parent, in reverse topological order.
        var dz = 1.0;
        var dc = dz * a.Value;
        var db = dc;
        var da = dz * c.Value + dc;
        var dx = da * y.Value + db * Math.Cos(x.Value);
        var dy = da * x.Value;
        return
        [
            new("x", "input", x.Value, x.Gradient, dx),
            new("y", "input", y.Value, y.Gradient, dy),
            new("a", "x · y", a.Value, a.Gradient, da),
            new("b", "sin x", b.Value, b.Gradient, db),
            new("c", "a + b", c.Value, c.Gradient, dc),
            new("z", "c · a", z.Value, z.Gradient, dz),
        ];
    }
}
