using BenchmarkDotNet.Running;
using Leibniz.Benchmarks.Infrastructure;
using Leibniz.Benchmarks.Symbolic;
using Leibniz.Benchmarks.Training;

// Entry points:
//   dotnet run -c Release --project bench/Leibniz.Benchmarks -- --filter '*'            every BenchmarkDotNet suite
//   dotnet run -c Release --project bench/Leibniz.Benchmarks -- --quick --filter '*'    smoke run, under two minutes
//   dotnet run -c Release --project bench/Leibniz.Benchmarks -- train [--net small|large|both] [--epochs N]
//       [--seed S] [--warmup-seconds W] [--json]
//       trains the two MLPs with the protocol of bench/pytorch/train_mlp.py (used by bench/compare.py)
//   dotnet run -c Release --project bench/Leibniz.Benchmarks -- pinn [--seconds S]
//       steps/s of the three PINN problems with the protocol of bench/pytorch/pinn_steps.py
//   dotnet run -c Release --project bench/Leibniz.Benchmarks -- index-cost [rounds]
//       the GMM gradient with a running index (idx++) against computed indices, fastest of many interleaved rounds
//   dotnet run -c Release --project bench/Leibniz.Benchmarks -- recovery [--seconds 10] [--seeds 0,1,2] [--problems a,b]
//       the symbolic-regression recovery table (Feynman, Nguyen, Rastrigin), one thread, a CPU-time budget per run
if (args.Length > 0 && args[0] == "pinn")
{
    return Leibniz.Benchmarks.Pinn.PinnSpeed.Run(args[1..]);
}

if (args.Length > 0 && args[0] == "index-cost")
{
    return Leibniz.Benchmarks.Loops.IndexCost.Run(args[1..]);
}

if (args.Length > 0 && args[0] == "recovery")
{
    return RecoveryRun.Run(args[1..]);
}

if (args.Length > 0 && args[0] == "train")
{
    return TrainingComparison.Run(args[1..]);
}

var quick = args.Contains("--quick");
var rest = args.Where(a => a != "--quick").ToArray();
var summaries = BenchmarkSwitcher.FromAssembly(typeof(BenchmarkConfig).Assembly)
    .Run(rest, BenchmarkConfig.Create(quick));
return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
