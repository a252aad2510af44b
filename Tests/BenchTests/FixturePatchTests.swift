import Foundation
import Testing

/// The patches the proof and ablation scripts apply (scripts/fixtures/) still apply to the
/// committed tree: a fixture that drifted from the code would make those scripts fail long after the
/// change that broke it. Checked against HEAD in a scratch index, so edits in the working tree do
/// not matter; skipped outside a git checkout.
@Suite struct FixturePatchTests {
    static let root = RepositoryScript.root

    static var patches: [String] {
        let fixtures = root.appendingPathComponent("scripts/fixtures")
        let found = FileManager.default.enumerator(atPath: fixtures.path)?.compactMap { $0 as? String } ?? []
        return found.filter { $0.hasSuffix(".patch") }.sorted().map { "scripts/fixtures/" + $0 }
    }

    /// Runs git in the checkout with `index` as its index file; the exit status and standard error.
    static func git(_ arguments: [String], index: String) throws -> (status: Int32, message: String) {
        let git = Process()
        git.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        git.arguments = ["git", "-C", root.path] + arguments
        git.environment = ProcessInfo.processInfo.environment.merging(["GIT_INDEX_FILE": index]) { $1 }
        let errors = Pipe()
        git.standardError = errors
        git.standardOutput = FileHandle.nullDevice
        try git.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        git.waitUntilExit()
        return (git.terminationStatus, message)
    }

    @Test func thereArePatchesToCheck() { #expect(Self.patches.count >= 5) }

    @Test(arguments: patches)
    func patchAppliesToHEAD(path: String) throws {
        let index = FileManager.default.temporaryDirectory.appendingPathComponent("fixture-index-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: index) }
        guard try Self.git(["read-tree", "HEAD"], index: index).status == 0 else { return }   // not a checkout
        let check = try Self.git(["apply", "--cached", "--check", path], index: index)
        #expect(check.status == 0, "\(path): \(check.message)")
    }
}
