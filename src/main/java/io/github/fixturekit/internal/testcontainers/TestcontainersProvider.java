package io.github.fixturekit.internal.testcontainers;

import io.github.fixturekit.internal.database.DatabaseConfig;
import io.github.fixturekit.internal.database.ServerDatabase;
import java.time.Duration;
import java.util.Optional;

/**
 * fixturekit's door to Testcontainers, which is an optional dependency: this class uses no
 * Testcontainers type, so it loads on a classpath without it, and only touches the classes that do
 * ({@link DockerProbe}, {@link TestcontainersDatabase}) once the library is known to be there.
 */
public final class TestcontainersProvider {

  static final String PROBE_CLASS = "org.testcontainers.postgresql.PostgreSQLContainer";

  private TestcontainersProvider() {}

  /** Whether {@code testcontainers-postgresql} (2.x) is on the classpath. */
  public static boolean onClasspath() {
    try {
      Class.forName(PROBE_CLASS, false, TestcontainersProvider.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  /**
   * Why Testcontainers cannot be used here, or empty when a Docker engine answered within {@code
   * timeout}. The answer is remembered for the JVM.
   */
  public static Optional<String> unavailable(Duration timeout) {
    if (!onClasspath()) {
      return Optional.of(
          "org.testcontainers:testcontainers-postgresql (2.x) is not on the test classpath");
    }
    return DockerProbe.unavailable(timeout);
  }

  /** Starts the JVM's container and creates fixturekit's database in it. */
  public static ServerDatabase start(DatabaseConfig config) {
    return TestcontainersDatabase.start(config);
  }
}
