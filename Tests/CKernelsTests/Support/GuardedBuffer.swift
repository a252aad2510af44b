/// Float buffers with guard cells on both sides, so a test can see a kernel writing past
/// `count` (or before the start), and with a chosen misalignment from a 64-byte boundary.
final class GuardedBuffer {
    static let guardCount = 32
    /// A NaN with a payload no kernel produces; compared by bit pattern.
    static let guardBits: UInt32 = 0x7FC0_DEAD

    let count: Int
    let offset: Int
    private let raw: UnsafeMutableRawPointer
    private let all: UnsafeMutablePointer<Float>
    private let total: Int

    /// `offset` floats past a 64-byte boundary (0 = aligned, 1 = misaligned by 4 bytes).
    init(count: Int, offset: Int = 0) {
        self.count = count
        self.offset = offset
        total = offset + count + 2 * Self.guardCount
        raw = UnsafeMutableRawPointer.allocate(byteCount: total * MemoryLayout<Float>.stride, alignment: 64)
        all = raw.bindMemory(to: Float.self, capacity: total)
        all.initialize(repeating: Float(bitPattern: Self.guardBits), count: total)
    }

    deinit { raw.deallocate() }

    /// The first of the `count` usable floats.
    var pointer: UnsafeMutablePointer<Float> { all + offset + Self.guardCount }

    var values: [Float] { Array(UnsafeBufferPointer(start: pointer, count: count)) }

    func fill(_ values: [Float]) {
        precondition(values.count == count)
        guard count > 0 else { return }
        values.withUnsafeBufferPointer { pointer.update(from: $0.baseAddress!, count: count) }
    }

    /// Whether every cell outside the usable range still holds the guard pattern.
    var guardsIntact: Bool {
        let before = 0..<(offset + Self.guardCount)
        let after = (offset + Self.guardCount + count)..<total
        return (before.allSatisfy { all[$0].bitPattern == Self.guardBits })
            && (after.allSatisfy { all[$0].bitPattern == Self.guardBits })
    }
}
