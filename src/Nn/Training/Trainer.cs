using System.Diagnostics;
using System.Globalization;

namespace Leibniz.Nn;

/// <summary>
/// The training loop of the lecture, written once: for each epoch, for each batch — forward, loss, zero the
/// gradients, backward, step — then the validation loss, a report, and early stopping.
/// </summary>
/// <example>
/// <code>
/// var trainer = new Trainer(model, new MSELoss(), new Adam(model.Parameters(), 1e-3));
/// var history = trainer.Fit(trainLoader, epochs: 100, validationLoader,
///     new TrainingOptions { Seed = 1, EarlyStopping = new EarlyStopping { Patience = 10 } });
/// </code>
/// </example>
public sealed class Trainer
{
    /// <summary>Creates a trainer.</summary>
    /// <param name="model">The model; its parameters are updated in place.</param>
    /// <param name="loss">The loss between the model's output and the batch targets.</param>
    /// <param name="optimizer">The optimizer over <c>model.Parameters()</c>.</param>
    public Trainer(Module model, Loss loss, Optimizer optimizer)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(loss);
        ArgumentNullException.ThrowIfNull(optimizer);
        Model = model;
        Loss = loss;
        Optimizer = optimizer;
    }

    /// <summary>The model being trained.</summary>
    public Module Model { get; }

    /// <summary>The loss.</summary>
    public Loss Loss { get; }

    /// <summary>The optimizer.</summary>
    public Optimizer Optimizer { get; }

    /// <summary>Trains for up to <paramref name="epochs"/> epochs.</summary>
    /// <param name="train">The training batches.</param>
    /// <param name="epochs">The maximum number of epochs (at least 1).</param>
    /// <param name="validation">Batches to measure the validation loss on after each epoch, or <see langword="null"/>.</param>
    /// <param name="options">Seed, early stopping, progress; none by default.</param>
    /// <returns>One report per epoch, and what early stopping did.</returns>
    /// <exception cref="ArgumentException">Early stopping was requested without a validation loader.</exception>
    /// <exception cref="InvalidOperationException">The training loss became NaN or infinite (the learning rate is likely too high).</exception>
    public TrainingHistory Fit(DataLoader train, int epochs, DataLoader? validation = null, TrainingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentOutOfRangeException.ThrowIfLessThan(epochs, 1);
        options ??= new TrainingOptions();
        var stopping = options.EarlyStopping;
        if (stopping is not null)
        {
            if (validation is null)
            {
                throw new ArgumentException("Early stopping watches the validation loss: pass a validation loader.", nameof(validation));
            }

            ArgumentOutOfRangeException.ThrowIfLessThan(stopping.Patience, 1, nameof(options));
            if (!(stopping.MinDelta >= 0 && double.IsFinite(stopping.MinDelta)))
            {
                throw new ArgumentOutOfRangeException(nameof(options), stopping.MinDelta, "EarlyStopping.MinDelta must be a finite, non-negative number.");
            }
        }

        if (options.Seed is { } seed)
        {
            train.Reset(seed);
        }

        var reports = new List<EpochReport>(epochs);
        var best = double.PositiveInfinity;
        var bestEpoch = 0;
        var stoppedEarly = false;
        var snapshot = stopping is { RestoreBestWeights: true } ? new ParameterSnapshot(Model.Parameters()) : null;
        var total = Stopwatch.StartNew();
        for (var epoch = 1; epoch <= epochs; epoch++)
        {
            var started = total.Elapsed;
            var trainLoss = RunEpoch(train, epoch, options.OnBatch, options.CancellationToken);
            var validationLoss = validation is null ? (double?)null : Evaluate(validation);
            var isBest = validationLoss is not { } v || v < best - (stopping?.MinDelta ?? 0);
            if (isBest)
            {
                best = validationLoss ?? best;
                bestEpoch = epoch;
                snapshot?.Capture();
            }

            var report = new EpochReport(epoch, epochs, trainLoss, validationLoss, total.Elapsed - started, total.Elapsed, isBest);
            reports.Add(report);
            options.OnEpoch?.Invoke(report);
            options.Progress?.Report(report);
            if (stopping is not null && epoch - bestEpoch >= stopping.Patience)
            {
                stoppedEarly = epoch < epochs;
                break;
            }
        }

        var restored = snapshot is not null && bestEpoch != reports.Count;
        if (restored)
        {
            snapshot!.Restore();
        }

        return new TrainingHistory(reports, bestEpoch, stoppedEarly, restored);
    }

    /// <summary>
    /// The mean loss over <paramref name="data"/> (per-batch losses weighted by batch size) in evaluation mode and
    /// without recording a graph; the model's mode is restored afterwards.
    /// </summary>
    /// <param name="data">The batches.</param>
    public double Evaluate(DataLoader data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var wasTraining = Model.Training;
        Model.Eval();
        try
        {
            using var noGrad = Tensor.NoGrad();
            var sum = 0.0;
            foreach (var batch in data)
            {
                sum += Loss.Forward(Model.Forward(batch.Features), batch.Targets).Item() * batch.Size;
            }

            return sum / data.Count;
        }
        finally
        {
            Model.Train(wasTraining);
        }
    }

    private double RunEpoch(DataLoader train, int epoch, Action<BatchReport>? onBatch, CancellationToken cancellationToken)
    {
        Model.Train();
        var sum = 0.0;
        var index = 0;
        foreach (var batch in train)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var loss = Loss.Forward(Model.Forward(batch.Features), batch.Targets);
            var value = loss.Item();
            if (!double.IsFinite(value))
            {
                throw new InvalidOperationException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"The training loss became {value} in epoch {epoch}, batch {index + 1}; lower the learning rate or standardize the data."));
            }

            Optimizer.ZeroGrad();
            loss.Backward();
            Optimizer.Step();
            sum += value * batch.Size;
            index++;
            onBatch?.Invoke(new BatchReport(epoch, index, train.BatchesPerEpoch, value));
        }

        return sum / train.Count;
    }
}
