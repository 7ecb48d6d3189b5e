package io.github.fixturekit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.persistence.Column;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Size;
import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The values of unique columns, asked of {@link UniqueValues} directly. Each column counts its own
 * values for the whole JVM, so the checks compare a value with the one before it rather than with a
 * fixed number: a test that runs twice in one JVM sees the count go on.
 */
class UniqueValuesTest {

  private final TestRandom random = new TestRandom(42);

  enum Size3 {
    SMALL,
    MEDIUM,
    LARGE
  }

  @SuppressWarnings("unused")
  static class Columns {
    @Column(length = 10)
    String code;

    @Column(length = 1)
    String letter;

    @Column(length = 40)
    String email;

    @Email
    @Column(length = 40)
    String contact;

    @Column(length = 14)
    String workEmail;

    @Size(max = 6)
    String shortBySize;

    String plain;

    Long number;

    int count;

    short small;

    BigInteger big;

    @Column(precision = 5, scale = 2)
    BigDecimal amount;

    BigDecimal whole;

    UUID key;

    LocalDate day;

    Size3 size;

    Boolean flag;
  }

  static Field field(String name) {
    return TestFields.field(Columns.class, name);
  }

  private Object next(String name, Object current) {
    return UniqueValues.next(field(name), current, random);
  }

  /** The number a value ends with, after its last underscore, dot or at-sign part. */
  static long suffix(String value) {
    String digits = value.replaceAll("^.*?(\\d+)(@example\\.org)?$", "$1");
    return Long.parseLong(digits);
  }

  @Test
  void aStringKeepsItsRandomHeadAndEndsWithTheColumnsCountWithinItsLength() {
    String first = (String) next("code", "abcdefghijk");
    String second = (String) next("code", "abcdefghijk");

    assertThat(first).hasSizeLessThanOrEqualTo(10).matches("abc[a-k]*_\\d+");
    assertThat(suffix(second)).isEqualTo(suffix(first) + 1);
    assertThat(second).startsWith("abc").endsWith("_" + suffix(second));
  }

  @Test
  void aStringUsesTheWholeLengthOfItsColumn() {
    String value = (String) next("code", "abcdefghijklmnop");
    String count = Long.toString(suffix(value));

    assertThat(value)
        .hasSize(10)
        .isEqualTo("abcdefghijklmnop".substring(0, 9 - count.length()) + "_" + count);
  }

  @Test
  void aColumnTooShortForTheNextCountSaysSo() {
    List<Object> values = new ArrayList<>();
    assertThatThrownBy(
            () -> {
              for (int i = 0; i < 20; i++) {
                values.add(next("letter", "x"));
              }
            })
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("unique column [Columns.letter] has length 1");
    assertThat(values).allSatisfy(v -> assertThat((String) v).matches("\\d"));
  }

  @Test
  void anEmailColumnGetsAnAddressAtExampleOrg() {
    String value = (String) next("email", "Ab3Cd");
    String count = Long.toString(suffix(value));

    assertThat(value).isEqualTo("abcd." + count + "@example.org");
  }

  @Test
  void anAtEmailColumnToo() {
    assertThat((String) next("contact", "Mary-Jane")).matches("maryjane\\.\\d+@example\\.org");
  }

  @Test
  void anEmailWithoutLettersStartsWithUserAndALongOneIsCut() {
    assertThat((String) next("email", "1234")).matches("user\\.\\d+@example\\.org");
    assertThat((String) next("email", "abcdefghijklmnopqrstuvwxyz"))
        .matches("abcdefghijkl\\.\\d+@example\\.org");
  }

  @Test
  void anEmailColumnTooShortForAnAddressGetsAPlainValue() {
    String value = (String) next("workEmail", "abcdefghijklmnopqrstuvwxyz");

    assertThat(value).doesNotContain("@").hasSize(14).endsWith("_" + suffix(value));
  }

  @Test
  void aSizeShorterThanTheColumnIsTheLength() {
    assertThat(UniqueValues.findMaxLength(field("shortBySize"))).isEqualTo(6);
    assertThat(UniqueValues.findMaxLength(field("plain"))).isEqualTo(255);
    assertThat(UniqueValues.findMaxLength(field("code"))).isEqualTo(10);
    assertThat(UniqueValues.maxLength(field("shortBySize"))).isEqualTo(6);
    assertThat((String) next("shortBySize", "abcdefghij")).hasSizeLessThanOrEqualTo(6);
  }

  @Test
  void aNonStringValueIsTheNonTextCurrentValueIgnored() {
    assertThat((String) next("plain", 17)).matches("_\\d+");
  }

  @Test
  void numbersCountUpPerColumn() {
    long first = (Long) next("number", 99L);
    assertThat((Long) next("number", 99L)).isEqualTo(first + 1);

    int count = (Integer) next("count", 0);
    assertThat((Integer) next("count", 0)).isEqualTo(count + 1);

    short small = (Short) next("small", (short) 0);
    assertThat((Short) next("small", (short) 0)).isEqualTo((short) (small + 1));

    BigInteger big = (BigInteger) next("big", BigInteger.ZERO);
    assertThat((BigInteger) next("big", BigInteger.ZERO)).isEqualTo(big.add(BigInteger.ONE));
  }

  @Test
  void decimalsCountInUnitsOfTheColumnsLastDigit() {
    BigDecimal first = (BigDecimal) next("amount", BigDecimal.TEN);
    BigDecimal second = (BigDecimal) next("amount", BigDecimal.TEN);

    assertThat(first.scale()).isEqualTo(2);
    assertThat(second.subtract(first)).isEqualByComparingTo("0.01");
    BigDecimal whole = (BigDecimal) next("whole", BigDecimal.TEN);
    assertThat(whole.scale()).isZero();
    assertThat(((BigDecimal) next("whole", BigDecimal.TEN)).subtract(whole))
        .isEqualByComparingTo("1");
  }

  @Test
  void uuidsAreDistinct() {
    Set<Object> keys = new HashSet<>();
    for (int i = 0; i < 100; i++) {
      keys.add(next("key", UUID.randomUUID()));
    }

    assertThat(keys).hasSize(100).allSatisfy(k -> assertThat(k).isInstanceOf(UUID.class));
  }

  @Test
  void aTypeWithoutASequenceIsLeftToTheCaller() {
    assertThat(next("day", LocalDate.EPOCH)).isNull();
  }

  @Test
  void enumsAndBooleansTakeTheirValuesInTurn() {
    List<Object> sizes = new ArrayList<>();
    List<Object> flags = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      sizes.add(next("size", Size3.SMALL));
      flags.add(next("flag", true));
    }

    assertThat(new HashSet<>(sizes.subList(0, 3)))
        .containsExactlyInAnyOrder((Object[]) Size3.values());
    assertThat(sizes.subList(3, 6)).isEqualTo(sizes.subList(0, 3));
    assertThat(flags.get(0)).isNotEqualTo(flags.get(1));
    assertThat(flags.subList(2, 6))
        .isEqualTo(List.of(flags.get(0), flags.get(1), flags.get(0), flags.get(1)));
  }
}
