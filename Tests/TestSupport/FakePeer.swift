import Foundation

/// The fake interpreter of Tests/Fixtures/fake_peer_python.py: a link named fake-python-<mode> to
/// it, in one directory per user that every test reuses. Needs python3 on PATH (the fixture's
/// shebang); `available` says whether it is there. Shared by the BenchKit and Bench test targets.
public enum FakePeer {
    public static let fixture = PluginBuilder.packageRoot.appendingPathComponent("Tests/Fixtures/fake_peer_python.py").path

    public static var available: Bool {
        (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
            .contains { FileManager.default.isExecutableFile(atPath: "\($0)/python3") }
    }

    /// The path of the fake interpreter behaving as `mode` (see the fixture's header).
    public static func python(_ mode: String) throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("bench-fake-peers-\(getuid())")
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let link = directory.appendingPathComponent("fake-python-\(mode)").path
        if (try? FileManager.default.destinationOfSymbolicLink(atPath: link)) != fixture {
            try? FileManager.default.removeItem(atPath: link)
            try? FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: fixture)
        }
        return link
    }
}
