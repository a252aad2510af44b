import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file of floats mapped shared, which the worker maps too: where arrays cross to the Python peers.
/// Created under /dev/shm (memory, never written to disk) where it exists, else the temporary
/// directory; the creator unlinks the path once the worker has mapped it, so nothing is left behind
/// however either process ends. Page aligned, so 64-byte aligned; zero filled.
final class SharedMemoryRegion: @unchecked Sendable {
    let id: Int
    let floats: Int
    let pointer: UnsafeMutablePointer<Float>
    private(set) var path: String?

    init(id: Int, floats: Int) throws(PeerError) {
        guard floats >= 0, floats <= Int.max / 8 else { throw .sharedMemory("cannot map \(floats) floats") }
        let directory = Self.directory
        let name = "\(directory)/bench-peer-\(getpid())-\(id)-\(UInt32.random(in: 0...UInt32.max))"
        let fd = open(name, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw .sharedMemory("cannot create \(name): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        let bytes = Swift.max(floats, 1) * MemoryLayout<Float>.stride
        guard ftruncate(fd, off_t(bytes)) == 0 else {
            let why = String(cString: strerror(errno))
            unlink(name)
            throw .sharedMemory("cannot size \(name) to \(bytes) bytes: \(why)")
        }
        let mapped = mmap(nil, bytes, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0)
        guard let mapped, mapped != MAP_FAILED else {
            let why = String(cString: strerror(errno))
            unlink(name)
            throw .sharedMemory("cannot map \(name) (\(bytes) bytes): \(why)")
        }
        self.id = id
        self.floats = floats
        self.pointer = mapped.bindMemory(to: Float.self, capacity: Swift.max(floats, 1))
        self.path = name
    }

    deinit {
        removePath()
        munmap(pointer, Swift.max(floats, 1) * MemoryLayout<Float>.stride)
    }

    /// Removes the file's name; the mappings stay valid.
    func removePath() {
        if let path { unlink(path) }
        path = nil
    }

    /// The offset in floats of `count` floats at `address`, when they lie wholly inside this region.
    func offset(of address: UnsafeRawPointer, count: Int) -> Int? {
        let start = UnsafeRawPointer(pointer)
        guard address >= start else { return nil }
        let byteOffset = address - start
        guard byteOffset % MemoryLayout<Float>.stride == 0 else { return nil }
        let offset = byteOffset / MemoryLayout<Float>.stride
        return offset + count <= floats ? offset : nil
    }

    private static let directory: String = {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: "/dev/shm", isDirectory: &isDirectory), isDirectory.boolValue,
           FileManager.default.isWritableFile(atPath: "/dev/shm") {
            return "/dev/shm"
        }
        let tmp = getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp"
        return tmp.hasSuffix("/") ? String(tmp.dropLast()) : tmp
    }()
}
