package io.github.fixturekit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.fixturekit.FixtureProperties;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A misspelt key is named with the key that was meant; the keys fixturekit reads pass silently. */
class UnknownKeysTest {

  @Test
  void theKnownKeysAreThoseOfFixtureProperties() {
    assertThat(UnknownKeys.KNOWN)
        .contains(
            FixtureProperties.JDBC_URL, FixtureProperties.LEFTOVER_AGE, FixtureProperties.LEAKS)
        .hasSize(FixtureProperties.class.getFields().length);
  }

  @Test
  void aMisspeltSystemPropertyIsNamedWithTheNearestKey() {
    assertThat(
            UnknownKeys.warnings(
                List.of("fixturekit.jdbc.usr", "fixturekit.leftover.age", "java.home"), List.of()))
        .containsExactly(
            "fixturekit does not know the system property [fixturekit.jdbc.usr] and ignores it; did you mean"
                + " [fixturekit.jdbc.user]? The keys are listed in io.github.fixturekit.FixtureProperties",
            "fixturekit does not know the system property [fixturekit.leftover.age] and ignores it; did you mean"
                + " [fixturekit.leftover-age]? The keys are listed in io.github.fixturekit.FixtureProperties");
  }

  @Test
  void aMisspeltEnvironmentVariableIsNamedWithTheNearestVariable() {
    assertThat(
            UnknownKeys.warnings(
                List.of(), List.of("FIXTUREKIT_DATABSE", "FIXTUREKIT_JDBC_URL", "PATH")))
        .containsExactly(
            "fixturekit does not know the environment variable [FIXTUREKIT_DATABSE] and ignores it; did you mean"
                + " [FIXTUREKIT_DATABASE]? The keys are listed in io.github.fixturekit.FixtureProperties");
  }

  @Test
  void everyKnownKeyAndTheTestSuitesOwnNamesPassSilently() {
    List<String> environment =
        UnknownKeys.KNOWN.stream().map(FixtureSettings::environmentName).toList();
    assertThat(UnknownKeys.warnings(UnknownKeys.KNOWN, environment)).isEmpty();
    assertThat(
            UnknownKeys.warnings(
                List.of("fixturekit.test.other-major"), List.of("FIXTUREKIT_TEST_IMAGE")))
        .isEmpty();
  }

  @Test
  void theNearestKeyIsTheFewestEditsAway() {
    assertThat(UnknownKeys.distance("kitten", "sitting")).isEqualTo(3);
    assertThat(UnknownKeys.distance("", "abc")).isEqualTo(3);
    assertThat(UnknownKeys.distance("same", "same")).isZero();
    assertThat(UnknownKeys.nearest("fixturekit.timeout.conect", UnknownKeys.KNOWN))
        .isEqualTo(FixtureProperties.CONNECT_TIMEOUT);
    assertThat(UnknownKeys.nearest("fixturekit.Seed", UnknownKeys.KNOWN))
        .isEqualTo(FixtureProperties.SEED);
  }
}
