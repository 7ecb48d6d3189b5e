package io.github.fixturekit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.fixturekit.internal.FixtureSettings.DatabaseChoice;
import io.github.fixturekit.internal.database.DatabaseConfig;
import io.github.fixturekit.internal.database.ForeignDatabase;
import io.github.fixturekit.internal.database.ServerDatabase;
import io.github.fixturekit.internal.database.SilentServer;
import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * {@code fixturekit.database}: what {@code auto} picks, and what an explicit choice that cannot be
 * met says. Cases that change what a JVM knows about Docker run in a JVM of their own.
 */
class DatabaseChoiceTest {

  private static final String THREE_WAYS = "provided one of three ways: (1) external";

  @Nested
  class Auto {

    @Test
    void takesTheExternalServerWhenAUrlIsSet() {
      assumeTrue(
          ForeignDatabase.serverAnswers(), "no PostgreSQL server at " + ForeignDatabase.SERVER_URL);
      DatabaseConfig config =
          DatabaseConfig.defaults(
              ForeignDatabase.SERVER_URL,
              ForeignDatabase.SERVER_USER,
              ForeignDatabase.SERVER_PASSWORD);
      try (ServerDatabase database = FixtureRuntime.chooseAndStart(DatabaseChoice.AUTO, config)) {
        assertThat(database.provider()).isEqualTo("external");
      }
    }

    @Test
    void fallsBackToEmbeddedWithinTheProbeBoundWhenDockerHangs() throws Exception {
      try (SilentServer docker = new SilentServer()) {
        ChildJvm.Result result =
            ChildJvm.start("auto")
                .env("DOCKER_HOST", "tcp://127.0.0.1:" + docker.port())
                .env("FIXTUREKIT_TIMEOUT_DOCKER_PROBE", "1s")
                .run();

        assertThat(result.exitCode()).as("%s", result).isZero();
        assertThat(result.fact("provider")).isEqualTo("embedded");
        assertThat(result.output()).contains("the Docker engine did not answer within 1000 ms");
        assertThat(Long.parseLong(result.fact("millis")))
            .as("probe bound plus an embedded start")
            .isLessThan(20_000);
      }
    }

    @Test
    void fallsBackToEmbeddedWithoutTestcontainersOnTheClasspath() throws Exception {
      ChildJvm.Result result = withoutTestcontainers(ChildJvm.start("auto")).run();

      assertThat(result.exitCode()).as("%s", result).isZero();
      assertThat(result.fact("provider")).isEqualTo("embedded");
    }
  }

  @Nested
  class ExplicitChoiceThatCannotBeMet {

    @Test
    void externalWithoutAUrl() {
      DatabaseConfig config = DatabaseConfig.defaults(null, null, null);
      assertThatThrownBy(() -> FixtureRuntime.chooseAndStart(DatabaseChoice.EXTERNAL, config))
          .isInstanceOf(ExtensionConfigurationException.class)
          .hasMessageStartingWith(
              "fixturekit.database is [external] but fixturekit.jdbc.url is not set.")
          .hasMessageContaining(THREE_WAYS)
          .hasMessageContaining("(2) testcontainers")
          .hasMessageContaining("(3) embedded");
    }

    @Test
    void testcontainersWithoutTheLibrary() throws Exception {
      ChildJvm.Result result = withoutTestcontainers(ChildJvm.start("testcontainers")).run();

      assertThat(result.exitCode()).as("%s", result).isEqualTo(2);
      assertThat(result.fact("error"))
          .startsWith(
              "fixturekit.database is [testcontainers] but org.testcontainers:testcontainers-postgresql (2.x) is not on the test classpath.")
          .contains(THREE_WAYS);
    }

    @Test
    void testcontainersWithADockerEngineThatDoesNotAnswer() throws Exception {
      try (SilentServer docker = new SilentServer()) {
        ChildJvm.Result result =
            ChildJvm.start("testcontainers")
                .env("DOCKER_HOST", "tcp://127.0.0.1:" + docker.port())
                .env("FIXTUREKIT_TIMEOUT_DOCKER_PROBE", "1s")
                .timeout(Duration.ofSeconds(60))
                .run();

        assertThat(result.exitCode()).as("%s", result).isEqualTo(2);
        assertThat(result.fact("error"))
            .startsWith(
                "fixturekit.database is [testcontainers] but the Docker engine did not answer within 5000 ms")
            .contains(THREE_WAYS);
        assertThat(Long.parseLong(result.fact("millis"))).isLessThan(15_000);
      }
    }
  }

  private static ChildJvm withoutTestcontainers(ChildJvm child) {
    return child.withoutClasspathEntries(
        entry ->
            entry.contains("/org/testcontainers/") || entry.contains("/com/github/docker-java/"));
  }
}
