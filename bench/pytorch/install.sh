#!/usr/bin/env bash
# Installs the PyTorch peer the benchmarks compare against: Debian's python3-torch, with OpenBLAS
# (pthread flavour) as the BLAS it calls. Uses Debian's /usr/bin/python3, not any python3 earlier on PATH.
set -euo pipefail
if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
$SUDO apt-get update
$SUDO apt-get install -y python3-torch libopenblas0-pthread
# Debian's BLAS alternative decides which libblas.so.3 torch loads; make it OpenBLAS.
blas=$(update-alternatives --list libblas.so.3-x86_64-linux-gnu 2>/dev/null | grep openblas | head -n1 || true)
if [ -n "$blas" ]; then $SUDO update-alternatives --set libblas.so.3-x86_64-linux-gnu "$blas"; fi
lapack=$(update-alternatives --list liblapack.so.3-x86_64-linux-gnu 2>/dev/null | grep openblas | head -n1 || true)
if [ -n "$lapack" ]; then $SUDO update-alternatives --set liblapack.so.3-x86_64-linux-gnu "$lapack"; fi
/usr/bin/python3 "$(dirname "$0")/check_blas.py"
