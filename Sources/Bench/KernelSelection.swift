import ArgumentParser
import BenchKit

/// `--functions` and `--impls`, checked against the registry.
struct KernelSelection: ParsableArguments {
    @Option(name: .customLong("functions"), help: "Comma list of functions (default: all). See `bench list`.")
    var functions: String?

    @Option(name: .customLong("impls"), help: "Comma list of implementations (default: all). See `bench list`.")
    var implementations: String?

    /// The selected kernels, or a usage error naming the unknown ids and the valid ones.
    func kernels(in registry: Registry) throws -> [Kernel] {
        let chosenFunctions = try functions.map { text in
            try list(text).map { name in
                guard let f = ActivationFunction(rawValue: name) else {
                    throw ValidationError("unknown function '\(name)'; valid: \(ActivationFunction.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                return f
            }
        }
        let chosenImplementations = try implementations.map { text in
            try list(text).map { name in
                guard registry.implementations.contains(name) else {
                    if let error = PeerOptions.disabledPeer(name, in: registry) { throw error }
                    throw ValidationError("unknown implementation '\(name)'; valid: \(registry.implementations.joined(separator: ", "))")
                }
                return name
            }
        }
        let selected = registry.select(functions: chosenFunctions, implementations: chosenImplementations)
        guard !selected.isEmpty else {
            throw ValidationError("no kernel matches --functions \(functions ?? "all") --impls \(implementations ?? "all")")
        }
        guard selected.contains(where: \.isAvailable) else {
            let needs = Set(selected.map(\.isa)).sorted().joined(separator: ", ")
            throw ValidationError("every selected kernel needs an ISA this CPU lacks (\(needs)); see `bench list`")
        }
        return selected
    }

    /// The names of a comma list, each once: a name listed twice would be run once, which the
    /// caller did not ask for.
    private func list(_ text: String) throws -> [String] {
        let items = text.split(separator: ",", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        guard !items.contains(where: \.isEmpty) else { throw ValidationError("empty name in list '\(text)'") }
        if let twice = items.enumerated().first(where: { items[..<$0.offset].contains($0.element) })?.element {
            throw ValidationError("'\(twice)' is listed twice in '\(text)'; list each name once")
        }
        return items
    }
}

import Foundation
