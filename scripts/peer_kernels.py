"""The kernels peer_worker.py serves: one class per library, each kernel computing
output = f(input) on float32 views of the shared memory. Every kernel runs on one thread.

The expressions are what users of each library write; the note of each kernel, which bench shows
and records, names the exact call. `run(source, destination, alpha, key, overlap)`: source and
destination are float32 numpy views of equal length (>= 1); key identifies the (regions, offsets,
count) of the call, so per-call objects (IOBindings, tensors) are rebuilt only when it changes;
overlap is true when the two ranges share memory (in place).
"""

import math
import os
import tempfile

import numpy as np
import onnx
import onnxruntime as ort
import scipy
import scipy.special
import torch
from onnx import TensorProto, helper

torch.set_num_threads(1)
torch.set_num_interop_threads(1)

SQRT_2 = math.sqrt(2)
SQRT_2_OVER_PI = math.sqrt(2 / math.pi)


class PeerKernel:
    def __init__(self, function, implementation, library, isa, note):
        self.function = function
        self.implementation = implementation
        self.library = library
        self.isa = isa
        self.note = note


class NumpyKernel(PeerKernel):
    """`compute(x, y, alpha)` writes f(x) into y; numpy ufuncs and the expressions below handle y
    sharing x's memory (each temporary is computed before the output is written)."""

    def __init__(self, function, implementation, library, isa, note, compute):
        super().__init__(function, implementation, library, isa, note)
        self.compute = compute

    def run(self, source, destination, alpha, key, overlap):
        with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
            self.compute(source, destination, alpha)


class TorchKernel(PeerKernel):
    """Tensors over the shared memory (torch.from_numpy, no copy), cached per call key."""

    def __init__(self, function, note, compute):
        super().__init__(function, "py-torch", f"torch {torch.__version__}",
                         f"python (torch: {torch.backends.cpu.get_cpu_capability()})", note)
        self.compute = compute
        self.key = None

    def run(self, source, destination, alpha, key, overlap):
        if key != self.key:
            self.tensors = (torch.from_numpy(source), torch.from_numpy(destination))
            self.key = key
        x, y = self.tensors
        self.compute(x, y, alpha)


class OrtKernel(PeerKernel):
    """One ONNX node (X -> Y, 1-D float, dynamic length) in an InferenceSession built once (ELU:
    once per alpha, an attribute of the node). Input and output are bound to the shared memory
    with an IOBinding, rebound only when the call key changes. ORT does not promise that an
    operator may read an element after writing an aliased output (its Gelu tanh does), so in
    place it computes into a scratch array and copies that to the output."""

    def __init__(self, function, op, attributes=None, alpha_attribute=False):
        self.op = op
        self.attributes = attributes or {}
        self.alpha_attribute = alpha_attribute
        self.sessions = {}
        self.binding = None
        self.key = None
        session = self.session(1.0)
        optimized = ", ".join(f"{n.domain or 'ai.onnx'}:{n.op_type}" for n in self.optimized_nodes)
        attributes_text = "".join(f" {k}={v!r}" for k, v in self.attributes.items())
        if alpha_attribute:
            attributes_text += " alpha=<--alpha> (one session per alpha)"
        note = (f"ai.onnx {op}{attributes_text}, opset {OrtKernel.OPSET}; runs as {optimized} after ORT's graph "
                f"optimizations; IOBinding on the shared memory; in place via a scratch copy")
        super().__init__(function, "py-onnxruntime", f"onnxruntime {ort.__version__}",
                         f"python (ORT: {', '.join(session.get_providers())})", note)

    OPSET = 20

    def model(self, alpha):
        attributes = dict(self.attributes)
        if self.alpha_attribute:
            attributes["alpha"] = float(alpha)
        node = helper.make_node(self.op, ["X"], ["Y"], **attributes)
        graph = helper.make_graph(
            [node], "peer", [helper.make_tensor_value_info("X", TensorProto.FLOAT, ["n"])],
            [helper.make_tensor_value_info("Y", TensorProto.FLOAT, ["n"])])
        model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", OrtKernel.OPSET)])
        model.ir_version = 10  # opset 20's IR; newer onnx packages default to IRs older ORTs refuse
        return model.SerializeToString()

    def session(self, alpha):
        key = float(alpha) if self.alpha_attribute else None
        session = self.sessions.get(key)
        if session is None:
            options = ort.SessionOptions()
            options.intra_op_num_threads = 1
            options.inter_op_num_threads = 1
            options.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
            options.log_severity_level = 3  # errors only: its warnings would go to bench's stderr tail
            record = not self.sessions
            if record:  # the first session also says which operator the optimized graph runs
                handle, path = tempfile.mkstemp(suffix=".onnx")
                os.close(handle)
                options.optimized_model_filepath = path
            session = ort.InferenceSession(self.model(alpha), options, providers=["CPUExecutionProvider"])
            if record:
                self.optimized_nodes = list(onnx.load(path).graph.node)
                os.unlink(path)
            self.sessions[key] = session
        return session

    def run(self, source, destination, alpha, key, overlap):
        session = self.session(alpha)
        full_key = (key, id(session), overlap)
        if full_key != self.key:
            count = source.shape[0]
            self.target = np.empty(count, np.float32) if overlap else destination
            self.binding = session.io_binding()
            self.binding.bind_input("X", "cpu", 0, np.float32, [count], source.ctypes.data)
            self.binding.bind_output("Y", "cpu", 0, np.float32, [count], self.target.ctypes.data)
            self.key = full_key
        session.run_with_iobinding(self.binding)
        if overlap:
            np.copyto(destination, self.target)


def numpy_isa():
    """numpy's highest SIMD dispatch target this CPU runs (its ufunc loops pick it at run time)."""
    from numpy._core._multiarray_umath import __cpu_dispatch__, __cpu_features__

    active = [target for target in __cpu_dispatch__ if __cpu_features__.get(target)]
    return f"python (numpy: {active[-1] if active else 'baseline'})"


def numpy_kernels():
    library, isa = f"numpy {np.__version__}", numpy_isa()

    def sigmoid(x, y, alpha):
        np.divide(1, 1 + np.exp(-x), out=y)

    def elu(x, y, alpha):
        np.copyto(y, np.where(x > 0, x, alpha * (np.exp(x) - 1)))

    def gelu_tanh(x, y, alpha):
        np.multiply(0.5 * x, 1 + np.tanh(SQRT_2_OVER_PI * (x + 0.044715 * x**3)), out=y)

    float32 = "; Python float constants, so float32 throughout"
    return [
        NumpyKernel("sigmoid", "py-numpy", library, isa, "1/(1+np.exp(-x)), the last division into the output (out=)" + float32, sigmoid),
        NumpyKernel("tanh", "py-numpy", library, isa, "np.tanh(x, out=y)", lambda x, y, a: np.tanh(x, out=y)),
        NumpyKernel("elu", "py-numpy", library, isa, "np.where(x > 0, x, alpha*(np.exp(x)-1)), copied into the output "
                    "(np.where has no out=)" + float32, elu),
        NumpyKernel("gelu-tanh", "py-numpy", library, isa, "0.5*x*(1+np.tanh(sqrt(2/pi)*(x+0.044715*x**3))) (the "
                    "paper's formula as numpy GPT-2 code writes it), the last product into the output" + float32, gelu_tanh),
    ]


def scipy_kernels():
    library = f"scipy {scipy.__version__}, numpy {np.__version__}"
    isa = "python (scipy.special ufuncs)"

    def gelu_erf(x, y, alpha):
        np.multiply(0.5 * x, 1 + scipy.special.erf(x / SQRT_2), out=y)

    return [
        scipy_kernel("sigmoid", library, isa, "scipy.special.expit(x, out=y)",
                        lambda x, y, a: scipy.special.expit(x, out=y)),
        scipy_kernel("gelu-erf", library, isa, "0.5*x*(1+scipy.special.erf(x/sqrt(2))), the last product into "
                        "the output; numpy for the arithmetic, Python float constants, so float32 throughout", gelu_erf),
    ]


def scipy_kernel(function, library, isa, note, compute):
    """A scipy.special kernel (a ufunc, which handles an output sharing the input's memory)."""
    return NumpyKernel(function, "py-scipy", library, isa, note, compute)


def torch_kernels():
    elu = torch._C._nn.elu  # what torch.nn.functional.elu calls, here with its out= overload
    gelu = torch._C._nn.gelu  # torch.nn.functional.gelu itself
    return [
        TorchKernel("sigmoid", "torch.sigmoid(x, out=y)", lambda x, y, a: torch.sigmoid(x, out=y)),
        TorchKernel("tanh", "torch.tanh(x, out=y)", lambda x, y, a: torch.tanh(x, out=y)),
        TorchKernel("elu", "torch._C._nn.elu(x, alpha, out=y): the op torch.nn.functional.elu calls, which "
                    "itself has no out=", lambda x, y, a: elu(x, a, 1.0, 1.0, out=y)),
        TorchKernel("gelu-erf", "torch.nn.functional.gelu(x, out=y) (torch._C._nn.gelu)",
                    lambda x, y, a: gelu(x, out=y)),
        TorchKernel("gelu-tanh", "torch.nn.functional.gelu(x, approximate='tanh', out=y) (torch._C._nn.gelu)",
                    lambda x, y, a: gelu(x, approximate="tanh", out=y)),
    ]


def ort_kernels():
    return [
        OrtKernel("sigmoid", "Sigmoid"),
        OrtKernel("tanh", "Tanh"),
        OrtKernel("elu", "Elu", alpha_attribute=True),
        OrtKernel("gelu-erf", "Gelu", {"approximate": "none"}),
        OrtKernel("gelu-tanh", "Gelu", {"approximate": "tanh"}),
    ]


def all_kernels():
    return ort_kernels() + torch_kernels() + numpy_kernels() + scipy_kernels()
