package io.github.fixturekit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.fixturekit.FixtureProperties;
import io.github.fixturekit.internal.FixtureSettings.DatabaseChoice;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

class FixtureSettingsTest {

  @AfterEach
  void clearProperties() {
    System.clearProperty(FixtureProperties.DATABASE);
    System.clearProperty(FixtureProperties.ENTITIES);
  }

  @Test
  void readsJunitConfigurationParameters() {
    FixtureSettings settings =
        FixtureSettings.read(
            parameters(
                Map.of(
                    FixtureProperties.DATABASE, "Embedded",
                    FixtureProperties.ENTITIES, " com.example.model ")));

    assertThat(settings.database()).isEqualTo(DatabaseChoice.EMBEDDED);
    assertThat(settings.entities()).isEqualTo("com.example.model");
  }

  @Test
  void aSystemPropertyWinsOverAConfigurationParameter() {
    System.setProperty(FixtureProperties.ENTITIES, "from.system.property");

    FixtureSettings settings =
        FixtureSettings.read(parameters(Map.of(FixtureProperties.ENTITIES, "from.parameter")));

    assertThat(settings.entities()).isEqualTo("from.system.property");
  }

  @Test
  void blankValuesCountAsUnset() {
    System.setProperty(FixtureProperties.ENTITIES, "  ");

    FixtureSettings settings =
        FixtureSettings.read(parameters(Map.of(FixtureProperties.ENTITIES, "from.parameter")));

    assertThat(settings.entities()).isEqualTo("from.parameter");
  }

  @Test
  void defaultsToAutomaticChoice() {
    assertThat(FixtureSettings.read(parameters(Map.of())).database()).isEqualTo(DatabaseChoice.AUTO);
  }

  @Test
  void rejectsAnUnknownDatabaseChoiceNamingTheValidOnes() {
    assertThatThrownBy(
            () -> FixtureSettings.read(parameters(Map.of(FixtureProperties.DATABASE, "docker"))))
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessage("fixturekit.database is [docker]; expected one of auto, external, embedded");
  }

  @Test
  void environmentVariablesAreUpperCaseWithUnderscores() {
    assertThat(FixtureSettings.environmentName("fixturekit.jdbc.url")).isEqualTo("FIXTUREKIT_JDBC_URL");
    assertThat(FixtureSettings.environmentName("fixturekit.some-key")).isEqualTo("FIXTUREKIT_SOME_KEY");
  }

  private static java.util.function.Function<String, Optional<String>> parameters(
      Map<String, String> values) {
    return key -> Optional.ofNullable(values.get(key));
  }
}
