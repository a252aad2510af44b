#!/usr/bin/env python3
"""A stand-in for the peers' Python interpreter in tests: it ignores the worker script it is given
and speaks the peer protocol (scripts/peer_worker.py) itself, with the standard library only, so
the tests need no venv. Its behaviour comes from its own name, fake-python-<mode> (tests link that
name to this file):

  good               two kernels, sigmoid/py-fake and elu/py-fake, computed in double and rounded
  missing-package    answers hello with the error the real worker gives when an import fails
  crash-at-hello     writes a traceback to stderr and exits with status 3
  hang-at-hello      never answers hello
  malformed-hello    answers hello with a kernel line missing its fields
  crash-on-call      answers the handshake, then dies of SIGSEGV on the first call
  malformed-on-call  answers every call with a line that is not ok or error
  error-on-elu       answers calls of its elu kernel with `error`, computes sigmoid

Every request is echoed to stderr as `request: <fields joined by spaces>` for the tests to read.
"""
import array
import math
import mmap
import os
import signal
import sys
import time

MODE = os.path.basename(sys.argv[0]).removeprefix("fake-python-")
regions = {}


def out(*fields):
    sys.stdout.write("\t".join(fields) + "\n")
    sys.stdout.flush()


def sigmoid(x):
    if x >= 0:
        return 1 / (1 + math.exp(-x))
    e = math.exp(x)
    return e / (1 + e)


def elu(x, alpha):
    return x if x > 0 else alpha * math.expm1(x)


for raw in sys.stdin:
    f = raw.rstrip("\n").split("\t")
    sys.stderr.write("request: " + " ".join(f) + "\n")
    sys.stderr.flush()
    if f[0] == "hello":
        if MODE == "missing-package":
            out("error", "missing package: import torch failed (No module named 'torch'); run scripts/setup-python-peers.sh")
            sys.exit(1)
        if MODE == "crash-at-hello":
            sys.stderr.write("Traceback (most recent call last):\nImportError: fake import failure\n")
            sys.exit(3)
        if MODE == "hang-at-hello":
            time.sleep(3600)
        if MODE == "malformed-hello":
            out("kernel", "0", "sigmoid")
            continue
        out("kernel", "0", "sigmoid", "py-fake", "fake 1.0", "python (fake)", "1/(1+exp(-x)) in double")
        out("kernel", "1", "elu", "py-fake", "fake 1.0", "python (fake)", "alpha*expm1(x) in double")
        out("ready", "2")
    elif f[0] == "map":
        fd = os.open(f[2], os.O_RDWR)
        regions[int(f[1])] = memoryview(mmap.mmap(fd, int(f[3]) * 4)).cast("f")
        os.close(fd)
        out("ok")
    elif f[0] == "unmap":
        regions.pop(int(f[1]), None)
        out("ok")
    elif f[0] == "noop":
        out("ok")
    elif f[0] == "call":
        if MODE == "crash-on-call":
            sys.stderr.write("fake worker: about to crash\n")
            sys.stderr.flush()
            os.kill(os.getpid(), signal.SIGSEGV)
        if MODE == "malformed-on-call":
            out("okay")
            continue
        kernel, in_region, in_offset, out_region, out_offset, count = map(int, f[1:7])
        alpha = float(f[7])
        if MODE == "error-on-elu" and kernel == 1:
            out("error", "fake elu failure")
            continue
        xs = regions[in_region][in_offset:in_offset + count].tolist()
        ys = [sigmoid(x) for x in xs] if kernel == 0 else [elu(x, alpha) for x in xs]
        regions[out_region][out_offset:out_offset + count] = memoryview(array.array("f", ys))
        out("ok")
    elif f[0] == "quit":
        break
    else:
        out("error", "unknown request")
