import CKernels
import Foundation
import SwiftKernels
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a plugin could not be loaded: each case is one line naming the file and what was wrong.
public enum PluginError: Error, CustomStringConvertible, Equatable {
    /// No file at the path: a usage error.
    case notFound(path: String)
    /// dlopen refused it (not a shared library, wrong architecture, missing dependency).
    case notLoadable(path: String, reason: String)
    case missingSymbol(path: String)
    case abiVersion(path: String, found: Int32)
    /// A kernel declaration the registry cannot take: bad function, id, budget, null pointer, repeat.
    case badKernel(path: String, index: Int, reason: String)
    /// The plugin's description as a whole is unusable (no description, a bad kernel count).
    case badPlugin(path: String, reason: String)

    public var description: String {
        switch self {
        case .notFound(let path): return "plugin \(path): no such file"
        case .notLoadable(let path, let reason): return "plugin \(path): not a loadable shared library (\(reason))"
        case .missingSymbol(let path):
            return "plugin \(path): does not export \(ACTIVATION_BENCH_PLUGIN_SYMBOL) (see docs/plugins.md)"
        case .abiVersion(let path, let found):
            return "plugin \(path): ABI version \(found), this bench reads version \(ACTIVATION_BENCH_PLUGIN_ABI)"
        case .badKernel(let path, let index, let reason): return "plugin \(path): kernel \(index): \(reason)"
        case .badPlugin(let path, let reason): return "plugin \(path): \(reason)"
        }
    }
}

/// Loads plugin libraries (activation_bench_plugin.h) into registry kernels. A loaded library stays
/// loaded for the life of the process: its kernels are plain function pointers into it.
public enum PluginLoader {
    public static func load(path: String, into registry: Registry) throws -> Registry {
        guard FileManager.default.fileExists(atPath: path) else { throw PluginError.notFound(path: path) }
        // A path without a slash would make dlopen search the library path instead of this file.
        let target = path.contains("/") ? path : "./" + path
        guard let handle = dlopen(target, RTLD_NOW | RTLD_LOCAL) else {
            let reason = dlerror().map { String(cString: $0) } ?? "unknown error"
            throw PluginError.notLoadable(path: path, reason: reason.replacingOccurrences(of: target + ": ", with: ""))
        }
        guard let symbol = dlsym(handle, ACTIVATION_BENCH_PLUGIN_SYMBOL) else {
            dlclose(handle)
            throw PluginError.missingSymbol(path: path)
        }
        let entry = unsafeBitCast(symbol, to: ab_plugin_entry.self)
        guard let plugin = entry()?.pointee else {
            throw PluginError.badPlugin(path: path, reason: "activation_bench_plugin() returned NULL")
        }
        guard plugin.abi_version == ACTIVATION_BENCH_PLUGIN_ABI else {
            throw PluginError.abiVersion(path: path, found: plugin.abi_version)
        }
        guard plugin.kernel_count >= 0, plugin.kernel_count <= 10_000, plugin.kernel_count == 0 || plugin.kernels != nil else {
            throw PluginError.badPlugin(path: path, reason: "kernel_count \(plugin.kernel_count) with kernels \(plugin.kernels == nil ? "NULL" : "set")")
        }
        let library = plugin.library.map { PluginKernel.text(String(cString: $0)) } ?? URL(fileURLWithPath: path).lastPathComponent
        var kernels: [Kernel] = []
        var seen = Set(registry.kernels.map(\.id))
        for index in 0..<Int(plugin.kernel_count) {
            let declared = plugin.kernels[index]
            let kernel = try PluginKernel(declared, library: library).kernel(path: path, index: index)
            guard seen.insert(kernel.id).inserted else {
                throw PluginError.badKernel(path: path, index: index, reason: "\(kernel.id) is already registered")
            }
            kernels.append(kernel)
        }
        return Registry(kernels: kernels)
    }
}

/// One declared kernel, checked field by field.
struct PluginKernel {
    let declared: ab_kernel
    let library: String

    init(_ declared: ab_kernel, library: String) {
        self.declared = declared
        self.library = library
    }

    static let idCharacters = Set("abcdefghijklmnopqrstuvwxyz0123456789._-")

    /// A plugin's free text (library, ISA) as one line: control characters (tabs, newlines) become
    /// spaces, so they cannot break a table's columns or a report's lines.
    static func text(_ raw: String) -> String {
        String(raw.unicodeScalars.map { CharacterSet.controlCharacters.contains($0) ? " " : Character($0) })
    }

    func kernel(path: String, index: Int) throws -> Kernel {
        func bad(_ reason: String) -> PluginError { .badKernel(path: path, index: index, reason: reason) }
        guard let functionName = declared.function.map({ String(cString: $0) }) else { throw bad("function is NULL") }
        guard let function = ActivationFunction(rawValue: functionName) else {
            throw bad("unknown function '\(functionName)'; valid: \(ActivationFunction.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard let implementation = declared.implementation.map({ String(cString: $0) }) else { throw bad("implementation is NULL") }
        guard (1...40).contains(implementation.count), implementation.allSatisfy(Self.idCharacters.contains) else {
            throw bad("implementation '\(implementation)' must be 1-40 characters of a-z 0-9 . _ -")
        }
        let isa = declared.isa.map { Self.text(String(cString: $0)) } ?? "unknown"
        guard declared.ulp_budget.isFinite else { throw bad("ulp_budget must be a finite number (negative: no promise)") }
        guard let fn = declared.kernel else { throw bad("kernel is NULL") }
        let budget: Double? = declared.ulp_budget < 0 ? nil : declared.ulp_budget
        return Kernel(function: function, implementation: implementation, isa: isa, isAvailable: true,
                      ulpBudget: budget, library: "plugin \(library)", note: "loaded from \(path)",
                      body: { fn($0, $1, $2, $3.alpha) })
    }
}
