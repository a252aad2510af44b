import CKernels
import Foundation
import Testing

/// build_info.c: the SLEEF version compiled against and the Swift target CPU.
@Suite("build facts")
struct BuildInfoTests {
    static let version = String(cString: ck_sleef_version())

    /// The version macros of the installed sleef.h, where one is found at a usual place.
    static let headerVersion: String? = {
        let places = [
            "/usr/include/x86_64-linux-gnu/sleef.h", "/usr/include/aarch64-linux-gnu/sleef.h",
            "/usr/include/sleef.h", "/usr/local/include/sleef.h", "/opt/homebrew/include/sleef.h",
        ]
        for place in places {
            guard let text = try? String(contentsOfFile: place, encoding: .utf8) else { continue }
            func macro(_ name: String) -> String? {
                text.split(separator: "\n").first { $0.hasPrefix("#define \(name) ") }?
                    .split(separator: " ").last.map(String.init)
            }
            if let major = macro("SLEEF_VERSION_MAJOR"), let minor = macro("SLEEF_VERSION_MINOR"),
               let patch = macro("SLEEF_VERSION_PATCHLEVEL") {
                return "\(major).\(minor).\(patch)"
            }
        }
        return nil
    }()

    @Test("the SLEEF version is major.minor.patch")
    func versionFormat() {
        let parts = Self.version.split(separator: ".", omittingEmptySubsequences: false)
        #expect(parts.count == 3)
        let numeric = parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isNumber) }
        #expect(numeric, "\(Self.version)")
    }

    @Test("the SLEEF version is the installed header's", .enabled(if: headerVersion != nil, "no sleef.h at a usual place"))
    func versionMatchesHeader() {
        #expect(Self.version == Self.headerVersion)
    }

    @Test("the Swift target CPU is recorded")
    func targetCPU() {
        let cpu = String(cString: ck_build_target_cpu())
        // Package.swift's default; a build with ACTIVATION_BENCH_TARGET_CPU set records that instead.
        #expect(!cpu.isEmpty)
        #expect(!cpu.contains("\""))
    }
}
