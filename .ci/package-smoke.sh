#!/usr/bin/env bash
# Package smoke test: packs Leibniz (runtime in lib/, generator in analyzers/dotnet/cs) and Leibniz.Nn with
# scripts/pack-local.sh into a temporary local feed, adds both to a fresh console project with the commands
# docs/install.md gives, then builds and runs a program that uses a [Differentiable] method (generated code) and
# takes a few training steps of a Leibniz.Nn network. Exits non-zero if any step fails or a printed check is wrong.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# pack-local.sh prints the version (new on every run) as its last line. Read from a variable, not through a pipe.
packed=$(bash scripts/pack-local.sh --feed "$work/feed" --quiet)
version=${packed##*$'\n'}

mkdir -p "$work/app"
cd "$work/app"
# The feed is added to the machine's usual sources (no <clear/>), which serve System.Numerics.Tensors and Sep.
cat > nuget.config <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <add key="leibniz-local" value="$work/feed" />
  </packageSources>
</configuration>
XML
cat > global.json <<'JSON'
{ "sdk": { "version": "10.0.100", "rollForward": "latestFeature" } }
JSON
cat > App.csproj <<'XML'
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
  </PropertyGroup>
</Project>
XML
cat > Program.cs <<'CS'
using Leibniz;
using Leibniz.Nn;

var (value, dx, dy) = Functions.RastriginGradient(0.25, 0.5);
var (_, tangent) = Functions.RastriginJvp(0.25, 0.5, 1, 0);
var expected = 2 * 0.25 + 20 * Math.PI * Math.Sin(2 * Math.PI * 0.25);
Console.WriteLine($"value={value:R} dx={dx:R} dy={dy:R} jvp={tangent:R}");
var generatedOk = Math.Abs(dx - expected) < 1e-12 && Math.Abs(tangent - dx) < 1e-12;

// Leibniz.Nn: fit y = 2x − 1 with one Linear layer; 200 Adam steps bring the loss far below its start.
var x = Tensor.FromArray(Enumerable.Range(0, 32).Select(i => i / 16.0 - 1).ToArray(), 32, 1);
var y = 2 * x - 1;
var model = new Sequential(new Linear(1, 1, random: new Random(1)));
var optimizer = new Adam(model.Parameters(), learningRate: 0.05);
double first = 0, last = 0;
for (var step = 0; step < 200; step++)
{
    var loss = new MSELoss().Forward(model.Forward(x), y);
    model.ZeroGrad();
    loss.Backward();
    optimizer.Step();
    last = loss.Item();
    first = step == 0 ? last : first;
}

Console.WriteLine($"Leibniz.Nn: MSE {first:G4} -> {last:G4}");
return generatedOk && last < first / 100 ? 0 : 1;

public static partial class Functions
{
    [Differentiable]
    public static double Rastrigin(double x, double y) =>
        20 + (x * x - 10 * Math.Cos(2 * Math.PI * x)) + (y * y - 10 * Math.Cos(2 * Math.PI * y));
}
CS
# The commands of docs/install.md, restoring into a private folder so no cached copy can stand in.
export NUGET_PACKAGES="$work/packages"
dotnet add package Leibniz --version "$version"
dotnet add package Leibniz.Nn --version "$version"
dotnet run -c Release
echo "package-smoke: OK (Leibniz and Leibniz.Nn $version installed from a local feed; generated code and a training loop ran)"
