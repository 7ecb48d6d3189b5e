package io.github.fixturekit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Arrays;
import org.hibernate.annotations.FractionalSeconds;
import org.junit.jupiter.api.Test;

/**
 * Temporal values cut to the fractional seconds of their column, asked of {@link Temporals} on
 * entities in memory: truncated, never rounded.
 */
class TemporalsTest {

  static final Instant AT = Instant.parse("2026-12-31T23:59:59.999999999Z");

  @Embeddable
  static class Window {
    Instant opens;
  }

  // Hibernate 7 deprecates @FractionalSeconds for @Column(secondPrecision); 6.6 has only it
  @SuppressWarnings("removal")
  @Entity
  static class Times {
    @Id Long id;

    Instant instant;

    LocalDateTime local;

    OffsetDateTime offset;

    ZonedDateTime zoned;

    LocalTime time;

    OffsetTime offsetTime;

    @FractionalSeconds(2)
    Instant hundredths;

    @FractionalSeconds(9)
    Instant nanos;

    @Column(secondPrecision = 3)
    Instant millis;

    @FractionalSeconds(0)
    Instant seconds;

    Timestamp timestamp;

    @Embedded Window window;

    final Instant fixed = AT;
  }

  static Times times() {
    Times times = new Times();
    times.instant = AT;
    times.local = LocalDateTime.ofInstant(AT, ZoneOffset.UTC);
    times.offset = AT.atOffset(ZoneOffset.ofHoursMinutes(5, 45));
    times.zoned = AT.atZone(ZoneOffset.UTC);
    times.time = LocalTime.of(23, 59, 59, 999_999_999);
    times.offsetTime = OffsetTime.of(times.time, ZoneOffset.UTC);
    times.hundredths = AT;
    times.nanos = AT;
    times.millis = AT;
    times.seconds = AT;
    times.timestamp = Timestamp.from(AT);
    times.window = new Window();
    times.window.opens = AT;
    return times;
  }

  @Test
  void timestampsKeepMicrosecondsWithoutRoundingUp() {
    Times times = times();

    Temporals.truncate(times);

    Instant micros = Instant.parse("2026-12-31T23:59:59.999999Z");
    assertThat(times.instant).isEqualTo(micros);
    assertThat(times.local).isEqualTo(LocalDateTime.ofInstant(micros, ZoneOffset.UTC));
    assertThat(times.offset).isEqualTo(micros.atOffset(ZoneOffset.ofHoursMinutes(5, 45)));
    assertThat(times.zoned).isEqualTo(micros.atZone(ZoneOffset.UTC));
    assertThat(times.window.opens).as("in an embedded value").isEqualTo(micros);
  }

  @Test
  void timesKeepWholeSeconds() {
    Times times = times();

    Temporals.truncate(times);

    assertThat(times.time).isEqualTo(LocalTime.of(23, 59, 59));
    assertThat(times.offsetTime).isEqualTo(OffsetTime.of(LocalTime.of(23, 59, 59), ZoneOffset.UTC));
  }

  @Test
  void aDeclaredPrecisionIsKeptUpToMicroseconds() throws NoSuchFieldException {
    Times times = times();

    Temporals.truncate(times);

    assertThat(times.hundredths).isEqualTo(Instant.parse("2026-12-31T23:59:59.99Z"));
    assertThat(times.nanos)
        .as("PostgreSQL keeps 6 digits at most")
        .isEqualTo(Instant.parse("2026-12-31T23:59:59.999999Z"));
  }

  @Test
  void aDeclaredPrecisionOfNoDigitsKeepsWholeSeconds() throws NoSuchFieldException {
    Times times = times();

    Temporals.truncate(times);

    assertThat(times.seconds).isEqualTo(Instant.parse("2026-12-31T23:59:59Z"));
  }

  @Test
  void theDeclaredDigitsAreReadFromFractionalSeconds() throws NoSuchFieldException {
    assertThat(Temporals.declaredDigits(Times.class.getDeclaredField("hundredths"))).isEqualTo(2);
    assertThat(Temporals.declaredDigits(Times.class.getDeclaredField("nanos"))).isEqualTo(9);
    assertThat(Temporals.declaredDigits(Times.class.getDeclaredField("seconds"))).isZero();
    assertThat(Temporals.declaredDigits(Times.class.getDeclaredField("instant")))
        .as("nothing declared")
        .isEqualTo(-1);
  }

  @Test
  void aSqlTimestampKeepsMicrosecondsInACopy() {
    Times times = times();
    Timestamp given = times.timestamp;

    Temporals.truncate(times);

    assertThat(times.timestamp.toInstant()).isEqualTo(Instant.parse("2026-12-31T23:59:59.999999Z"));
    assertThat(given.getNanos()).as("the test's own object").isEqualTo(999_999_999);
  }

  @Test
  void aColumnsSecondPrecision() throws NoSuchFieldException {
    assumeTrue(
        Arrays.stream(Column.class.getMethods())
            .anyMatch(m -> m.getName().equals("secondPrecision")),
        "@Column(secondPrecision) is JPA 3.2");
    Times times = times();

    Temporals.truncate(times);

    assertThat(times.millis).isEqualTo(Instant.parse("2026-12-31T23:59:59.999Z"));
    assertThat(Temporals.declaredDigits(Times.class.getDeclaredField("millis"))).isEqualTo(3);
  }

  @Test
  void aFinalFieldAndNullsAreLeftAsTheyAre() {
    Times times = new Times();

    Temporals.truncate(times);

    assertThat(times.fixed).isEqualTo(AT);
    assertThat(times.instant).isNull();
  }
}
