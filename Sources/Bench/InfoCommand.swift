import ArgumentParser
import BenchKit
import Foundation

struct InfoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "info", abstract: "Print the machine and build facts every result records.")

    @Flag(help: "Print JSON instead of text.")
    var json = false

    func run() throws {
        let info = MachineInfo.current()
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            print(String(decoding: try encoder.encode(info), as: UTF8.self))
            return
        }
        let rows: [(String, String)] = [
            ("cpu", info.cpuModel), ("cpu signature", info.cpuSignature ?? "unknown (no x86 CPUID)"),
            ("cpu features", info.cpuFeatures.joined(separator: " ")),
            ("logical cores", String(info.logicalCores)), ("os", info.os),
            ("swift", info.swiftVersion), ("build configuration", info.buildConfiguration),
            ("swift target cpu", info.swiftTargetCPU), ("swift vector isa", info.swiftVectorISA),
            ("swift exp form", Machine.swiftExpForm),
            ("sleef", info.sleefVersion), ("mpfr", info.mpfrVersion),
            ("git commit", info.gitCommit), ("machine key", info.machineKey),
        ] + (info.libraries ?? []).enumerated().map { index, library in (index == 0 ? "libraries" : "", library) }
        let width = rows.map(\.0.count).max() ?? 0
        for (key, value) in rows { print(key.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + value) }
    }
}
