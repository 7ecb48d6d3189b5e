package io.github.fixturekit.internal.testcontainers;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Predicate;
import org.testcontainers.DockerClientFactory;

/** Asks Docker, through Testcontainers, whether an engine answers; never waits longer than told. */
final class DockerProbe {

  private static final Object LOCK = new Object();
  private static Optional<String> answer;

  private DockerProbe() {}

  static Optional<String> unavailable(Duration timeout) {
    synchronized (LOCK) {
      if (answer != null) {
        return answer;
      }
      Optional<String> found =
          probe(
              timeout,
              anyEngineConfigured(),
              () -> DockerClientFactory.instance().isDockerAvailable());
      // an interrupted probe says nothing about Docker: the next test asks again
      if (!Thread.currentThread().isInterrupted()) {
        answer = found;
      }
      return found;
    }
  }

  /**
   * Why no Docker engine can be used, or empty when one answers: none when {@code engineConfigured}
   * is false, else what {@code askDocker} answers on a thread of its own within {@code timeout}
   * (the thread is cancelled after it).
   */
  static Optional<String> probe(
      Duration timeout, boolean engineConfigured, Callable<Boolean> askDocker) {
    if (!engineConfigured) {
      return Optional.of(
          "no Docker engine is configured (no DOCKER_HOST, no docker.sock, no"
              + " ~/.testcontainers.properties)");
    }
    FutureTask<Boolean> task = new FutureTask<>(askDocker);
    Thread thread = new Thread(task, "fixturekit-docker-probe");
    thread.setDaemon(true);
    thread.start();
    try {
      return task.get(timeout.toMillis(), TimeUnit.MILLISECONDS)
          ? Optional.empty()
          : Optional.of("no Docker engine answered (see the Testcontainers log above)");
    } catch (TimeoutException e) {
      task.cancel(true);
      return Optional.of(
          "the Docker engine did not answer within "
              + timeout.toMillis()
              + " ms (fixturekit.timeout.docker-probe; Testcontainers' first contact also starts its"
              + " Ryuk container, see its log)");
    } catch (ExecutionException e) {
      return Optional.of("asking Docker failed: " + e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.of("interrupted while asking Docker");
    }
  }

  /**
   * A cheap look for any sign of an engine before Testcontainers searches (and logs at length);
   * where it cannot tell, it lets Testcontainers look.
   */
  private static boolean anyEngineConfigured() {
    return anyEngineConfigured(System::getenv, System::getProperty, Files::exists);
  }

  /**
   * The same look on the given environment variables, system properties and files: an engine named
   * by {@code DOCKER_HOST} or {@code TESTCONTAINERS_DOCKER_SOCKET_OVERRIDE}, Windows (where it
   * cannot tell), or a Docker socket or {@code ~/.testcontainers.properties} in one of the usual
   * places.
   */
  static boolean anyEngineConfigured(
      Function<String, String> env,
      Function<String, String> systemProperty,
      Predicate<Path> exists) {
    if (env.apply("DOCKER_HOST") != null
        || env.apply("TESTCONTAINERS_DOCKER_SOCKET_OVERRIDE") != null
        || Objects.requireNonNullElse(systemProperty.apply("os.name"), "")
            .toLowerCase(Locale.ROOT)
            .contains("win")) {
      return true;
    }
    String home = Objects.requireNonNullElse(systemProperty.apply("user.home"), "");
    String runtime = env.apply("XDG_RUNTIME_DIR");
    List<Path> candidates =
        List.of(
            Path.of("/var/run/docker.sock"),
            Path.of(home, ".testcontainers.properties"),
            Path.of(home, ".docker", "run", "docker.sock"),
            Path.of(home, ".docker", "desktop", "docker.sock"),
            Path.of(home, ".colima", "docker.sock"),
            Path.of(home, ".colima", "default", "docker.sock"),
            Path.of(home, ".rd", "docker.sock"),
            Path.of(runtime == null ? "/run/user/0" : runtime, "docker.sock"));
    return candidates.stream().anyMatch(exists);
  }
}
