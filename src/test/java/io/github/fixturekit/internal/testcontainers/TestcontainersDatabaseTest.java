package io.github.fixturekit.internal.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import io.github.fixturekit.internal.FixtureRuntime;
import io.github.fixturekit.internal.FixtureSettings.DatabaseChoice;
import io.github.fixturekit.internal.database.DatabaseConfig;
import io.github.fixturekit.internal.database.ExternalDatabase;
import io.github.fixturekit.internal.database.ServerDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.utility.TestcontainersConfiguration;

/**
 * The Testcontainers provider on a real Docker engine, with the image {@code .ci/postgres-image.sh}
 * builds ({@code FIXTUREKIT_TEST_IMAGE}, default {@code fixturekit/postgres:15}). Without an engine
 * or the image these tests are skipped, with the reason; with {@code
 * FIXTUREKIT_TEST_REQUIRE_DOCKER=true} (as in {@code .ci/run}) they fail instead.
 */
@ExtendWith(TestcontainersDatabaseTest.DockerAndImage.class)
class TestcontainersDatabaseTest {

  static final String IMAGE =
      System.getenv().getOrDefault("FIXTUREKIT_TEST_IMAGE", "fixturekit/postgres:15");
  static final String BROKEN_IMAGE = IMAGE + "-broken";
  static final boolean REQUIRED =
      "true".equalsIgnoreCase(System.getenv("FIXTUREKIT_TEST_REQUIRE_DOCKER"));

  /**
   * Disables every test, with the reason (also printed, so a build log shows it), where Docker or
   * the image is missing; where they are required, lets the tests run and fail.
   */
  static final class DockerAndImage implements ExecutionCondition {

    private static volatile Optional<String> missing;

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      Optional<String> why = missing();
      if (why.isEmpty() || REQUIRED) {
        return ConditionEvaluationResult.enabled(
            "Docker and [" + IMAGE + "] are there, or required");
      }
      return ConditionEvaluationResult.disabled(why.get());
    }

    static synchronized Optional<String> missing() {
      if (missing == null) {
        Optional<String> unavailable = TestcontainersProvider.unavailable(Duration.ofSeconds(10));
        if (unavailable.isPresent()) {
          missing =
              Optional.of(
                  "Testcontainers tests skipped: no Docker engine: "
                      + unavailable.get()
                      + " (.ci/run starts one)");
        } else if (!imageExists(IMAGE)) {
          missing =
              Optional.of(
                  "Testcontainers tests skipped: image ["
                      + IMAGE
                      + "] is not on the Docker engine; build it with .ci/postgres-image.sh");
        } else {
          missing = Optional.empty();
        }
        missing.ifPresent(reason -> System.err.println("fixturekit: " + reason));
      }
      return missing;
    }
  }

  @BeforeAll
  static void dockerAndImageWhenRequired() {
    DockerAndImage.missing()
        .ifPresent(reason -> fail("FIXTUREKIT_TEST_REQUIRE_DOCKER is set but " + reason));
  }

  static DatabaseConfig config(String image) {
    return DatabaseConfig.defaults(null, null, null)
        .withImage(image)
        .withTimeouts(Duration.ofSeconds(60), Duration.ofSeconds(10), Duration.ofSeconds(10));
  }

  @Nested
  class Container {

    @Test
    void isTunedForTestsKeepsItsDataOnTmpfsAndIsRemovedOnClose() throws SQLException {
      TestcontainersDatabase database =
          (TestcontainersDatabase) TestcontainersProvider.start(config(IMAGE));
      String id = database.containerId();
      try {
        assertThat(database.provider()).isEqualTo("testcontainers");
        assertThat(database.serverVersion()).startsWith("15.");
        assertThat(settings(database, "fsync", "synchronous_commit", "full_page_writes"))
            .isEqualTo(
                Map.of("fsync", "off", "synchronous_commit", "off", "full_page_writes", "off"));
        assertThat(string(database, "select current_database()"))
            .as("the container is the JVM's own")
            .isEqualTo("fixturekit");
        Map<String, String> tmpfs =
            docker().inspectContainerCmd(id).exec().getHostConfig().getTmpFs();
        assertThat(tmpfs).containsKey(TestcontainersDatabase.PGDATA);
        assertThat(string(database, "show data_directory"))
            .isEqualTo(TestcontainersDatabase.PGDATA);
      } finally {
        database.close();
      }
      assertThatThrownBy(() -> docker().inspectContainerCmd(id).exec())
          .isInstanceOf(NotFoundException.class);
      database.close();
    }

    @Test
    void autoChoosesTestcontainersWhenDockerAnswersAndNoUrlIsSet() {
      try (ServerDatabase database =
          FixtureRuntime.chooseAndStart(DatabaseChoice.AUTO, config(IMAGE))) {
        assertThat(database.provider()).isEqualTo("testcontainers");
      }
    }

    @Test
    void reuseKeepsOneContainerForSeveralStartsEachWithItsOwnDatabase() throws SQLException {
      assumeTrue(
          TestcontainersConfiguration.getInstance().environmentSupportsReuse(),
          "container reuse is not enabled for Testcontainers here (testcontainers.reuse.enable=true"
              + " in ~/.testcontainers.properties, or TESTCONTAINERS_REUSE_ENABLE=true)");
      DatabaseConfig reuse =
          new DatabaseConfig(
              null,
              null,
              null,
              IMAGE,
              true,
              null,
              DatabaseConfig.defaultCacheDir(),
              Duration.ofHours(1),
              Duration.ofSeconds(60),
              Duration.ofSeconds(10),
              Duration.ofSeconds(10));
      TestcontainersDatabase first = (TestcontainersDatabase) TestcontainersProvider.start(reuse);
      String id = first.containerId();
      try {
        TestcontainersDatabase second =
            (TestcontainersDatabase) TestcontainersProvider.start(reuse);
        try {
          assertThat(second.containerId()).isEqualTo(id);
          assertThat(string(second, "select current_database()"))
              .isNotEqualTo(string(first, "select current_database()"));
        } finally {
          second.close();
        }
        first.close();
        assertThat(docker().inspectContainerCmd(id).exec().getState().getRunning())
            .as("a reused container outlives its users")
            .isTrue();
      } finally {
        first.close();
        docker().removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec();
      }
    }
  }

  @Nested
  class Errors {

    @Test
    void anImageWhoseServerNeverStarts() {
      assumeTrue(
          imageExists(BROKEN_IMAGE),
          "no [" + BROKEN_IMAGE + "]: .ci/postgres-image.sh --broken builds it");
      long started = System.nanoTime();
      DatabaseConfig config =
          config(BROKEN_IMAGE)
              .withTimeouts(Duration.ofSeconds(20), Duration.ofSeconds(10), Duration.ofSeconds(10));
      assertThatThrownBy(() -> TestcontainersProvider.start(config))
          .isInstanceOf(ExtensionConfigurationException.class)
          .hasMessageContaining(
              "could not start the testcontainers PostgreSQL from image [" + BROKEN_IMAGE + "]")
          .hasMessageContaining("fixturekit.testcontainers.image")
          .hasMessageContaining("fixturekit.timeout.startup");
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(60));
    }

    @Test
    void anImageThatCannotBeFound() {
      String missing = "fixturekit/no-such-image:1";
      assertThatThrownBy(() -> TestcontainersProvider.start(config(missing)))
          .isInstanceOf(ExtensionConfigurationException.class)
          .hasMessageContaining(
              "could not start the testcontainers PostgreSQL from image [" + missing + "]")
          .hasMessageContaining("docker pull " + missing);
    }

    @Test
    void aWrongPasswordForTheContainersServer() {
      TestcontainersDatabase database =
          (TestcontainersDatabase) TestcontainersProvider.start(config(IMAGE));
      try {
        String serverUrl = database.jdbcUrl().replaceFirst("/fixturekit_[^?]*", "/fixturekit");
        DatabaseConfig wrong =
            config(IMAGE).withServer(serverUrl, TestcontainersDatabase.USER, "not-the-password");
        assertThatThrownBy(() -> ExternalDatabase.create(wrong, "testcontainers"))
            .isInstanceOf(ExtensionConfigurationException.class)
            .hasMessageContaining("on the testcontainers server")
            .hasMessageContaining("refused user [fixturekit] (wrong password or no access)");
      } finally {
        database.close();
      }
    }

    @Test
    void aBadImageName() {
      assertThatThrownBy(() -> TestcontainersProvider.start(config("UPPER case/not an image")))
          .isInstanceOf(ExtensionConfigurationException.class)
          .hasMessageContaining("fixturekit.testcontainers.image is [UPPER case/not an image]");
    }
  }

  static DockerClient docker() {
    return DockerClientFactory.instance().client();
  }

  static boolean imageExists(String image) {
    try {
      docker().inspectImageCmd(image).exec();
      return true;
    } catch (NotFoundException e) {
      return false;
    }
  }

  private static Map<String, String> settings(ServerDatabase database, String... names)
      throws SQLException {
    Map<String, String> values = new java.util.TreeMap<>();
    for (String name : names) {
      values.put(name, string(database, "show " + name));
    }
    return values;
  }

  private static String string(ServerDatabase database, String sql) throws SQLException {
    try (Connection c =
            DriverManager.getConnection(
                database.jdbcUrl(), database.username(), database.password());
        ResultSet rs = c.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }
}
