#!/usr/bin/env python3
"""Prints the hot loop of a specialised Swift kernel closure from `objdump -d --no-show-raw-insn`.

The loop is the one backward branch whose body loads a zmm/ymm vector through a pointer register
and stores one through another (the input and output arrays; not the stack). With --mca, the body is printed as llvm-mca input (addresses and
branches removed); with --mca-ymm, translated to AVX2 for llvm-mca 14, which knows no Zen with
AVX-512 (znver3 is its newest Zen): see to_ymm.

    objdump -d --no-show-raw-insn .build/release/bench > /tmp/bench.asm
    python3 scripts/asm/kernel_loop.py /tmp/bench.asm FastKernels sigmoid 16 [--mca]

Tanh and ELU are closures of SharedKernels.entries (U_, U0_ in that order), listed by both
families, so either family name finds them; the sigmoid is the closure of SharedKernels.sigmoid,
specialised for its `fast` argument (false for SIMDKernels, true for FastKernels), or, in a build
that keeps one closure for both tiers, that one; the GELUs are
closures of each family's make (gelu-erf U_, gelu-tanh U0_). The width is SIMD8/SIMD16 in the
mangled name.
Without --mca every vector loop of the closure is printed, numbered; --loop N (default 1) picks
the one --mca prints. Where the build reads tables, the sigmoid, tanh and ELU run staged loops
(`forEachVector(…, stages:)`), which LLVM unrolls four times (64 floats per pass), each followed
by a one-vector loop for what is left: the staged loop comes first. ELU's closure holds two such
pairs: the α = 1 loops that `bench` runs by default and the general ones, whose multiplies by α
are the masked multiplies (the listing counts them; the compiler chooses their order).

A peer's loop, in a library without symbols (Debian's libXNNPACK.so.0) or any other, is named by
its first instruction's address instead: the instructions from there to the branch back to it.
With --in, it is the NTH such vector loop (from 1) in the first function
whose name contains NAME (Eigen's aligned tanh loop in our binary: the second of `$_18__invoke`).

    python3 scripts/asm/kernel_loop.py /tmp/xnnpack.asm --at b56f8 [--mca]
    python3 scripts/asm/kernel_loop.py /tmp/bench.asm --in '$_18__invoke' 2 [--mca]
"""
import re
import sys

CLOSURES = {"tanh": "U_", "elu": "U0_", "sigmoid": "U_", "gelu-erf": "U_", "gelu-tanh": "U0_"}
MANGLED = {"FastKernels": "04FastB0O4make", "SIMDKernels": "11SIMDKernelsO4make"}
SHARED = ("06SharedB0O7entries", {"tanh", "elu"})
# SharedKernels.sigmoid(_:fast:), specialised per argument: "Si1_" for true, "Si0_" for false.
SIGMOID = ("06SharedB0O7sigmoid", {"SIMDKernels": "Si0_", "FastKernels": "Si1_"})


def to_ymm(t):
    """The same work in AVX2 form, for llvm-mca 14's znver3 model (it has no AVX-512 entries): zmm n
    becomes ymm n mod 16, mask writes go to ymm15, masking and embedded broadcasts are dropped,
    vblendmps becomes vblendvps, vpternlogd one vpand, an integer compare into a mask (vpcmpnltd
    and the like, no AVX2 form) vpcmpgtd, a two-table permute (vpermt2d, vpermi2ps: the
    32-entry lookup) one vpermps, and vrangeps (the bounded magnitude) one vminps; mask-register
    moves are dropped."""
    if t.startswith("k"):
        return None
    t = re.sub(r"\{1to\d+\}", "", t)
    t = re.sub(r"\{%k\d\}(\{z\})?", "", t)
    t = re.sub(r"%zmm(\d+)", lambda m: "%ymm" + str(int(m.group(1)) % 16), t)
    t = re.sub(r"%ymm(\d+)", lambda m: "%ymm" + str(int(m.group(1)) % 16), t)
    t = re.sub(r"%k\d", "%ymm15", t)
    m = re.match(r"vblendmps\s+(\S+),(\S+),(\S+)", t)
    if m:
        t = f"vblendvps %ymm15,{m.group(1)},{m.group(2)},{m.group(3)}"
    m = re.match(r"vpcmp\w*d\s+(\S+),(\S+),%ymm15", t)
    if m:
        t = f"vpcmpgtd {m.group(1)},{m.group(2)},%ymm15"
    m = re.match(r"vperm[ti]2(?:d|ps)\s+(\S+),(\S+),(\S+)", t)
    if m:
        t = f"vpermps {m.group(1)},{m.group(2)},{m.group(3)}"
    m = re.match(r"vpternlogd\s+\$\w+,(\S+),(\S+),(\S+)", t)
    if m:
        t = f"vpand {m.group(1)},{m.group(2)},{m.group(3)}"
    m = re.match(r"vrangeps\s+\$\w+,(\S+),(\S+),(\S+)", t)
    if m:
        t = f"vminps {m.group(1)},{m.group(2)},{m.group(3)}"
    return t


def loop_at(path, address, mca):
    """The instructions from `address` to the branch back to it."""
    start = int(address, 16)
    loop = []
    for line in open(path):
        m = re.match(r"\s*([0-9a-f]+):\s*(.*)", line)
        if not m or int(m.group(1), 16) < start:
            continue
        text = m.group(2).split("#")[0].strip()
        branch = re.match(r"j\w+\s+([0-9a-f]+)", text)
        if branch and int(branch.group(1), 16) == start:
            loop.append(text)
            break
        loop.append(text)
    else:
        sys.exit(f"no loop back to {address}")
    if mca:
        loop = [t for t in loop if not t.startswith("j")]
    print("\n".join(loop))


def function_body(path, matches):
    """(address, instruction) pairs of the first function whose header line `matches`, or None."""
    lines = open(path).read().split("\n")
    start = next((i for i, line in enumerate(lines) if line.endswith(">:") and matches(line)), None)
    if start is None:
        return None
    body = []
    for line in lines[start + 1:]:
        if not line.strip():
            break
        m = re.match(r"\s*([0-9a-f]+):\s*(.*)", line)
        if m:
            body.append((int(m.group(1), 16), m.group(2).split("#")[0].strip()))
    return body


def vector_loops(body):
    """(first address, branch address, instructions) of each loop closed by a backward branch whose
    body loads a zmm/ymm vector through a pointer register and stores one through another (not the
    stack's), either with a displacement (a staged loop stores vector i - 3: -0xc0(%rsi,%rax,4)).
    The load may be folded into the first operation (vminps (%rdi,%rax,4),%zmm0,%zmm1)."""
    pointer = r"-?(?:0x[0-9a-f]+)?\(%r(?![sb]p)\w+"
    for addr, text in body:
        m = re.match(r"j\w+\s+([0-9a-f]+)", text)
        if not m or int(m.group(1), 16) >= addr:
            continue
        target = int(m.group(1), 16)
        loop = [t for a, t in body if target <= a <= addr]
        joined = "\n".join(loop)
        if re.search(r"v\w+ " + pointer + r"[^,]*,.*%[yz]mm", joined) and re.search(r"vmov\w+ %[yz]mm\d+," + pointer, joined):
            yield target, addr, loop


def loop_in(path, name, nth):
    """The first instruction's address of the nth vector loop in the function `name`."""
    body = function_body(path, lambda line: name in line)
    if body is None:
        sys.exit(f"no function with {name} in its name")
    loops = list(vector_loops(body))
    if len(loops) < nth:
        sys.exit(f"{name} has {len(loops)} vector loops, not {nth}")
    return f"{loops[nth - 1][0]:x}"


def main():
    if len(sys.argv) >= 4 and sys.argv[2] == "--at":
        return loop_at(sys.argv[1], sys.argv[3], "--mca" in sys.argv)
    if len(sys.argv) >= 5 and sys.argv[2] == "--in":
        return loop_at(sys.argv[1], loop_in(sys.argv[1], sys.argv[3], int(sys.argv[4])), "--mca" in sys.argv)
    path, family, function, width = sys.argv[1:5]
    mca = "--mca" in sys.argv or "--mca-ymm" in sys.argv
    ymm = "--mca-ymm" in sys.argv
    width_tag = "s5SIMD8VySfG_Tg5" if width == "8" else "s6SIMD16VySfG_Tg5"
    if function == "sigmoid":
        body = function_body(path, lambda line: SIGMOID[0] in line and "cf" + CLOSURES[function] + width_tag in line
                             and SIGMOID[1][family] in line)
        if body is None:
            # A build may keep one closure for both tiers, `fast` a run-time argument.
            body = function_body(path, lambda line: SIGMOID[0] in line and "cf" + CLOSURES[function] + width_tag in line
                                 and not any(tag in line for tag in SIGMOID[1].values()))
            if body is not None:
                print("sigmoid: one closure for both tiers in this build (`fast` not specialised)", file=sys.stderr)
    else:
        want = SHARED[0] if function in SHARED[1] else MANGLED[family]
        body = function_body(path, lambda line: want in line and "cf" + CLOSURES[function] + width_tag in line)
    if body is None:
        sys.exit("function not found")
    loops = list(vector_loops(body))
    if not loops:
        sys.exit("no vector loop found")
    nth = int(sys.argv[sys.argv.index("--loop") + 1]) if "--loop" in sys.argv else 1
    if not 1 <= nth <= len(loops):
        sys.exit(f"the closure has {len(loops)} vector loops, not {nth}")
    if mca:
        # Branches inside the loop (overflow traps) are dropped: llvm-mca models straight code.
        straight = [t for t in loops[nth - 1][2] if not t.startswith("j")]
        print("\n".join(to_ymm(t) for t in straight if to_ymm(t)) if ymm else "\n".join(straight))
        return
    for index, (target, addr, loop) in enumerate(loops, 1):
        stack = sum(bool(re.search(r"%r[sb]p\)", t)) for t in loop)
        products = sum(bool(re.match(r"vf(n?)m(add|sub)|vmulp", t)) for t in loop)
        masked = sum(bool(re.match(r"vmulp\S+ .*\{%k\d\}", t)) for t in loop)
        print(f"loop {index} {target:x}..{addr:x}: {len(loop)} instructions, "
              f"{sum('call' in t for t in loop)} calls, "
              f"{stack} stack accesses, "
              f"{sum('vdiv' in t for t in loop)} divisions, "
              f"{products} multiplies/FMAs ({masked} masked multiplies)")
        print("\n".join(loop))

main()
