package io.github.fixturekit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.lang.reflect.Field;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The rule a {@code @Pattern} field is filled by, read afresh from its annotations, and values
 * drawn within its length bounds.
 */
class PatternValuesTest {

  @Entity
  static class Codes {
    @Id Long id;

    @Pattern(
        regexp = "[a-z]{3}",
        flags = {Pattern.Flag.CASE_INSENSITIVE, Pattern.Flag.MULTILINE})
    @Size(min = 2)
    @Column(length = 5)
    String flagged;

    @Pattern(regexp = "[a-z]{2,6}")
    @Size(min = 3)
    @Column(length = 3)
    String exactlyThree;

    @Pattern(regexp = "[0-9]{4}")
    String digits;

    String plain;
  }

  @Entity
  static class Unsupported {
    @Id Long id;

    @Pattern(regexp = "(?<=a)b")
    String lookbehind;
  }

  @Entity
  static class TooLong {
    @Id Long id;

    @Pattern(regexp = "[a-z]{5}")
    @Column(length = 3)
    String code;
  }

  static Field field(String name) throws NoSuchFieldException {
    return Codes.class.getDeclaredField(name);
  }

  @Test
  void readsTheRegexpItsFlagsTheSizeAndTheColumnLength() throws Exception {
    PatternValues.Rule rule = PatternValues.rule(field("flagged"));

    assertThat(rule.regexp()).isEqualTo("[a-z]{3}");
    assertThat(rule.pattern().flags())
        .isEqualTo(java.util.regex.Pattern.CASE_INSENSITIVE | java.util.regex.Pattern.MULTILINE);
    assertThat(rule.minLength()).isEqualTo(2);
    assertThat(rule.maxLength()).isEqualTo(5);
    assertThat(rule.node()).isNotNull();
  }

  @Test
  void withoutSizeOrFlagsTheBoundsAreTheDefaults() throws Exception {
    PatternValues.Rule rule = PatternValues.rule(field("digits"));

    assertThat(rule.pattern().flags()).isZero();
    assertThat(rule.minLength()).isZero();
    assertThat(rule.maxLength()).isEqualTo(255);
  }

  @Test
  void aFieldWithoutPatternHasNoRule() throws Exception {
    assertThat(PatternValues.rule(field("plain")).regexp()).isNull();
    assertThat(PatternValues.hasPattern(field("plain"))).isFalse();
    assertThat(PatternValues.hasPattern(field("digits"))).isTrue();
  }

  @Test
  void aPatternItCannotGenerateFromIsRefusedNamingTheField() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> PatternValues.rule(Unsupported.class.getDeclaredField("lookbehind")))
        .withMessageContaining("[" + Unsupported.class.getName() + ".lookbehind]")
        .withMessageContaining("(?<=a)b");
  }

  @Test
  void valuesMatchThePatternAtTheLengthsAllowedIncludingBothEnds() {
    Random random = new Random(7);
    Set<Integer> lengths = new HashSet<>();
    for (int i = 0; i < 50; i++) {
      Codes codes = new Codes();
      PatternValues.fill(codes, Set.of(), random);

      assertThat(codes.exactlyThree).matches("[a-z]{3}");
      assertThat(codes.digits).matches("[0-9]{4}");
      assertThat(codes.flagged).matches("[a-zA-Z]{3}");
      assertThat(codes.plain).isNull();
      lengths.add(codes.exactlyThree.length());
    }
    assertThat(lengths).containsExactly(3);
  }

  @Test
  void aPatternNoValueOfTheColumnLengthMatchesIsReported() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> PatternValues.fill(new TooLong(), Set.of(), new Random(1)))
        .withMessageContaining(
            "[" + TooLong.class.getName() + ".code] that matches @Pattern(regexp = \"[a-z]{5}\")")
        .withMessageContaining("with a length from 0 to 3");
  }
}
