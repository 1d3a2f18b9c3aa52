using Leibniz.Nn;

namespace Leibniz.Samples.Xor;

/// <summary>A network shape to try on XOR.</summary>
/// <param name="Name">How the table names it.</param>
/// <param name="HiddenLayers">The number of hidden layers.</param>
/// <param name="Build">Creates the network (logits out) from a seeded random source.</param>
public sealed record Architecture(string Name, int HiddenLayers, Func<Random, Module> Build);

/// <summary>The shapes the sample compares: none, then one hidden layer of growing width, then two.</summary>
public static class Architectures
{
    /// <summary>All of them, smallest first.</summary>
    public static IReadOnlyList<Architecture> All { get; } =
    [
        new("no hidden layer: Linear(2,1)", 0, r => new Sequential(new Linear(2, 1, random: r))),
        new("1 hidden layer, 1 unit", 1, r => Mlp(r, 1)),
        new("1 hidden layer, 2 units", 1, r => Mlp(r, 2)),
        new("1 hidden layer, 4 units", 1, r => Mlp(r, 4)),
        new("1 hidden layer, 8 units", 1, r => Mlp(r, 8)),
        new("2 hidden layers, 4 + 4 units", 2, r => new Sequential(
            new Linear(2, 4, random: r), new Tanh(), new Linear(4, 4, random: r), new Tanh(), new Linear(4, 1, random: r))),
    ];

    /// <summary>Linear(2, units), tanh, Linear(units, 1).</summary>
    public static Sequential Mlp(Random random, int units) =>
        new(new Linear(2, units, random: random), new Tanh(), new Linear(units, 1, random: random));
}
