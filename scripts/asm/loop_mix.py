#!/usr/bin/env python3
"""How fast a loop's instructions run with every dependency between them removed: this machine's
own throughput bound for the loop's instruction mix, where llvm-mca 14 has no AVX-512 Zen model.

Each input file holds one loop body in AT&T syntax, one instruction per line (the output of
`kernel_loop.py ... --mca`, or a peer's loop cut from `objdump -d --no-show-raw-insn` with the
addresses removed). The body is rewritten so that no instruction waits for another:

- every vector source register becomes one of eight loop-invariant registers (zmm24-31);
- every vector destination gets the next of zmm0-23 in turn, and the body is repeated until it
  holds at least 64 instructions, so that an instruction that also reads its destination (FMAs,
  two-table permutes, ternary logic, merge-masking) reads a register written about 24
  instructions before, by another instruction, not its own result of the previous pass (no
  instructions are added: the loop's own register copies stay, as copies of invariants);
- mask reads use k7 (all ones), mask writes keep their register; loads read, and stores write, a
  fixed line of L1; scalar bookkeeping (the loop counter, pointer updates, branches) and
  prefetches are dropped.

The rewritten body runs a million times in a counted loop; the result is in core cycles (one
core cycle is one dependent scalar add) per iteration and per 16 floats. Set beside the loop's
measured time, it says how much of that time the dependency chains add, and whether a speed
target is below what the loop's instructions alone allow.

    python3 scripts/asm/kernel_loop.py /tmp/bench.asm FastKernels sigmoid 16 --mca > /tmp/sigmoid.s
    flock /tmp/cpu.lock python3 scripts/asm/loop_mix.py /tmp/sigmoid.s [FILE[:FLOATS] ...]

FILE:FLOATS names how many floats one iteration handles (16 unless given: XNNPACK's sigmoid loop
handles 64; an AVX2 build's 8-lane loop, 8). FILE:FLOATS:WITHOUT times the loop with every
instruction whose mnemonic matches the regular expression WITHOUT removed (the row is named
FILE -WITHOUT): what one class of instructions costs beside the rest. A loop without zmm (an
AVX2 build's) keeps each operand's width and is renamed as a zmm loop is, its VEX-only
instructions written in their EVEX forms (vpand as vpandd, vmovdqa as vmovdqa32, which name
ymm16-31); one holding an instruction with no EVEX form (vblendvps, vpblendvb) is renamed within
registers 0-15 instead: ymm12-15 hold the invariants and ymm0-11 take the destinations, so an
instruction reading its destination reads one written about 12 instructions before, a chain that
can bound the loop (an FMA's four cycles per twelve instructions). x86-64 with AVX-512 only (the
harness).
"""
import os
import re
import subprocess
import sys
import tempfile

INVARIANT = 24          # zmm24-31 hold loop-invariant values
ROTATING = 24           # zmm0-23 take the destinations in turn
# A loop without zmm that holds a VEX-only instruction is renamed within registers 0-15: ymm12-15
# hold the invariants and ymm0-11 take the destinations.
NARROW_INVARIANT = 12
NARROW_ROTATING = 12
# The VEX-only mnemonics of AVX2 loops and their EVEX forms (AVX512VL), which name ymm16-31: with
# them a narrow loop is renamed as a zmm one is (24 rotating registers), unless it holds an
# instruction with no EVEX form (vblendvps, vpblendvb), which keeps it within registers 0-15.
EVEX_FORMS = {"vpand": "vpandd", "vpandn": "vpandnd", "vpor": "vpord", "vpxor": "vpxord",
              "vmovdqa": "vmovdqa32", "vmovdqu": "vmovdqu32"}
VEX_ONLY = re.compile(r"vp?blendv")
ITERATIONS = 1_000_000


def operands(text):
    """The operand list of `mnemonic op1,op2,...`, split on commas outside parentheses."""
    parts, depth, current = [], 0, ""
    for ch in text:
        if ch == "," and depth == 0:
            parts.append(current)
            current = ""
            continue
        depth += ch == "("
        depth -= ch == ")"
        current += ch
    if current:
        parts.append(current)
    return [p.strip() for p in parts]


def rewrite(lines, narrow=False):
    """The body without its scalar bookkeeping, every register renamed (a list of instructions), and
    the count of dropped instructions. `narrow`: a loop without zmm, keeping each operand's width;
    renamed within registers 0-15 if it holds a VEX-only instruction, else in EVEX forms as a zmm
    loop is."""
    vex_only = narrow and any(VEX_ONLY.match(line.strip()) for line in lines)
    invariant, rotating = (NARROW_INVARIANT, NARROW_ROTATING) if vex_only else (INVARIANT, ROTATING)
    registers = 16 if vex_only else 32
    body, dropped, next_register = [], 0, 0
    for line in lines:
        line = line.split("#")[0].strip()
        if not line:
            continue
        mnemonic, _, rest = line.partition(" ")
        if narrow and not vex_only:
            mnemonic = EVEX_FORMS.get(mnemonic, mnemonic)
        ops = operands(rest.strip())
        if not any(re.search(r"%[xyz]mm|%k\d", op) for op in ops):
            dropped += 1                     # scalar bookkeeping and branches
            continue
        memory = [i for i, op in enumerate(ops) if "(" in op]
        destination = ops[-1]
        if memory and memory[-1] == len(ops) - 1:
            # A store: write a fixed line from an invariant register.
            width = re.search(r"%([xyz])mm", ops[0]).group(1) if narrow else "z"
            body.append(f"{mnemonic} %{width}mm{invariant},0x400(%rdi)")
            continue
        new_ops = []
        for i, op in enumerate(ops[:-1]):
            if i in memory:
                broadcast = re.search(r"\{1to\d+\}", op)
                new_ops.append("(%rdi)" + (broadcast.group(0) if broadcast else ""))
            else:
                new_ops.append(re.sub(r"%([xyz])mm(\d+)",
                                      lambda m: f"%{m.group(1) if narrow else 'z'}mm"
                                                f"{invariant + int(m.group(2)) % (registers - invariant)}", op))
        if re.match(r"%k\d$", destination):
            new_destination = destination    # a mask write: nothing reads it
        else:
            masks = re.sub(r"%k\d", "%k7", "".join(re.findall(r"\{[^}]*\}", destination)))
            width = re.search(r"%([xyz])mm", destination).group(1) if narrow else "z"
            new_destination = f"%{width}mm{next_register}" + masks
            next_register = (next_register + 1) % rotating
        body.append(f"{mnemonic} {','.join(new_ops + [new_destination])}")
    return body, dropped


HARNESS = r"""
#include <stdio.h>
#include <x86intrin.h>
static float line[1024] __attribute__((aligned(64)));
#define CLOBBERS "rcx", "rdi", "memory", "k1", "k2", "k3", "k4", "k5", "k6", "k7", \
  "xmm0","xmm1","xmm2","xmm3","xmm4","xmm5","xmm6","xmm7","xmm8","xmm9","xmm10","xmm11","xmm12", \
  "xmm13","xmm14","xmm15","xmm16","xmm17","xmm18","xmm19","xmm20","xmm21","xmm22","xmm23", \
  "xmm24","xmm25","xmm26","xmm27","xmm28","xmm29","xmm30","xmm31"
static unsigned long long scalar_chain(long n) {
  unsigned long long start = __rdtsc();
  __asm__ volatile("mov %0,%%rcx\n1:\n" ".rept 10\n add $1,%%rax\n .endr\n" "dec %%rcx\n jnz 1b"
                   :: "r"(n) : "rcx", "rax");
  return __rdtsc() - start;
}
@FUNCTIONS@
int main(void) {
  for (int i = 0; i < 1024; i++) line[i] = 1.0f + i / 1024.0f;
  double best = 1e300;
  for (int r = 0; r < 7; r++) { double t = (double)scalar_chain(@N@); if (t < best) best = t; }
  printf("%.4f\n", best / (@N@ * 10.0));
@CALLS@
  return 0;
}
"""

# One loop: the invariant registers and the all-ones mask are set, then the body runs n times.
FUNCTION = r"""
static unsigned long long loop_@I@(long n) {
  unsigned long long start = __rdtsc();
  __asm__ volatile("mov %0,%%rdi\n"
                   "vbroadcastss (%%rdi),%%zmm24\n vbroadcastss 4(%%rdi),%%zmm25\n"
                   "vbroadcastss 8(%%rdi),%%zmm26\n vbroadcastss 12(%%rdi),%%zmm27\n"
                   "vbroadcastss 16(%%rdi),%%zmm28\n vbroadcastss 20(%%rdi),%%zmm29\n"
                   "vbroadcastss 24(%%rdi),%%zmm30\n vbroadcastss 28(%%rdi),%%zmm31\n"
                   "vbroadcastss (%%rdi),%%ymm12\n vbroadcastss 4(%%rdi),%%ymm13\n"
                   "vbroadcastss 8(%%rdi),%%ymm14\n vbroadcastss 12(%%rdi),%%ymm15\n"
                   "kxnorw %%k7,%%k7,%%k7\n mov %1,%%rcx\n1:\n"
@BODY@                   "dec %%rcx\n jnz 1b"
                   :: "r"(line), "r"(n) : CLOBBERS);
  return __rdtsc() - start;
}
"""


def main():
    args = sys.argv[1:]
    if not args or any(a.startswith("-") for a in args):
        sys.exit(__doc__)
    loops = []
    for arg in args:
        path, _, rest = arg.partition(":")
        floats, _, without = rest.partition(":")
        try:
            lines = open(path).read().split("\n")
        except OSError as error:
            sys.exit(f"loop_mix: {error}")
        if without:
            try:
                pattern = re.compile(without)
            except re.error as error:
                sys.exit(f"loop_mix: {arg}: {error}")
            lines = [line for line in lines if not pattern.match(line.split("#")[0].strip().partition(" ")[0])]
        narrow = not any("%zmm" in line for line in lines)
        once, dropped = rewrite(lines, narrow)
        if not once:
            sys.exit(f"loop_mix: {path}: no vector instructions")
        repeats = -(-64 // len(once))
        body, _ = rewrite(lines * repeats, narrow)
        name = os.path.basename(path) + (f" -{without}" if without else "")
        loops.append((name, len(once), dropped, int(floats or 16) * repeats, body))
    functions, calls = [], []
    for i, (_, _, _, _, body) in enumerate(loops):
        asm = "".join('                   "' + b.replace("%", "%%").replace("{", "%{").replace("}", "%}") + '\\n"\n'
                      for b in body)
        functions.append(FUNCTION.replace("@I@", str(i)).replace("@BODY@", asm))
        calls.append(f"  {{ double best = 1e300; for (int r = 0; r < 7; r++) {{ double t = (double)loop_{i}({ITERATIONS});"
                     f' if (t < best) best = t; }} printf("%.4f\\n", best / {ITERATIONS}.0); }}')
    source = (HARNESS.replace("@FUNCTIONS@", "\n".join(functions)).replace("@CALLS@", "\n".join(calls))
              .replace("@N@", str(ITERATIONS)))
    with tempfile.TemporaryDirectory() as tmp:
        c, exe = os.path.join(tmp, "mix.c"), os.path.join(tmp, "mix")
        with open(c, "w") as f:
            f.write(source)
        subprocess.run(["cc", "-O2", "-mavx512f", "-mavx512dq", "-mavx512bw", "-mavx512vl", c, "-o", exe], check=True)
        run = subprocess.run([exe], check=True, capture_output=True, text=True)
        figures = [float(v) for v in run.stdout.split()]
    tsc_per_core = figures[0]
    print(f"timestamp cycles per core cycle: {tsc_per_core:.4f}")
    print(f"{'loop':40} {'vector instructions':>20} {'dropped':>8} {'core cycles per 16 floats':>26} {'timestamp cycles':>17}")
    for (name, count, dropped, floats, _), tsc in zip(loops, figures[1:]):
        per16 = tsc * 16 / floats
        print(f"{name:40} {count:>20} {dropped:>8} {per16 / tsc_per_core:>26.2f} {per16:>17.2f}")


main()
