import CKernels
import Testing

/// vecmath_table.c: the C kernels by family, ISA and function id, expanded from the two X-macro lists
/// of CKernels.h.
@Suite struct VecmathTableTests {
    static var functions: [String] {
        var ids: [String] = []
        while let id = ck_vecmath_function(Int32(ids.count)) { ids.append(String(cString: id)) }
        return ids
    }

    @Test func listsEachFunctionOnce() {
        let ids = Self.functions
        #expect(Set(ids).count == ids.count)
        for id in ["sigmoid", "tanh", "elu", "gelu-erf", "gelu-tanh"] { #expect(ids.contains(id), "\(id)") }
        #expect(ck_vecmath_function(-1) == nil)
    }

    @Test func everyFamilyHasEveryListedFunction() {
        for (family, isa) in [("u10", "avx2"), ("u10", "avx512"), ("libmvec", "avx2"), ("libmvec", "avx512")] {
            for id in Self.functions { #expect(ck_vecmath_kernel(family, isa, id) != nil, "\(family) \(isa) \(id)") }
        }
        #expect(ck_vecmath_kernel("u10", "avx2", "no-such-function") == nil)
        #expect(ck_vecmath_kernel("u35", "avx2", "tanh") == nil)
        #expect(ck_vecmath_kernel("u10", "sse2", "tanh") == nil)
    }

    @Test("the table's kernel is the named symbol", .enabled(if: ISA.avx2.isAvailable, "this CPU has no AVX2 + FMA"))
    func lookedUpKernelIsTheSymbol() throws {
        let xs = Inputs.random(count: 37, in: -10...10)
        let pairs: [(String, ab_kernel_fn)] = [("sigmoid", ck_sigmoid_u10_avx2), ("elu", ck_elu_u10_avx2),
                                               ("gelu-tanh", ck_gelu_tanh_u10_avx2)]
        for (id, symbol) in pairs {
            let looked = try #require(ck_vecmath_kernel("u10", "avx2", id))
            var a = [Float](repeating: 0, count: xs.count), b = a
            looked(xs, &a, xs.count, 0.5)
            symbol(xs, &b, xs.count, 0.5)
            #expect(a.map(\.bitPattern) == b.map(\.bitPattern), "\(id)")
        }
    }
}
