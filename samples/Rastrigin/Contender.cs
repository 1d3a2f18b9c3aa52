using Leibniz.Nn;

namespace Leibniz.Samples.Rastrigin;

/// <summary>One of the networks the sample compares: same size, same data, same number of steps.</summary>
/// <param name="Name">The activation, as the tables name it.</param>
/// <param name="PeakLearningRate">Adam's learning rate at the start of the cosine schedule (the one tuned knob).</param>
/// <param name="Build">Creates the network for a hidden width and a source of initial weights.</param>
public sealed record Contender(string Name, double PeakLearningRate, Func<int, Random, Module> Build)
{
    /// <summary>Hidden layers of every contender (2-w-w-w-1).</summary>
    public const int HiddenLayers = 3;

    /// <summary>tanh with PyTorch's default initialisation: smooth, saturating.</summary>
    public static Contender Tanh { get; } = new("tanh", 2e-2, (width, random) => Mlp(width, random, () => new Tanh()));

    /// <summary>ReLU with PyTorch's default initialisation: piecewise linear.</summary>
    public static Contender Relu { get; } = new("ReLU", 1e-2, (width, random) => Mlp(width, random, () => new ReLU()));

    /// <summary>sin(30·x) with SIREN's initialisation: periodic.</summary>
    public static Contender Sine { get; } = new("sine", 3e-4,
        (width, random) => Siren.Create(2, width, HiddenLayers, 1, random: random));

    /// <summary>The three contenders, in the order the tables show them.</summary>
    public static IReadOnlyList<Contender> All { get; } = [Tanh, Relu, Sine];

    private static Sequential Mlp(int width, Random random, Func<Module> activation)
    {
        var network = new Sequential(new Linear(2, width, random: random), activation());
        for (var i = 1; i < HiddenLayers; i++)
        {
            network.Add(new Linear(width, width, random: random));
            network.Add(activation());
        }

        network.Add(new Linear(width, 1, random: random));
        return network;
    }
}
