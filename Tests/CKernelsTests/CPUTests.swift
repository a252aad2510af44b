import CKernels
import Foundation
import Testing

/// cpu.c: the ISA checks and the brand string, compared with what Linux reports.
@Suite("CPU facts")
struct CPUTests {
    /// The first processor's entry of /proc/cpuinfo, or nil where there is none.
    static let cpuinfo: [String: String]? = {
        guard let text = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8) else { return nil }
        var fields: [String: String] = [:]
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.trimmingCharacters(in: .whitespaces).isEmpty { break }
            let parts = line.split(separator: ":", maxSplits: 1)
            guard parts.count == 2 else { continue }
            fields[parts[0].trimmingCharacters(in: .whitespaces)] = parts[1].trimmingCharacters(in: .whitespaces)
        }
        return fields
    }()

    static var flags: Set<String> { Set((cpuinfo?["flags"] ?? "").split(separator: " ").map(String.init)) }

    static var isLinuxX86: Bool {
        #if arch(x86_64)
        return cpuinfo?["flags"] != nil
        #else
        return false
        #endif
    }

    @Test("AVX2 + FMA as /proc/cpuinfo says", .enabled(if: isLinuxX86, "needs Linux on x86-64"))
    func avx2() {
        #expect((ck_cpu_has_avx2() != 0) == (Self.flags.contains("avx2") && Self.flags.contains("fma")))
    }

    @Test("AVX-512 F as /proc/cpuinfo says", .enabled(if: isLinuxX86, "needs Linux on x86-64"))
    func avx512f() {
        #expect((ck_cpu_has_avx512f() != 0) == Self.flags.contains("avx512f"))
    }

    @Test("no x86 ISA reported elsewhere", .enabled(if: !isX86, "x86-64"))
    func noX86ISAElsewhere() {
        #expect(ck_cpu_has_avx2() == 0)
        #expect(ck_cpu_has_avx512f() == 0)
    }

    static var isX86: Bool {
        #if arch(x86_64)
        return true
        #else
        return false
        #endif
    }

    static func model(bufferLength: Int) -> String {
        var buf = [CChar](repeating: 0x7F, count: max(bufferLength, 1))
        let result = ck_cpu_model(&buf, bufferLength)
        return result.map { String(cString: $0) } ?? ""
    }

    @Test("the model is a trimmed, non-empty string")
    func model() {
        let model = Self.model(bufferLength: 128)
        #expect(!model.isEmpty)
        #expect(model == model.trimmingCharacters(in: .whitespaces))
    }

    @Test("the model is the one Linux reports", .enabled(if: isLinuxX86, "needs Linux on x86-64"))
    func modelMatchesLinux() throws {
        let linux = try #require(Self.cpuinfo?["model name"])
        #expect(Self.model(bufferLength: 128) == linux)
    }

    @Test("a short buffer gets a truncated, terminated model")
    func truncation() {
        let full = Self.model(bufferLength: 128)
        #expect(Self.model(bufferLength: 5) == String(full.prefix(4)))
        #expect(Self.model(bufferLength: 1) == "")
        var untouched: [CChar] = [0x41, 0]
        _ = ck_cpu_model(&untouched, 0)
        #expect(untouched == [0x41, 0])
    }
}
