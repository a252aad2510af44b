import CKernels
import Testing

/// timer.c: the timestamp counter.
@Suite("timestamp counter")
struct TimerTests {
    #if arch(x86_64)
    @Test("it advances while work is done")
    func advances() {
        let t0 = ck_rdtsc()
        var acc = 0.0
        for i in 0..<100_000 { acc += Double(i).squareRoot() }
        let t1 = ck_rdtsc()
        #expect(acc > 0)
        #expect(t1 > t0)
    }

    @Test("successive reads never go backwards")
    func monotonic() {
        var last = ck_rdtsc()
        for _ in 0..<10_000 {
            let now = ck_rdtsc()
            #expect(now >= last)
            last = now
        }
    }
    #else
    @Test("it reads 0 without a counter")
    func zero() { #expect(ck_rdtsc() == 0) }
    #endif
}
