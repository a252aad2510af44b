"""Python peers for `bench`: ONNX Runtime, PyTorch, numpy and scipy kernels, called by the Swift
harness through this worker process (docs/python-peers.md).

Protocol (version 1). Lines of UTF-8 text; the fields of a line are separated by one tab. Requests
come on standard input, one reply line per request on standard output; nothing else reaches
standard output (the worker keeps a duplicate of it for the replies and points descriptor 1 at
standard error, whose tail bench puts in its error messages). Arrays never go through standard
input or output: they live in shared-memory regions, files that bench creates (under /dev/shm) and
both sides map.

  hello  <version>                        the handshake; the reply is one line per kernel:
           kernel <index> <function> <implementation> <library> <isa> <note>
         then  ready <count>. <index> counts from 0 and names the kernel in `call`; <function>
         is a bench function id (`bench list --functions`: sigmoid, tanh, elu, ...).
  map    <region> <path> <floats>         map <floats> float32 elements of the file <path> as
                                          region <region> (an integer chosen by bench, never
                                          reused within a session) -> ok
  unmap  <region>                         forget the region -> ok
  call   <kernel> <in-region> <in-offset> <out-region> <out-offset> <count> <alpha>
                                          output[0:count] = f(input[0:count]); offsets and count in
                                          float elements; alpha (ELU's slope, ignored by the others)
                                          is a decimal that is exactly a float32 -> ok
  noop                                    only the round trip -> ok
  quit   (or end of input)                the worker exits with status 0

Any request that fails gets `error <message>` (one line, tab after `error`) and the worker waits for
the next request: unknown kernel, unknown region, offsets or count outside the region, a malformed
line. A failed handshake (a package that does not import) is answered `error <message>` naming the
import, and the worker exits with status 1.

Rules the kernels keep: every library runs on one thread (the *_NUM_THREADS variables below are
set before any import; torch.set_num_threads(1); ORT sessions with intra/inter op threads 1 and
sequential execution). count 0 is answered ok without calling the library. When the input and
output ranges overlap (in place), implementations that may read an element after writing another
compute into a scratch array and copy it to the output (the note says which).
"""

import os

for _name in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS"):
    os.environ[_name] = "1"

import mmap
import sys
import traceback

PROTOCOL_VERSION = 1


class RequestError(Exception):
    """A request that cannot be served; its message goes back as `error <message>`."""


# The protocol's own handle on standard output. File descriptor 1 and sys.stdout then point at
# standard error, so whatever a library prints (from Python or C) cannot corrupt the replies.
_replies = os.fdopen(os.dup(1), "w", encoding="utf-8", newline="\n")
os.dup2(2, 1)
sys.stdout = sys.stderr


def reply(*fields):
    _replies.write("\t".join(str(f) for f in fields) + "\n")
    _replies.flush()


def clean(text):
    """One protocol field: no tabs or newlines."""
    return " ".join(str(text).split())


def main():
    np = None
    regions = {}
    used_regions = set()
    kernels = []
    for raw in sys.stdin:
        fields = raw.rstrip("\n").split("\t")
        command = fields[0]
        try:
            if command == "call":
                serve_call(kernels, regions, fields)
                reply("ok")
            elif command == "noop":
                reply("ok")
            elif command == "hello":
                if len(fields) != 2 or fields[1] != str(PROTOCOL_VERSION):
                    raise RequestError(f"protocol version {fields[1:]} unsupported; this worker speaks {PROTOCOL_VERSION}")
                try:
                    np, kernels = load_kernels()
                except ImportError as error:
                    reply("error", clean(f"missing package: import {error.name or '?'} failed ({error}); "
                                         "run scripts/setup-python-peers.sh"))
                    return 1
                for index, kernel in enumerate(kernels):
                    reply("kernel", index, kernel.function, kernel.implementation, clean(kernel.library),
                          clean(kernel.isa), clean(kernel.note))
                reply("ready", len(kernels))
            elif command == "map":
                if np is None:
                    raise RequestError("map before hello")
                region, path, floats = parse_ints(fields, 3, (1, 3))
                if region in used_regions:  # kernels cache per-call state by region number
                    raise RequestError(f"region {region} was already used; region numbers are never reused")
                regions[region] = map_region(np, path, floats)
                used_regions.add(region)
                reply("ok")
            elif command == "unmap":
                (region,) = parse_ints(fields, 1, (1,))
                regions.pop(region, None)
                reply("ok")
            elif command == "quit":
                return 0
            else:
                raise RequestError(f"unknown request '{clean(command)}'")
        except RequestError as error:
            reply("error", clean(error))
        except Exception as error:  # a library's own failure: report it, keep serving
            traceback.print_exc(file=sys.stderr)
            reply("error", clean(f"{type(error).__name__}: {error}"))
    return 0


def parse_ints(fields, count, integer_positions):
    """The request's `count` arguments, those at `integer_positions` (1-based) as integers."""
    if len(fields) != count + 1:
        raise RequestError(f"'{fields[0]}' takes {count} fields, got {len(fields) - 1}")
    values = []
    for position in range(1, count + 1):
        text = fields[position]
        if position in integer_positions:
            try:
                values.append(int(text))
            except ValueError:
                raise RequestError(f"'{fields[0]}' field {position}: '{clean(text)}' is not an integer") from None
        else:
            values.append(text)
    return values


def map_region(np, path, floats):
    if floats < 0:
        raise RequestError(f"negative region size {floats}")
    try:
        with open(path, "r+b") as file:
            size = os.fstat(file.fileno()).st_size
            if size < floats * 4:
                raise RequestError(f"{path} holds {size} bytes, fewer than {floats} floats")
            memory = mmap.mmap(file.fileno(), floats * 4) if floats > 0 else None
    except OSError as error:
        raise RequestError(f"cannot map {path}: {error.strerror}") from None
    array = np.frombuffer(memory, dtype=np.float32) if memory is not None else np.zeros(0, np.float32)
    return array


def serve_call(kernels, regions, fields):
    kernel_index, in_region, in_offset, out_region, out_offset, count = parse_ints(fields, 7, (1, 2, 3, 4, 5, 6))[:6]
    if not 0 <= kernel_index < len(kernels):
        raise RequestError(f"unknown kernel {kernel_index} (this worker has {len(kernels)})")
    try:
        alpha = float(fields[7])
    except ValueError:
        raise RequestError(f"alpha '{clean(fields[7])}' is not a number") from None
    source = slice_of(regions, in_region, in_offset, count, "input")
    destination = slice_of(regions, out_region, out_offset, count, "output")
    if count == 0:
        return
    overlap = (in_region == out_region and in_offset < out_offset + count and out_offset < in_offset + count)
    kernels[kernel_index].run(source, destination, alpha, (in_region, in_offset, out_region, out_offset, count), overlap)


def slice_of(regions, region, offset, count, what):
    array = regions.get(region)
    if array is None:
        raise RequestError(f"unknown {what} region {region}")
    if offset < 0 or count < 0 or offset + count > array.shape[0]:
        raise RequestError(f"{what} [{offset}, {offset + count}) outside region {region} of {array.shape[0]} floats")
    return array[offset:offset + count]


def load_kernels():
    """Imports every library (ImportError names the one missing) and builds the kernel list."""
    import numpy as np
    import peer_kernels  # beside this file

    return np, peer_kernels.all_kernels()


if __name__ == "__main__":
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    sys.exit(main())
