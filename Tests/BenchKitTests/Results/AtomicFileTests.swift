import Foundation
import Testing
@testable import BenchKit

@Suite struct AtomicFileTests {
    /// A fresh empty directory, removed after `body`.
    private func withDirectory(_ body: (String) throws -> Void) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("atomic-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: false)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try body(dir)
    }

    private func contents(_ dir: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: dir).sorted()
    }

    @Test func writesTheBytesAndNothingElse() throws {
        try withDirectory { dir in
            try writeAtomically(Data("hello".utf8), to: dir + "/out.json")
            #expect(FileManager.default.contents(atPath: dir + "/out.json") == Data("hello".utf8))
            let left = try contents(dir)
            #expect(left == ["out.json"])
        }
    }

    @Test func replacesAnExistingFileWhole() throws {
        try withDirectory { dir in
            let path = dir + "/out.csv"
            try writeAtomically(Data(String(repeating: "long line\n", count: 1000).utf8), to: path)
            try writeAtomically(Data("short".utf8), to: path)
            #expect(FileManager.default.contents(atPath: path) == Data("short".utf8))
            let left = try contents(dir)
            #expect(left == ["out.csv"])
        }
    }

    @Test func aMissingDirectoryIsNamedAndNothingIsCreated() throws {
        try withDirectory { dir in
            let path = dir + "/missing/out.json"
            let error = #expect(throws: FileWriteError.self) { try writeAtomically(Data("x".utf8), to: path) }
            #expect(error?.description.contains(path) == true)
            #expect(error?.description.contains("does not exist") == true)
            let left = try contents(dir)
            #expect(left == [])
        }
    }

    @Test func aFileInPlaceOfTheDirectoryIsRefused() throws {
        try withDirectory { dir in
            try Data().write(to: URL(fileURLWithPath: dir + "/plain"))
            let path = dir + "/plain/out.json"
            let error = #expect(throws: FileWriteError.self) { try writeAtomically(Data("x".utf8), to: path) }
            #expect(error?.description.contains(path) == true)
            let left = try contents(dir)
            #expect(left == ["plain"])
        }
    }

    /// The rename fails after the temporary file was written: it must be removed, not left behind.
    @Test func aFailedRenameLeavesNoTemporaryFile() throws {
        try withDirectory { dir in
            try FileManager.default.createDirectory(atPath: dir + "/taken", withIntermediateDirectories: false)
            try FileManager.default.createDirectory(atPath: dir + "/taken/inside", withIntermediateDirectories: false)
            let error = #expect(throws: FileWriteError.self) { try writeAtomically(Data("x".utf8), to: dir + "/taken") }
            #expect(error?.description.contains(dir + "/taken") == true)
            let left = try contents(dir)
            #expect(left == ["taken"])
        }
    }

    @Test(.disabled(if: getuid() == 0, "root may write to a read-only directory"))
    func anUnwritableDirectoryIsNamedAndLeftEmpty() throws {
        try withDirectory { dir in
            let locked = dir + "/locked"
            try FileManager.default.createDirectory(atPath: locked, withIntermediateDirectories: false,
                                                    attributes: [.posixPermissions: 0o555])
            defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: locked) }
            let error = #expect(throws: FileWriteError.self) { try writeAtomically(Data("x".utf8), to: locked + "/out.json") }
            #expect(error?.description.contains(locked + "/out.json") == true)
            let left = try contents(locked)
            #expect(left == [])
        }
    }
}
