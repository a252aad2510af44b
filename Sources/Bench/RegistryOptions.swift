import ArgumentParser
import BenchKit
import Foundation

/// The kernels a command can see: the built-in registry, the Python peers when enabled, and any
/// `--plugin` libraries.
struct RegistryOptions: ParsableArguments {
    @OptionGroup(title: "Peers") var peers: PeerOptions

    @Option(name: .customLong("plugin"), help: ArgumentHelp(
        "A shared library exporting kernels under the plugin ABI (docs/plugins.md); repeatable.",
        valueName: "file.so"))
    var plugins: [String] = []

    /// The registry with the plugins loaded. A plugin that cannot be loaded stops the command with one
    /// line on standard error: exit 64 when the file does not exist or is given twice, 1 when it is
    /// not a usable plugin.
    func registry() throws -> Registry {
        var registry = try peers.registry()
        // The same library twice (by its resolved path) would register its kernels twice.
        var seen: [String: String] = [:]
        for path in plugins {
            let resolved = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
            if let first = seen[resolved] {
                FileHandle.standardError.write(Data("bench: --plugin \(path) is the library already given as \(first); give each plugin once\n".utf8))
                throw ExitCode(ExitStatus.usage)
            }
            seen[resolved] = path
        }
        for path in plugins {
            do {
                registry = registry.adding(try PluginLoader.load(path: path, into: registry))
            } catch let error as PluginError {
                throw ExitStatus.exit(for: error)
            }
        }
        return registry
    }
}
