#!/usr/bin/env bash
# Creates .venv-peers/, the Python environment of the opt-in Python peers (`bench --peers python`,
# docs/python-peers.md): CPU builds of onnxruntime, onnx (builds the one-node models in memory),
# torch, numpy and scipy, at the pinned versions below.
#
# torch: PyPI's Linux x86_64 wheel is the CUDA build. Installed alone (--no-deps) it does not import:
# `import torch` fails with "libcudart.so.13: cannot open shared object file" (torch 2.15.0, 539 MB
# wheel, 1.4 GB installed), and its CUDA dependencies (cuda-toolkit, nvidia-cudnn, nccl, nvshmem,
# cusparselt, triton) are several GB more. The CPU-only wheel (`+cpu`, 192 MB) is not on PyPI; this
# script installs it from a pip find-links directory (this machine's pip config names /opt/wheels,
# which holds torch-2.13.0+cpu). Where no such wheel is found it stops and says so; pass
# --torch-from-pypi to install PyPI's CUDA build of the same version with its dependencies instead
# (not tried here: it is several GB).
#
# What it installs: onnxruntime 1.32.0 (+ flatbuffers, protobuf, packaging), onnx 1.23.2 (+
# ml_dtypes), numpy 2.4.6, scipy 1.17.1, torch 2.13.0+cpu and torch's pure-Python dependencies
# (sympy, mpmath, networkx, jinja2, fsspec, filelock, setuptools, typing_extensions). Measured with
# `du -sh` after a setup with Python 3.11 (27 s here): 1.2 GB in all, of which torch
# 754 MB, scipy 143 MB (with scipy.libs), sympy 80 MB, onnxruntime 78 MB, numpy 73 MB, onnx 31 MB.
#
# Idempotent: when .venv-peers already imports every package at the pinned versions it does nothing.
# Usage: scripts/setup-python-peers.sh [--torch-from-pypi]   (PYTHON=python3.11 to pick the interpreter)
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
VENV="$ROOT/.venv-peers"
PYTHON=${PYTHON:-python3}

# The pinned set: one combination known to work together (numpy 2 ABI for all of them).
NUMPY=2.4.6
SCIPY=1.17.1
ONNX=1.23.2
ONNXRUNTIME=1.32.0
TORCH_CPU=2.13.0+cpu
TORCH_PYPI=2.13.0

torch_from_pypi=0
for arg in "$@"; do
    case "$arg" in
        --torch-from-pypi) torch_from_pypi=1 ;;
        -h|--help) sed -n '2,21p' "$0"; exit 0 ;;
        *) echo "setup-python-peers: unknown option '$arg' (see --help)" >&2; exit 64 ;;
    esac
done

fail() { echo "setup-python-peers: $*" >&2; exit 1; }

# Prints nothing and succeeds when the venv has every package at the pinned version.
check_venv() {
    "$VENV/bin/python" - "$NUMPY" "$SCIPY" "$ONNX" "$ONNXRUNTIME" "$TORCH_CPU" "$TORCH_PYPI" <<'EOF' 2>/dev/null
import sys
numpy_v, scipy_v, onnx_v, ort_v, torch_cpu, torch_pypi = sys.argv[1:]
import numpy, scipy, onnx, onnxruntime, torch
ok = (numpy.__version__ == numpy_v and scipy.__version__ == scipy_v and onnx.__version__ == onnx_v
      and onnxruntime.__version__ == ort_v and torch.__version__ in (torch_cpu, torch_pypi))
torch.sigmoid(torch.zeros(4))
sys.exit(0 if ok else 1)
EOF
}

if [ -x "$VENV/bin/python" ] && check_venv; then
    echo "setup-python-peers: $VENV is already set up; nothing to do"
    exit 0
fi

command -v "$PYTHON" >/dev/null || fail "no '$PYTHON' on PATH; set PYTHON=/path/to/python3 (3.10-3.13)"
"$PYTHON" -c 'import sys; sys.exit(0 if (3, 10) <= sys.version_info[:2] <= (3, 13) else 1)' \
    || fail "$PYTHON is $("$PYTHON" -V 2>&1); the pinned wheels need Python 3.10-3.13"
if [ ! -x "$VENV/bin/python" ]; then
    "$PYTHON" -m venv "$VENV" || fail "cannot create $VENV with '$PYTHON -m venv' (Debian: apt-get install python3-venv)"
fi
PIP=("$VENV/bin/python" -m pip install --disable-pip-version-check --quiet)

echo "setup-python-peers: installing numpy $NUMPY, scipy $SCIPY, onnx $ONNX, onnxruntime $ONNXRUNTIME"
"${PIP[@]}" "numpy==$NUMPY" "scipy==$SCIPY" "onnx==$ONNX" "onnxruntime==$ONNXRUNTIME" \
    || fail "pip could not install numpy/scipy/onnx/onnxruntime (see its message above)"

if [ "$torch_from_pypi" = 1 ]; then
    echo "setup-python-peers: installing torch $TORCH_PYPI from PyPI with its CUDA dependencies (several GB)"
    "${PIP[@]}" "torch==$TORCH_PYPI" || fail "pip could not install torch $TORCH_PYPI"
else
    echo "setup-python-peers: installing torch $TORCH_CPU (the CPU-only wheel, from pip's find-links)"
    if ! "${PIP[@]}" "torch==$TORCH_CPU" 2>/tmp/setup-python-peers.$$.err; then
        cat /tmp/setup-python-peers.$$.err >&2; rm -f /tmp/setup-python-peers.$$.err
        fail "no torch $TORCH_CPU wheel found: it is not on PyPI, only in a pip find-links directory (PIP_FIND_LINKS" \
             "or pip config 'global.find-links', e.g. /opt/wheels holding torch-$TORCH_CPU-cp311-...whl). Put it there," \
             "or rerun with --torch-from-pypi to install PyPI's CUDA build (a ~0.5 GB wheel plus several GB of CUDA packages)"
    fi
    rm -f /tmp/setup-python-peers.$$.err
fi

check_venv || fail "$VENV was installed but does not import every package at the pinned version; remove it and rerun"
echo "setup-python-peers: done; $(du -sh "$VENV" | cut -f1) in $VENV"
