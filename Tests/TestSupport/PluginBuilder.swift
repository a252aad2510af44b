import Foundation

/// Builds plugin shared libraries for the tests with the system C compiler: the example plugin
/// from Examples/plugin, or a C source the test writes. Shared by the BenchKit and Bench test targets.
public enum PluginBuilder {
    public static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    public struct BuildError: Error, CustomStringConvertible {
        public var description: String
    }

    /// A fresh directory under the temporary directory (for plugins, scripts' inputs and outputs).
    public static func scratch() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bench-plugin-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    /// Compiles `source` (a path) into `dir/name` as a shared library.
    public static func build(source: URL, into dir: URL, name: String) throws -> URL {
        let output = dir.appendingPathComponent(name)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["cc", "-O2", "-shared", "-fPIC",
                             "-I", packageRoot.appendingPathComponent("Sources/CKernels/include").path,
                             source.path, "-o", output.path, "-lm"]
        let err = Pipe()
        process.standardError = err
        try process.run()
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw BuildError(description: "cc failed: \(message)") }
        return output
    }

    public static func example(in dir: URL) throws -> URL {
        try build(source: packageRoot.appendingPathComponent("Examples/plugin/example_plugin.c"), into: dir,
                  name: "libexample_plugin.so")
    }

    /// Writes `code` to a C file and builds it.
    public static func build(code: String, in dir: URL, name: String) throws -> URL {
        let source = dir.appendingPathComponent(name + ".c")
        try code.write(to: source, atomically: true, encoding: .utf8)
        return try build(source: source, into: dir, name: name + ".so")
    }
}
