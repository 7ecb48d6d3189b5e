package io.github.fixturekit.internal.testcontainers;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.testcontainers.DockerClientFactory;

/** Asks Docker, through Testcontainers, whether an engine answers; never waits longer than told. */
final class DockerProbe {

  private static final Object LOCK = new Object();
  private static Optional<String> answer;

  private DockerProbe() {}

  static Optional<String> unavailable(Duration timeout) {
    synchronized (LOCK) {
      if (answer == null) {
        answer = probe(timeout);
      }
      return answer;
    }
  }

  private static Optional<String> probe(Duration timeout) {
    if (!anyEngineConfigured()) {
      return Optional.of(
          "no Docker engine is configured (no DOCKER_HOST, no docker.sock, no"
              + " ~/.testcontainers.properties)");
    }
    FutureTask<Boolean> task =
        new FutureTask<>(() -> DockerClientFactory.instance().isDockerAvailable());
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
    if (System.getenv("DOCKER_HOST") != null
        || System.getenv("TESTCONTAINERS_DOCKER_SOCKET_OVERRIDE") != null
        || System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("win")) {
      return true;
    }
    String home = System.getProperty("user.home", "");
    String runtime = System.getenv("XDG_RUNTIME_DIR");
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
    return candidates.stream().anyMatch(Files::exists);
  }
}
