package io.github.fixturekit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.fixturekit.FixtureProperties;
import io.github.fixturekit.internal.FixtureSettings.DatabaseChoice;
import io.github.fixturekit.internal.database.DatabaseConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

class FixtureSettingsTest {

  @AfterEach
  void clearProperties() {
    System.clearProperty(FixtureProperties.DATABASE);
    System.clearProperty(FixtureProperties.ENTITIES);
  }

  @Nested
  class Sources {

    @Test
    void readsJunitConfigurationParameters() {
      FixtureSettings settings =
          read(
              Map.of(
                  FixtureProperties.DATABASE, "Embedded",
                  FixtureProperties.ENTITIES, " com.example.model "));

      assertThat(settings.database()).isEqualTo(DatabaseChoice.EMBEDDED);
      assertThat(settings.entities()).isEqualTo("com.example.model");
    }

    @Test
    void aSystemPropertyWinsOverTheEnvironmentAndAConfigurationParameter() {
      System.setProperty(FixtureProperties.ENTITIES, "from.system.property");

      FixtureSettings settings =
          FixtureSettings.read(
              parameters(Map.of(FixtureProperties.ENTITIES, "from.parameter")),
              Map.of("FIXTUREKIT_ENTITIES", "from.environment")::get);

      assertThat(settings.entities()).isEqualTo("from.system.property");
    }

    @Test
    void theEnvironmentWinsOverAConfigurationParameter() {
      FixtureSettings settings =
          FixtureSettings.read(
              parameters(Map.of(FixtureProperties.DATABASE, "embedded")),
              Map.of("FIXTUREKIT_DATABASE", "testcontainers")::get);

      assertThat(settings.database()).isEqualTo(DatabaseChoice.TESTCONTAINERS);
    }

    @Test
    void blankValuesCountAsUnset() {
      System.setProperty(FixtureProperties.ENTITIES, "  ");

      assertThat(read(Map.of(FixtureProperties.ENTITIES, "from.parameter")).entities())
          .isEqualTo("from.parameter");
    }

    @Test
    void environmentVariablesAreUpperCaseWithUnderscores() {
      assertThat(FixtureSettings.environmentName("fixturekit.jdbc.url"))
          .isEqualTo("FIXTUREKIT_JDBC_URL");
      assertThat(FixtureSettings.environmentName("fixturekit.timeout.docker-probe"))
          .isEqualTo("FIXTUREKIT_TIMEOUT_DOCKER_PROBE");
    }
  }

  @Nested
  class Defaults {

    @Test
    void automaticChoiceAnOfficialImageAndBoundedWaits() {
      FixtureSettings settings = read(Map.of());
      DatabaseConfig config = settings.databaseConfig();

      assertThat(settings.database()).isEqualTo(DatabaseChoice.AUTO);
      assertThat(config.testcontainersImage()).isEqualTo("postgres:17-alpine");
      assertThat(config.testcontainersReuse()).isFalse();
      assertThat(config.embeddedMajor()).isNull();
      assertThat(config.embeddedCacheDir()).isEqualTo(DatabaseConfig.defaultCacheDir());
      assertThat(config.leftoverAge()).isEqualTo(Duration.ofHours(1));
      assertThat(config.startupTimeout()).isEqualTo(Duration.ofSeconds(60));
      assertThat(config.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
      assertThat(config.dockerProbeTimeout()).isEqualTo(Duration.ofSeconds(3));
    }
  }

  @Nested
  class Values {

    @Test
    void everyDatabaseKey() {
      DatabaseConfig config =
          read(Map.of(
                  FixtureProperties.TESTCONTAINERS_IMAGE, "registry.example.org/pg:16",
                  FixtureProperties.TESTCONTAINERS_REUSE, "TRUE",
                  FixtureProperties.EMBEDDED_VERSION, "16",
                  FixtureProperties.EMBEDDED_CACHE_DIR, "/tmp/fk-cache",
                  FixtureProperties.LEFTOVER_AGE, "30m",
                  FixtureProperties.STARTUP_TIMEOUT, "PT2M",
                  FixtureProperties.CONNECT_TIMEOUT, "1500ms",
                  FixtureProperties.DOCKER_PROBE_TIMEOUT, "5"))
              .databaseConfig();

      assertThat(config.testcontainersImage()).isEqualTo("registry.example.org/pg:16");
      assertThat(config.testcontainersReuse()).isTrue();
      assertThat(config.embeddedMajor()).isEqualTo(16);
      assertThat(config.embeddedCacheDir()).isEqualTo(Path.of("/tmp/fk-cache"));
      assertThat(config.leftoverAge()).isEqualTo(Duration.ofMinutes(30));
      assertThat(config.startupTimeout()).isEqualTo(Duration.ofMinutes(2));
      assertThat(config.connectTimeout()).isEqualTo(Duration.ofMillis(1500));
      assertThat(config.dockerProbeTimeout()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void aMajorVersionMayBeGivenWithItsMinor() {
      assertThat(
              read(Map.of(FixtureProperties.EMBEDDED_VERSION, "17.6"))
                  .databaseConfig()
                  .embeddedMajor())
          .isEqualTo(17);
    }
  }

  @Nested
  class BadValues {

    @Test
    void anUnknownDatabaseChoiceNamesTheValidOnes() {
      assertThatThrownBy(() -> read(Map.of(FixtureProperties.DATABASE, "docker")))
          .isInstanceOf(ExtensionConfigurationException.class)
          .hasMessage(
              "fixturekit.database is [docker]; expected one of auto, external, testcontainers, embedded");
    }

    @Test
    void aDurationThatIsNotOne() {
      assertThatThrownBy(() -> read(Map.of(FixtureProperties.STARTUP_TIMEOUT, "soon")))
          .isInstanceOf(ExtensionConfigurationException.class)
          .hasMessage(
              "fixturekit.timeout.startup is [soon]; expected a positive duration such as 500ms, 30s, 5m, 1h or PT30S");
      assertThatThrownBy(() -> read(Map.of(FixtureProperties.LEFTOVER_AGE, "0s")))
          .hasMessageStartingWith("fixturekit.leftover-age is [0s]");
    }

    @Test
    void aDurationTooLargeForADurationIsReportedNotThrownAsANumberFormatException() {
      assertThatThrownBy(
              () -> read(Map.of(FixtureProperties.CONNECT_TIMEOUT, "99999999999999999999s")))
          .isInstanceOf(ExtensionConfigurationException.class)
          .hasMessage(
              "fixturekit.timeout.connect is [99999999999999999999s]; expected a positive duration such as"
                  + " 500ms, 30s, 5m, 1h or PT30S");
      assertThatThrownBy(() -> read(Map.of(FixtureProperties.LEFTOVER_AGE, "9223372036854775807d")))
          .isInstanceOf(ExtensionConfigurationException.class)
          .hasMessageStartingWith(
              "fixturekit.leftover-age is [9223372036854775807d]; expected a positive duration");
    }

    @Test
    void aTimeoutLongerThanPostgresqlAndJdbcTakeIsRefused() {
      for (String key :
          java.util.List.of(
              FixtureProperties.CONNECT_TIMEOUT,
              FixtureProperties.STARTUP_TIMEOUT,
              FixtureProperties.DOCKER_PROBE_TIMEOUT)) {
        assertThatThrownBy(() -> read(Map.of(key, "99999999999999d")))
            .isInstanceOf(ExtensionConfigurationException.class)
            .hasMessage(key + " is [99999999999999d]; expected a duration of at most 24d");
        assertThatThrownBy(() -> read(Map.of(key, "25d")))
            .hasMessage(key + " is [25d]; expected a duration of at most 24d");
      }
      assertThat(
              read(Map.of(FixtureProperties.CONNECT_TIMEOUT, "24d"))
                  .databaseConfig()
                  .connectTimeout())
          .isEqualTo(Duration.ofDays(24));
    }

    @Test
    void aLeftoverAgeOfUpToTenYears() {
      assertThat(
              read(Map.of(FixtureProperties.LEFTOVER_AGE, "3650d")).databaseConfig().leftoverAge())
          .isEqualTo(Duration.ofDays(3650));
      assertThatThrownBy(() -> read(Map.of(FixtureProperties.LEFTOVER_AGE, "3651d")))
          .isInstanceOf(ExtensionConfigurationException.class)
          .hasMessage("fixturekit.leftover-age is [3651d]; expected a duration of at most 3650d");
    }

    @Test
    void aReuseFlagThatIsNotABoolean() {
      assertThatThrownBy(() -> read(Map.of(FixtureProperties.TESTCONTAINERS_REUSE, "maybe")))
          .hasMessage("fixturekit.testcontainers.reuse is [maybe]; expected true or false");
    }

    @Test
    void aVersionThatIsNotAMajorVersion() {
      assertThatThrownBy(() -> read(Map.of(FixtureProperties.EMBEDDED_VERSION, "latest")))
          .hasMessage(
              "fixturekit.embedded.version is [latest]; expected a PostgreSQL major version such as 16 or 17");
    }
  }

  private static FixtureSettings read(Map<String, String> values) {
    return FixtureSettings.read(parameters(values), name -> null);
  }

  private static Function<String, Optional<String>> parameters(Map<String, String> values) {
    return key -> Optional.ofNullable(values.get(key));
  }
}
