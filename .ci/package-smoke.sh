#!/usr/bin/env bash
# Package smoke test: packs src/Runtime (runtime in lib/, generator in analyzers/dotnet/cs) into a temporary
# local feed, creates a fresh console project that references the package from that feed, writes a
# [Differentiable] method, builds and runs it. Exits non-zero if any step fails or the printed gradient is wrong.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# A unique prerelease version, so no stale copy in a NuGet cache can stand in for the fresh package.
version="0.1.0-smoke.$(date +%s)"

dotnet pack src/Runtime -c Release -o "$work/feed" -p:Version="$version" --nologo -v quiet
# A zip stores its entry names uncompressed, so grep reads them straight from the package. Not `unzip -l | grep -q`:
# under pipefail, grep quitting at the first match kills unzip with SIGPIPE and fails the check at random.
grep -qaF "analyzers/dotnet/cs/Leibniz.Generator.dll" "$work/feed/Leibniz.$version.nupkg" \
    || { echo "package-smoke: the generator is missing from analyzers/dotnet/cs" >&2; exit 1; }

mkdir -p "$work/app"
cd "$work/app"
cat > nuget.config <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <add key="local" value="$work/feed" />
  </packageSources>
</configuration>
XML
cat > global.json <<'JSON'
{ "sdk": { "version": "10.0.100", "rollForward": "latestFeature" } }
JSON
cat > App.csproj <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="Leibniz" Version="$version" />
  </ItemGroup>
</Project>
XML
cat > Program.cs <<'CS'
using Leibniz;

var (value, dx, dy) = Functions.RastriginGradient(0.25, 0.5);
var (_, tangent) = Functions.RastriginJvp(0.25, 0.5, 1, 0);
var expected = 2 * 0.25 + 20 * Math.PI * Math.Sin(2 * Math.PI * 0.25);
Console.WriteLine($"value={value:R} dx={dx:R} dy={dy:R} jvp={tangent:R}");
return Math.Abs(dx - expected) < 1e-12 && Math.Abs(tangent - dx) < 1e-12 ? 0 : 1;

public static partial class Functions
{
    [Differentiable]
    public static double Rastrigin(double x, double y) =>
        20 + (x * x - 10 * Math.Cos(2 * Math.PI * x)) + (y * y - 10 * Math.Cos(2 * Math.PI * y));
}
CS
# Restore into a private folder: System.Numerics.Tensors comes from the machine's usual feeds, Leibniz from the local one.
dotnet restore --packages "$work/packages" --source "$work/feed" $(dotnet nuget list source --format short | awk '$1=="E"{print "--source " $2}') -v quiet
dotnet run --no-restore -c Release
echo "package-smoke: OK (Leibniz $version installed from a local feed, generated code built and ran)"
