namespace Leibniz;

public static partial class Autograd
{
    /// <summary>
    /// The gradient of one output with respect to one input, as PyTorch's <c>torch.autograd.grad(output, input,
    /// grad_output)[0]</c>; see <see cref="Grad(ReadOnlySpan{Tensor}, ReadOnlySpan{Tensor}, ReadOnlySpan{Tensor}, bool, bool?, bool)"/>.
    /// </summary>
    /// <param name="output">The tensor to differentiate.</param>
    /// <param name="input">The tensor to differentiate by; it must require grad.</param>
    /// <param name="gradOutput">∂L/∂output, the output's shape and element type; omit it for a one-element output (seed 1).</param>
    /// <param name="createGraph">Record the backward itself, so the result can be differentiated again.</param>
    /// <param name="retainGraph">Keep the graph for another backward; defaults to <paramref name="createGraph"/>.</param>
    /// <param name="allowUnused">Return an invalid (default) tensor instead of throwing when the output does not depend on the input.</param>
    /// <returns>∂L/∂input, the input's shape.</returns>
    public static Tensor Grad(Tensor output, Tensor input, Tensor? gradOutput = null, bool createGraph = false, bool? retainGraph = null, bool allowUnused = false)
    {
        ReadOnlySpan<Tensor> seeds = gradOutput is { } seed ? [seed] : [];
        var result = default(Tensor);
        Grad([output], [input], seeds, createGraph, retainGraph, allowUnused, new Span<Tensor>(ref result));
        return result;
    }

    /// <summary>
    /// The gradients of <paramref name="outputs"/> with respect to <paramref name="inputs"/>, with the semantics of
    /// PyTorch's <c>torch.autograd.grad</c>: Σᵢ gradOutputsᵢ·∂outputsᵢ/∂input for every input, returned as tensors and
    /// never accumulated into <see cref="Tensor.Grad"/>. With <paramref name="createGraph"/> the backward is built from
    /// recorded tensor operations, so the gradients are on the graph and can be differentiated again (u_x, then u_xx,
    /// then a loss whose <see cref="Tensor.Backward()"/> reaches the parameters).
    /// </summary>
    /// <param name="outputs">The tensors to differentiate; each must require grad.</param>
    /// <param name="inputs">The tensors to differentiate by (leaves or intermediate results); each must require grad.</param>
    /// <param name="gradOutputs">One ∂L/∂output per output, of its shape and element type; empty when every output has one element (seed 1).</param>
    /// <param name="createGraph">
    /// Record the backward itself, so the results can be differentiated again. The graph the call differentiated is
    /// then recycled by the <see cref="Tensor.Backward()"/> (or Grad without <paramref name="retainGraph"/>) that ends
    /// the step, together with that backward's own graph: all of it, the outputs included even where no derivative
    /// reads them (a network's output u when only u_xx enters the loss), so a training step reuses its memory.
    /// </param>
    /// <param name="retainGraph">
    /// Keep the graph for another backward; defaults to <paramref name="createGraph"/>. Without it the graph's tensors
    /// are recycled when the next graph operation starts, as after <see cref="Tensor.Backward()"/>.
    /// </param>
    /// <param name="allowUnused">
    /// Return an invalid (default, <see cref="Tensor.IsValid"/> false) tensor for an input the outputs do not depend
    /// on, instead of throwing.
    /// </param>
    /// <returns>One gradient per input, of the input's shape and element type.</returns>
    /// <exception cref="ArgumentException">Empty, mismatched or non-differentiable arguments (the message names the argument and index).</exception>
    /// <exception cref="InvalidOperationException">An unused input without <paramref name="allowUnused"/>, or a graph already back-propagated without <paramref name="retainGraph"/>.</exception>
    /// <exception cref="NotSupportedException">The graph contains an operation whose backward is not available as tensor operations (the message names it).</exception>
    public static Tensor[] Grad(ReadOnlySpan<Tensor> outputs, ReadOnlySpan<Tensor> inputs, ReadOnlySpan<Tensor> gradOutputs = default, bool createGraph = false, bool? retainGraph = null, bool allowUnused = false)
    {
        var results = new Tensor[inputs.Length];
        Grad(outputs, inputs, gradOutputs, createGraph, retainGraph, allowUnused, results);
        return results;
    }

    /// <summary>The gradients written into <paramref name="results"/> (one per input), so the one-tensor form allocates nothing.</summary>
    private static void Grad(ReadOnlySpan<Tensor> outputs, ReadOnlySpan<Tensor> inputs, ReadOnlySpan<Tensor> gradOutputs, bool createGraph, bool? retainGraph, bool allowUnused, Span<Tensor> results)
    {
        var retain = retainGraph ?? createGraph;
        if (createGraph && !retain)
        {
            throw new ArgumentException("retainGraph: false with createGraph: true would recycle the graph that the returned gradients are built on; leave retainGraph unset.", nameof(retainGraph));
        }

        var sweep = GradientSweep.Current;
        sweep.Begin();
        try
        {
            Validate(outputs, inputs, gradOutputs, sweep);
            sweep.Order();
            if (createGraph)
            {
                sweep.Run(createGraph: true);
                foreach (var output in sweep.Outputs)
                {
                    TensorPool.Current.AddGradientRoot(output);
                }
            }
            else
            {
                using (Tensor.NoGrad())
                {
                    sweep.Run(createGraph: false);
                }
            }

            var inputNodes = sweep.Inputs;
            for (var i = 0; i < inputNodes.Count; i++)
            {
                if (sweep.TryGetGradient(inputNodes[i], out var gradient))
                {
                    results[i] = gradient;
                }
                else if (!allowUnused)
                {
                    throw new InvalidOperationException($"inputs[{i}] ({inputNodes[i].ShapeText()}) was not used to compute the outputs, so it has no gradient; pass allowUnused: true to get an invalid (default) tensor for it instead.");
                }
            }

            if (!retain)
            {
                sweep.ReleaseGraph();
            }
        }
        finally
        {
            sweep.Clear();
        }
    }

    /// <summary>Checks the arguments and puts their nodes into the sweep's lists.</summary>
    private static void Validate(ReadOnlySpan<Tensor> outputs, ReadOnlySpan<Tensor> inputs, ReadOnlySpan<Tensor> gradOutputs, GradientSweep sweep)
    {
        if (outputs.IsEmpty)
        {
            throw new ArgumentException("Grad needs at least one output to differentiate.", nameof(outputs));
        }

        if (inputs.IsEmpty)
        {
            throw new ArgumentException("Grad needs at least one input to differentiate by.", nameof(inputs));
        }

        if (!gradOutputs.IsEmpty && gradOutputs.Length != outputs.Length)
        {
            throw new ArgumentException($"gradOutputs has {gradOutputs.Length} tensors for {outputs.Length} outputs; give one per output, or none when every output has one element.", nameof(gradOutputs));
        }

        for (var i = 0; i < outputs.Length; i++)
        {
            var output = Live(outputs[i], nameof(outputs), i);
            if (!output.RequiresGrad)
            {
                throw new ArgumentException($"outputs[{i}] does not require grad: no input of its computation had RequiresGrad = true, or it was computed inside Tensor.NoGrad().", nameof(outputs));
            }

            TensorNode? seedNode = null;
            if (gradOutputs.IsEmpty)
            {
                if (output.Length != 1)
                {
                    throw new ArgumentException($"outputs[{i}] has shape {output.ShapeText()}; a gradient is implicit only for one-element outputs, so pass gradOutputs (e.g. Tensor.OnesLike(output) for the sum over points).", nameof(gradOutputs));
                }
            }
            else
            {
                var seed = Live(gradOutputs[i], nameof(gradOutputs), i);
                if (seed.Rank != output.Rank || seed.Rows != output.Rows || seed.Cols != output.Cols || seed.DType != output.DType)
                {
                    throw new ArgumentException($"gradOutputs[{i}] has shape {seed.ShapeText()} ({seed.DType}) but outputs[{i}] has {output.ShapeText()} ({output.DType}); they must match.", nameof(gradOutputs));
                }

                seedNode = seed;
            }

            sweep.Outputs.Add(output);
            sweep.Seeds.Add(seedNode);
        }

        for (var i = 0; i < inputs.Length; i++)
        {
            var input = Live(inputs[i], nameof(inputs), i);
            if (!input.RequiresGrad)
            {
                throw new ArgumentException($"inputs[{i}] does not require grad, so nothing can be differentiated by it; set RequiresGrad = true before computing the outputs.", nameof(inputs));
            }

            sweep.Inputs.Add(input);
        }
    }

    private static TensorNode Live(Tensor tensor, string parameter, int index)
    {
        if (!tensor.IsValid)
        {
            throw new ArgumentException($"{parameter}[{index}] is a default or recycled tensor handle.", parameter);
        }

        return tensor.Node;
    }
}
