/// A small seeded pseudo-random generator (SplitMix64, 可复现随机数): the same seed gives the same numbers on every
/// machine, so a demo city, a generated workload or a fuzz case can be made again from its seed. Not for secrets.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    /// The generator's state; the seed at first.
    public var state: UInt64

    /// Makes a generator.
    /// - Parameter state: The seed.
    public init(state: UInt64) {
        self.state = state
    }

    /// The next number.
    /// - Returns: 64 pseudo-random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
