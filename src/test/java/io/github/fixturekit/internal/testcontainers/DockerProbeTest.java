package io.github.fixturekit.internal.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Whether fixturekit finds a Docker engine to start its container in, asked of {@link DockerProbe}
 * directly: the probe with a question to Docker of the test's own, and the look for a configured
 * engine with an environment, system properties and files of the test's own.
 */
class DockerProbeTest {

  static final Duration TIMEOUT = Duration.ofMillis(300);

  @Nested
  class Probe {

    @Test
    void withNoEngineConfiguredDockerIsNotAsked() {
      AtomicBoolean asked = new AtomicBoolean();

      Optional<String> answer =
          DockerProbe.probe(
              TIMEOUT,
              false,
              () -> {
                asked.set(true);
                return true;
              });

      assertThat(answer)
          .contains(
              "no Docker engine is configured (no DOCKER_HOST, no docker.sock, no"
                  + " ~/.testcontainers.properties)");
      assertThat(asked).isFalse();
    }

    @Test
    void anEngineThatAnswersIsAvailable() {
      assertThat(DockerProbe.probe(TIMEOUT, true, () -> true)).isEmpty();
    }

    @Test
    void anEngineThatDoesNotAnswerPointsToTheTestcontainersLog() {
      assertThat(DockerProbe.probe(TIMEOUT, true, () -> false))
          .contains("no Docker engine answered (see the Testcontainers log above)");
    }

    @Test
    void dockerIsAskedOnADaemonThreadOfItsOwn() {
      AtomicReference<Thread> asker = new AtomicReference<>();

      DockerProbe.probe(
          TIMEOUT,
          true,
          () -> {
            asker.set(Thread.currentThread());
            return true;
          });

      assertThat(asker.get()).isNotSameAs(Thread.currentThread());
      assertThat(asker.get().getName()).isEqualTo("fixturekit-docker-probe");
      assertThat(asker.get().isDaemon()).isTrue();
    }

    @Test
    @Timeout(10)
    void anEngineSlowerThanTheTimeoutIsGivenUpOnInTimeAndTheQuestionCancelled()
        throws InterruptedException {
      CountDownLatch cancelled = new CountDownLatch(1);
      Callable<Boolean> slow =
          () -> {
            try {
              Thread.sleep(30_000);
              return true;
            } catch (InterruptedException e) {
              cancelled.countDown();
              throw e;
            }
          };

      long start = System.nanoTime();
      Optional<String> answer = DockerProbe.probe(TIMEOUT, true, slow);
      Duration took = Duration.ofNanos(System.nanoTime() - start);

      assertThat(answer)
          .contains(
              "the Docker engine did not answer within 300 ms (fixturekit.timeout.docker-probe;"
                  + " Testcontainers' first contact also starts its Ryuk container, see its log)");
      assertThat(took).isBetween(TIMEOUT.minusMillis(50), TIMEOUT.plusSeconds(2));
      assertThat(cancelled.await(5, TimeUnit.SECONDS)).as("the question was cancelled").isTrue();
    }

    @Test
    void aQuestionThatFailsSaysHow() {
      assertThat(
              DockerProbe.probe(
                  TIMEOUT,
                  true,
                  () -> {
                    throw new IllegalStateException("no socket");
                  }))
          .contains("asking Docker failed: java.lang.IllegalStateException: no socket");
    }

    @Test
    @Timeout(10)
    void anInterruptedCallerStopsWaitingAndKeepsItsInterrupt() {
      CountDownLatch release = new CountDownLatch(1);
      Optional<String> answer;
      boolean interrupted;
      try {
        Thread.currentThread().interrupt();
        answer =
            DockerProbe.probe(
                Duration.ofSeconds(5),
                true,
                () -> {
                  release.await();
                  return true;
                });
      } finally {
        interrupted = Thread.interrupted();
        release.countDown();
      }

      assertThat(answer).contains("interrupted while asking Docker");
      assertThat(interrupted).isTrue();
    }
  }

  @Nested
  class OnThisMachine {

    @Test
    void withNoEngineConfiguredTheAnswerIsThatAndItIsKept() {
      assumeFalse(
          DockerProbe.anyEngineConfigured(System::getenv, System::getProperty, Files::exists),
          "a Docker engine is configured here: the probe would ask it");

      Optional<String> answer = DockerProbe.unavailable(TIMEOUT);

      assertThat(answer).get().asString().startsWith("no Docker engine is configured");
      assertThat(DockerProbe.unavailable(TIMEOUT)).isSameAs(answer);
    }
  }

  @Nested
  class AnyEngineConfigured {

    static final String HOME = "/home/ann";

    final Map<String, String> env = new HashMap<>();
    final Map<String, String> properties =
        new HashMap<>(Map.of("os.name", "Linux", "user.home", HOME));
    final List<Path> looked = new ArrayList<>();

    /** Notes each path looked at; only {@code present} exists. */
    Predicate<Path> existing(Path... present) {
      return path -> {
        looked.add(path);
        return List.of(present).contains(path);
      };
    }

    boolean configured(Path... present) {
      return DockerProbe.anyEngineConfigured(env::get, properties::get, existing(present));
    }

    static final List<Path> CANDIDATES =
        List.of(
            Path.of("/var/run/docker.sock"),
            Path.of(HOME, ".testcontainers.properties"),
            Path.of(HOME, ".docker/run/docker.sock"),
            Path.of(HOME, ".docker/desktop/docker.sock"),
            Path.of(HOME, ".colima/docker.sock"),
            Path.of(HOME, ".colima/default/docker.sock"),
            Path.of(HOME, ".rd/docker.sock"),
            Path.of("/run/user/0/docker.sock"));

    @Test
    void withNoSignOfAnEngineEveryUsualPlaceIsLookedAtInTurn() {
      assertThat(configured()).isFalse();
      assertThat(looked).isEqualTo(CANDIDATES);
    }

    @Test
    void aSocketOrPropertiesFileInAnyOfThosePlacesIsOne() {
      for (Path candidate : CANDIDATES) {
        looked.clear();
        assertThat(configured(candidate)).as(candidate.toString()).isTrue();
        assertThat(looked).last().isEqualTo(candidate);
      }
    }

    @Test
    void theRuntimeDirectoryOfXdgIsLookedInWhereItIsSet() {
      env.put("XDG_RUNTIME_DIR", "/run/user/1000");

      assertThat(configured(Path.of("/run/user/1000/docker.sock"))).isTrue();
      looked.clear();
      assertThat(configured(Path.of("/run/user/0/docker.sock"))).isFalse();
      assertThat(looked).last().isEqualTo(Path.of("/run/user/1000/docker.sock"));
    }

    @Test
    void dockerHostIsOneWithoutLookingAtFiles() {
      env.put("DOCKER_HOST", "tcp://127.0.0.1:2375");

      assertThat(configured()).isTrue();
      assertThat(looked).isEmpty();
    }

    @Test
    void aSocketOverrideOfTestcontainersIsOneWithoutLookingAtFiles() {
      env.put("TESTCONTAINERS_DOCKER_SOCKET_OVERRIDE", "/somewhere/docker.sock");

      assertThat(configured()).isTrue();
      assertThat(looked).isEmpty();
    }

    @Test
    void onWindowsTestcontainersIsLeftToLook() {
      properties.put("os.name", "Windows 11");

      assertThat(configured()).isTrue();
      assertThat(looked).isEmpty();
    }

    @Test
    void otherSystemsAreNot() {
      properties.put("os.name", "Mac OS X");

      assertThat(configured()).isFalse();
      assertThat(looked).hasSize(CANDIDATES.size());
    }

    @Test
    void withoutOsNameOrHomeTheHomePlacesAreRelative() {
      properties.clear();

      assertThat(configured(Path.of(".testcontainers.properties"))).isTrue();
      assertThat(looked)
          .containsExactly(Path.of("/var/run/docker.sock"), Path.of(".testcontainers.properties"));
    }
  }
}
