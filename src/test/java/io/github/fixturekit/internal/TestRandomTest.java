package io.github.fixturekit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A test's one source of randomness: its seed, and the unique UUIDs it draws. */
class TestRandomTest {

  private static final long LOW_48 = 0xFFFF_FFFF_FFFFL;

  @Test
  void keepsItsSeedAndRepeatsItsValuesForIt() {
    TestRandom first = new TestRandom(42L);
    TestRandom again = new TestRandom(42L);

    assertThat(first.seed()).isEqualTo(42L);
    assertThat(first.nextSeed()).isEqualTo(again.nextSeed());
    assertThat(first.uniqueUuid(7)).isEqualTo(again.uniqueUuid(7));
    assertThat(first.random().nextInt()).isEqualTo(again.random().nextInt());
  }

  @Test
  void uniqueUuidsAreVersion4OfTheIetfVariantWithTheSequenceInTheirLow48Bits() {
    TestRandom random = new TestRandom(2026L);
    for (long sequence : new long[] {0, 1, 255, 1L << 40, LOW_48}) {
      UUID uuid = random.uniqueUuid(sequence);

      assertThat(uuid.version()).as("version of %s", uuid).isEqualTo(4);
      assertThat(uuid.variant()).as("variant of %s", uuid).isEqualTo(2);
      assertThat(uuid.getLeastSignificantBits() & LOW_48).isEqualTo(sequence);
      assertThat(UUID.fromString(uuid.toString())).isEqualTo(uuid);
    }
  }

  @Test
  void onlyTheLow48BitsOfALongerSequenceAreUsed() {
    UUID uuid = new TestRandom(1L).uniqueUuid((5L << 48) | 9L);

    assertThat(uuid.getLeastSignificantBits() & LOW_48).isEqualTo(9L);
    assertThat(uuid.variant()).isEqualTo(2);
  }

  @Test
  void theOtherBitsAreRandom() {
    TestRandom random = new TestRandom(99L);
    Set<Long> highs = new HashSet<>();
    Set<Long> randomLowBits = new HashSet<>();
    List<UUID> sameSequence = new ArrayList<>();
    for (int i = 0; i < 64; i++) {
      UUID uuid = random.uniqueUuid(3);
      sameSequence.add(uuid);
      highs.add(uuid.getMostSignificantBits());
      randomLowBits.add((uuid.getLeastSignificantBits() >>> 48) & 0x3FFFL);
    }

    assertThat(highs).as("the high 64 bits, apart from the version").hasSize(64);
    assertThat(randomLowBits)
        .as("the 14 random bits between the variant and the sequence")
        .hasSizeGreaterThan(32);
    assertThat(new HashSet<>(sameSequence)).hasSize(64);
  }
}
