#!/usr/bin/env bash
# Packs the Leibniz (runtime + generator as an analyzer) and Leibniz.Nn packages into a local folder feed, with a
# version that is new on every run, and prints the commands that install them.
#
#   scripts/pack-local.sh [--feed <folder>] [--version <version>] [--quiet]
#
# The version is the repository's base version with a prerelease suffix: the build time (Unix seconds, UTC) and the
# commit, e.g. 0.1.0-dev.1796595600.g1a2b3c4 (".dirty" added when the tree has uncommitted changes). NuGet caches a
# package by id and version in ~/.nuget/packages and never looks at the feed again for a version it has, so re-packing
# under the same version would silently install the old copy; a new version on every run rules that out.
# Prints the version as the last line of its output, so other scripts can read it with `tail -n 1`.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

feed="$root/artifacts/feed"
version=""
quiet=false
while [ $# -gt 0 ]; do
    case "$1" in
        --feed) feed="${2:?--feed needs a folder}"; shift 2 ;;
        --version) version="${2:?--version needs a version}"; shift 2 ;;
        --quiet) quiet=true; shift ;;
        -h|--help) sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "pack-local: unknown argument '$1' (see --help)" >&2; exit 2 ;;
    esac
done

if [ -z "$version" ]; then
    base=$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' "$root/Directory.Build.props" | head -n 1)
    [ -n "$base" ] || { echo "pack-local: no <Version> in Directory.Build.props" >&2; exit 1; }
    version="$base-dev.$(date -u +%s)"
    if commit=$(git -C "$root" rev-parse --short=7 HEAD 2>/dev/null); then
        version="$version.g$commit"
        [ -z "$(git -C "$root" status --porcelain 2>/dev/null)" ] || version="$version.dirty"
    fi
fi

mkdir -p "$feed"
feed=$(cd "$feed" && pwd)
log() { if [ "$quiet" = false ]; then echo "$@"; fi; }
log "Packing Leibniz and Leibniz.Nn $version into $feed"
for project in src/Runtime src/Nn; do
    dotnet pack "$root/$project" -c Release -o "$feed" -p:Version="$version" --nologo -v quiet
done

# A zip stores entry names uncompressed, so grep finds them in the package itself (no `unzip -l | grep -q`: under
# pipefail grep's early exit can kill unzip with SIGPIPE and fail the check at random).
grep -qaF "analyzers/dotnet/cs/Leibniz.Generator.dll" "$feed/Leibniz.$version.nupkg" \
    || { echo "pack-local: the generator is missing from analyzers/dotnet/cs of Leibniz.$version.nupkg" >&2; exit 1; }
[ -f "$feed/Leibniz.Nn.$version.nupkg" ] || { echo "pack-local: Leibniz.Nn.$version.nupkg was not produced" >&2; exit 1; }

log
log "In your project folder, once (skip the first line if it has a nuget.config; the feed joins nuget.org):"
log "  dotnet new nugetconfig"
log "  dotnet nuget add source $feed --name leibniz-local --configfile nuget.config"
log "then after every pack:"
log "  dotnet add package Leibniz --version $version"
log "  dotnet add package Leibniz.Nn --version $version"
log "In a file-based app (dotnet run app.cs), at the top of app.cs:"
log "  #:package Leibniz@$version"
log "  #:package Leibniz.Nn@$version"
log "  #:property RestoreAdditionalProjectSources=$feed"
echo "$version"
