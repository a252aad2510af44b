@testable import BenchKit
import Foundation
import Testing

@Suite struct MachineInfoTests {
    @Test func keyNamesFamilyAndModelButNotStepping() {
        let key = MachineInfo.machineKey(cpuModel: "AMD EPYC", cpuSignature: "family 25 model 17 stepping 1",
                                         widestISA: "avx512f", logicalCores: 2)
        #expect(key == "AMD EPYC family 25 model 17 | avx512f | 2 cores")
        #expect(ResultsDirectory.slug(key) == "amd-epyc-family-25-model-17-avx512f-2-cores")
        let otherStepping = MachineInfo.machineKey(cpuModel: "AMD EPYC", cpuSignature: "family 25 model 17 stepping 2",
                                                   widestISA: "avx512f", logicalCores: 2)
        #expect(otherStepping == key)
    }

    /// The same brand string on two microarchitectures (Zen 4 and Zen 5 under KVM) gives two keys.
    @Test func sameBrandOnAnotherFamilyIsAnotherMachine() {
        let zen4 = MachineInfo.machineKey(cpuModel: "AMD EPYC", cpuSignature: "family 25 model 17 stepping 1",
                                          widestISA: "avx512f", logicalCores: 2)
        let zen5 = MachineInfo.machineKey(cpuModel: "AMD EPYC", cpuSignature: "family 26 model 2 stepping 1",
                                          widestISA: "avx512f", logicalCores: 2)
        #expect(zen4 != zen5)
        #expect(ResultsDirectory.slug(zen4) != ResultsDirectory.slug(zen5))
    }

    @Test func olderKeyDropsFamilyAndModel() {
        #expect(MachineInfo.keyWithoutFamilyAndModel("AMD EPYC family 25 model 17 | avx512f | 2 cores")
                == "AMD EPYC | avx512f | 2 cores")
        #expect(MachineInfo.keyWithoutFamilyAndModel("AMD EPYC | avx2 | 2 cores") == nil)
        #expect(MachineInfo.keyWithoutFamilyAndModel("Neoverse | baseline | 4 cores") == nil)
    }

    @Test func keyWithoutSignatureIsBrandIsaAndCores() {
        #expect(MachineInfo.machineKey(cpuModel: "Neoverse", cpuSignature: nil, widestISA: "baseline", logicalCores: 4)
                == "Neoverse | baseline | 4 cores")
    }

    @Test func currentMachineRecordsItsSignatureInTheKey() throws {
        let info = MachineInfo.current()
        #if arch(x86_64)
        let signature = try #require(info.cpuSignature)
        #expect(signature.hasPrefix("family "))
        #expect(signature.contains(" model ") && signature.contains(" stepping "))
        #expect(info.machineKey.contains(signature.components(separatedBy: " stepping ")[0]))
        #expect(info.cpuDescription == "\(info.cpuModel) (\(signature))")
        #else
        #expect(info.cpuSignature == nil)
        #endif
    }

    /// The numbers are the ones the kernel prints, so a reader can check a report against its machine.
    @Test func signatureMatchesProcCpuinfo() throws {
        #if arch(x86_64) && os(Linux)
        let text = try String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)
        let first = text.components(separatedBy: "\n\n")[0]
        func field(_ name: String) -> String? {
            first.split(separator: "\n").first { $0.split(separator: ":")[0].trimmingCharacters(in: .whitespaces) == name }
                .map { String($0.split(separator: ":")[1]).trimmingCharacters(in: .whitespaces) }
        }
        let family = try #require(field("cpu family")), model = try #require(field("model")), stepping = try #require(field("stepping"))
        #expect(Machine.cpuSignature == "family \(family) model \(model) stepping \(stepping)")
        #endif
    }

    /// Reports written before the signature was recorded still decode; new ones carry it.
    @Test func signatureIsOptionalInJSON() throws {
        var machine = ReportFixture.machine
        let old = try JSONEncoder().encode(machine)
        #expect(!String(decoding: old, as: UTF8.self).contains("cpu_signature"))
        #expect(try JSONDecoder().decode(MachineInfo.self, from: old).cpuSignature == nil)
        machine.cpuSignature = "family 6 model 143 stepping 8"
        let new = try JSONDecoder().decode(MachineInfo.self, from: try JSONEncoder().encode(machine))
        #expect(new.cpuSignature == "family 6 model 143 stepping 8")
        #expect(new.cpuDescription == "Test CPU 9000 (family 6 model 143 stepping 8)")
    }
}
