import Foundation
import Testing

/// The patches the proof and ablation scripts apply (scripts/fixtures/) still apply to the tree:
/// a fixture that drifted from the code would make those scripts fail long after the change that
/// broke it.
@Suite struct FixturePatchTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static var patches: [String] {
        let fixtures = root.appendingPathComponent("scripts/fixtures")
        let found = FileManager.default.enumerator(atPath: fixtures.path)?.compactMap { $0 as? String } ?? []
        return found.filter { $0.hasSuffix(".patch") }.sorted().map { "scripts/fixtures/" + $0 }
    }

    @Test func thereArePatchesToCheck() { #expect(Self.patches.count >= 5) }

    @Test(arguments: patches)
    func patchApplies(path: String) throws {
        let git = Process()
        git.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        git.arguments = ["git", "-C", Self.root.path, "apply", "--check", path]
        let errors = Pipe()
        git.standardError = errors
        try git.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        git.waitUntilExit()
        #expect(git.terminationStatus == 0, "\(path): \(message)")
    }
}
