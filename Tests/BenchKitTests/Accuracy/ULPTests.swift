import Testing
@testable import BenchKit

@Suite struct ULPTests {
    @Test func exactResultIsZero() {
        #expect(ULP.error(1, ReferenceValue(hi: 1)) == 0)
        #expect(ULP.error(-0.0, ReferenceValue(hi: -0.0)) == 0)
    }

    @Test func oneULPInsideABinade() {
        // In [1, 2) the float spacing is 2^-23.
        #expect(ULP.error(1 + 0x1p-23, ReferenceValue(hi: 1)) == 1)
        #expect(ULP.error(1.5, ReferenceValue(hi: 1.5 + 0x1p-24)) == 0.5)
    }

    @Test func binadeEdgeUsesTheReferencesBinade() {
        // r just below 2: binade [1, 2), spacing 2^-23. y = 2 is 2^-30/2^-23 = 2^-7 ulp away.
        let r = ReferenceValue(hi: 2, lo: -0x1p-30)
        #expect(ULP.spacing(r) == 0x1p-23)
        #expect(ULP.error(2, r) == 0x1p-7)
        // r just above 2: binade [2, 4), spacing 2^-22.
        let s = ReferenceValue(hi: 2, lo: 0x1p-30)
        #expect(ULP.spacing(s) == 0x1p-22)
    }

    @Test func subnormalSpacing() {
        #expect(ULP.spacing(ReferenceValue(hi: 0x1p-140)) == 0x1p-149)
        #expect(ULP.spacing(ReferenceValue(hi: 0x1p-126)) == 0x1p-149)
        #expect(ULP.spacing(ReferenceValue(hi: 0)) == 0x1p-149)
        #expect(ULP.error(.leastNonzeroMagnitude, ReferenceValue(hi: 0)) == 1)
        #expect(ULP.error(0, ReferenceValue(hi: 0x1p-150)) == 0.5)
    }

    @Test func overflowingReferenceNeedsInfinity() {
        let huge = ReferenceValue(hi: 0x1p129)
        #expect(ULP.error(.infinity, huge) == 0)
        #expect(ULP.error(-.infinity, huge) == .infinity)
        #expect(ULP.error(.greatestFiniteMagnitude, huge) == .infinity)
        // Exactly at FLT_MAX + ulp/2 the tie rounds to even, i.e. to infinity; just below it, it does not.
        #expect(ULP.error(.infinity, ReferenceValue(hi: 0x1p128 - 0x1p103)) == 0)
        let belowTie = ULP.error(.greatestFiniteMagnitude, ReferenceValue(hi: 0x1p128 - 0x1p103, lo: -0x1p50))
        #expect(belowTie < 0.5 && belowTie > 0.4999)
    }

    @Test func infiniteResultForFiniteReference() {
        #expect(ULP.error(.infinity, ReferenceValue(hi: 1)) == .infinity)
    }

    @Test func nanCases() {
        #expect(ULP.error(.nan, ReferenceValue(hi: .nan)) == 0)
        #expect(ULP.error(.nan, ReferenceValue(hi: 1)) == .infinity)
        #expect(ULP.error(1, ReferenceValue(hi: .nan)) == .infinity)
    }

    @Test func roundedToFloatUsesTheLowPartAtTies() {
        let tie = 1 + 0x1p-24   // halfway between 1 and 1 + 2^-23
        #expect(ReferenceValue(hi: tie, lo: 0x1p-60).roundedToFloat == 1 + 0x1p-23)
        #expect(ReferenceValue(hi: tie, lo: -0x1p-60).roundedToFloat == 1)
        #expect(ReferenceValue(hi: tie, lo: 0).roundedToFloat == 1)   // ties to even
    }
}
