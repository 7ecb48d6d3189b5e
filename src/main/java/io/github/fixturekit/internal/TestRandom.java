package io.github.fixturekit.internal;

import java.util.Random;
import java.util.UUID;

/**
 * The one source of randomness of a test: every random value a factory makes comes from it, so the
 * same seed gives the same values. Confined to the test's thread, like its session.
 */
public final class TestRandom {

  private final long seed;
  private final Random random;

  public TestRandom(long seed) {
    this.seed = seed;
    this.random = new Random(seed);
  }

  /** A random seed, for factories used outside the extension. */
  public static TestRandom unpinned() {
    return new TestRandom(Seeds.fresh());
  }

  public long seed() {
    return seed;
  }

  /** The generator itself, for user code that wants seeded randomness. */
  public Random random() {
    return random;
  }

  /** A seed for one Instancio call. */
  long nextSeed() {
    return random.nextLong();
  }

  /**
   * A version 4 UUID whose low 48 bits are {@code sequence}: random-looking, yet unique for as long
   * as the sequence does not repeat.
   */
  UUID uniqueUuid(long sequence) {
    long high = (random.nextLong() & ~0xF000L) | 0x4000L;
    long low =
        0x8000_0000_0000_0000L
            | ((random.nextLong() & 0x3FFFL) << 48)
            | (sequence & 0xFFFF_FFFF_FFFFL);
    return new UUID(high, low);
  }
}
