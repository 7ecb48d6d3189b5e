package io.github.fixturekit.internal.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.ListContainersCmd;
import com.github.dockerjava.api.command.RemoveContainerCmd;
import com.github.dockerjava.api.model.Container;
import io.github.fixturekit.internal.ChildJvm;
import io.github.fixturekit.internal.Faults;
import io.github.fixturekit.internal.LogLines;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.DockerClientFactory;

/** The container of a killed JVM is removed by the next JVM on the same host, and no other. */
class LeftoverContainersTest {

  @Nested
  class Owner {

    private final String host = LeftoverContainers.thisJvm().split("/")[0];

    @Test
    void thisJvmIsNamedByTheKernelsHostNameItsPidAndItsStartTime() throws Exception {
      String kernelHost = Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
      ProcessHandle self = ProcessHandle.current();
      long started = self.info().startInstant().orElseThrow().toEpochMilli();

      assertThat(LeftoverContainers.thisJvm())
          .isEqualTo(LeftoverContainers.owner(kernelHost, self.pid(), started))
          .isEqualTo(kernelHost + "/" + self.pid() + "/" + started);
    }

    @Test
    void thisJvmIsNotGone() {
      assertThat(LeftoverContainers.ownerGone(LeftoverContainers.thisJvm(), host)).isFalse();
    }

    @Test
    void aJvmThatEndedIsGone() throws Exception {
      Process ended = new ProcessBuilder("true").start();
      ended.waitFor();

      assertThat(LeftoverContainers.ownerGone(LeftoverContainers.owner(host, ended.pid(), 0), host))
          .isTrue();
    }

    @Test
    void aPidNowUsedByAnotherProcessIsGone() {
      long self = ProcessHandle.current().pid();

      assertThat(LeftoverContainers.ownerGone(LeftoverContainers.owner(host, self, 12345), host))
          .isTrue();
    }

    @Test
    void aJvmOfAnotherHostOrAnUnreadableLabelIsLeftAlone() {
      assertThat(
              LeftoverContainers.ownerGone(
                  LeftoverContainers.owner("another-host", 999_999_999, 0), host))
          .isFalse();
      assertThat(LeftoverContainers.ownerGone(host + "/not-a-pid/0", host)).isFalse();
      assertThat(LeftoverContainers.ownerGone(host + "/1/not-a-time", host)).isFalse();
      assertThat(LeftoverContainers.ownerGone("garbage", host)).isFalse();
    }
  }

  /**
   * {@link LeftoverContainers#remove} against a Docker client that answers from a list: which
   * containers it removes, with which options, and what it does when Docker refuses.
   */
  @Nested
  class Removal {

    private final String host = LeftoverContainers.thisJvm().split("/")[0];
    private final List<String> removeCalls = new ArrayList<>();
    private final Map<String, Object> removeOptions = new LinkedHashMap<>();

    private String goneOwner() throws Exception {
      Process ended = new ProcessBuilder("true").start();
      ended.waitFor();
      return LeftoverContainers.owner(host, ended.pid(), 0);
    }

    private Container container(String id, Map<String, String> labels) {
      Container container = new Container();
      try {
        java.lang.reflect.Field idField = Container.class.getDeclaredField("id");
        idField.setAccessible(true);
        idField.set(container, id);
        java.lang.reflect.Field labelsField = Container.class.getDeclaredField("labels");
        labelsField.setAccessible(true);
        labelsField.set(container, labels);
      } catch (ReflectiveOperationException e) {
        throw new AssertionError(e);
      }
      return container;
    }

    /** A client whose list answers {@code listed} (or throws it) and whose removal may refuse. */
    private DockerClient client(Object listed, Set<String> refused) {
      return proxy(
          DockerClient.class,
          (method, args) ->
              switch (method.getName()) {
                case "listContainersCmd" ->
                    proxy(
                        ListContainersCmd.class,
                        (m, a) -> {
                          switch (m.getName()) {
                            case "withShowAll" -> removeOptions.put("showAll", a[0]);
                            case "withLabelFilter" -> removeOptions.put("labelFilter", a[0]);
                            case "exec" -> {
                              if (listed instanceof RuntimeException failure) {
                                throw failure;
                              }
                              return listed;
                            }
                            default -> throw new UnsupportedOperationException(m.getName());
                          }
                          return null;
                        });
                case "removeContainerCmd" -> {
                  String id = (String) args[0];
                  yield proxy(
                      RemoveContainerCmd.class,
                      (m, a) -> {
                        switch (m.getName()) {
                          case "withForce" -> removeOptions.put("force:" + id, a[0]);
                          case "withRemoveVolumes" -> removeOptions.put("volumes:" + id, a[0]);
                          case "exec" -> {
                            removeCalls.add(id);
                            if (refused.contains(id)) {
                              throw new IllegalStateException("conflict: " + id);
                            }
                          }
                          default -> throw new UnsupportedOperationException(m.getName());
                        }
                        return null;
                      });
                }
                default -> throw new UnsupportedOperationException(method.getName());
              });
    }

    interface Answer {
      Object answer(java.lang.reflect.Method method, Object[] args) throws Throwable;
    }

    private static <T> T proxy(Class<T> type, Answer answer) {
      Object instance =
          Proxy.newProxyInstance(
              type.getClassLoader(),
              new Class<?>[] {type},
              (self, method, args) -> {
                Object result = answer.answer(method, args);
                // builder calls (withX) return the command itself
                return result == null && method.getReturnType().isInstance(self) ? self : result;
              });
      return type.cast(instance);
    }

    @Test
    void removesOnlyTheContainersOfGoneJvmsOnThisHostWithTheirVolumes() throws Exception {
      List<Container> listed =
          List.of(
              container("gone", Map.of(LeftoverContainers.OWNER, goneOwner())),
              container("alive", Map.of(LeftoverContainers.OWNER, LeftoverContainers.thisJvm())),
              container(
                  "elsewhere",
                  Map.of(LeftoverContainers.OWNER, LeftoverContainers.owner("other-host", 1, 0))),
              container("unlabelled", Map.of("another.label", "x")),
              container("no-labels", null));

      List<String> removed;
      try (LogLines log = LogLines.capture()) {
        removed = LeftoverContainers.remove(client(listed, Set.of()));
        assertThat(log.lines())
            .contains("INFO fixturekit removed containers left behind by killed runs: gone");
      }

      assertThat(removed).containsExactly("gone");
      assertThat(removeCalls).containsExactly("gone");
      assertThat(removeOptions)
          .containsEntry("showAll", true)
          .containsEntry("labelFilter", List.of(LeftoverContainers.OWNER))
          .containsEntry("force:gone", true)
          .containsEntry("volumes:gone", true);
    }

    @Test
    void aContainerDockerRefusesToRemoveIsLeftAloneAndTheOthersAreStillRemoved() throws Exception {
      List<Container> listed =
          List.of(
              container("stuck", Map.of(LeftoverContainers.OWNER, goneOwner())),
              container("gone", Map.of(LeftoverContainers.OWNER, goneOwner())));

      List<String> removed;
      try (LogLines log = LogLines.capture()) {
        removed = LeftoverContainers.remove(client(listed, Set.of("stuck")));
        assertThat(log.lines())
            .contains(
                "FINE fixturekit left container stuck alone: java.lang.IllegalStateException:"
                    + " conflict: stuck",
                "INFO fixturekit removed containers left behind by killed runs: gone");
      }

      assertThat(removeCalls).containsExactly("stuck", "gone");
      assertThat(removed).containsExactly("gone");
    }

    @Test
    void aDockerThatCannotListRemovesNothing() {
      List<String> removed;
      try (LogLines log = LogLines.capture()) {
        removed =
            LeftoverContainers.remove(
                client(new IllegalStateException("Docker is not answering"), Set.of()));
        assertThat(log.lines())
            .containsExactly(
                "FINE fixturekit could not list leftover containers:"
                    + " java.lang.IllegalStateException: Docker is not answering");
      }

      assertThat(removed).isEmpty();
      assertThat(removeCalls).isEmpty();
    }
  }

  @Nested
  @Tag("faults")
  @ExtendWith(TestcontainersDatabaseTest.DockerAndImage.class)
  class KilledRun {

    @Test
    void theNextRunRemovesTheContainerOfAKilledRun(@TempDir Path signals) throws Exception {
      long killed =
          Faults.killDuringItsTest(
              testcontainers(ChildJvm.suite(Faults.KilledDuringTheRun.class)), signals);
      boolean ryukDisabled = "true".equalsIgnoreCase(System.getenv("TESTCONTAINERS_RYUK_DISABLED"));
      if (ryukDisabled) {
        assertThat(containersOf(killed))
            .as("the killed run's container, with no Ryuk to remove it")
            .hasSize(1);
      }

      ChildJvm.Result next = testcontainers(ChildJvm.suite(Faults.NextRun.class)).run();

      assertThat(next.tests()).as("%s", next).singleElement().matches(t -> !t.failed());
      assertThat(containersOf(killed))
          .as("the killed run's container after the next run")
          .isEmpty();
      if (ryukDisabled) {
        assertThat(next.output())
            .contains("fixturekit removed containers left behind by killed runs");
      }
    }

    private ChildJvm testcontainers(ChildJvm jvm) {
      return jvm.env("FIXTUREKIT_DATABASE", "testcontainers")
          .env("FIXTUREKIT_TESTCONTAINERS_IMAGE", TestcontainersDatabaseTest.IMAGE);
    }

    private List<Container> containersOf(long pid) {
      return DockerClientFactory.instance()
          .client()
          .listContainersCmd()
          .withShowAll(true)
          .withLabelFilter(List.of(LeftoverContainers.OWNER))
          .exec()
          .stream()
          .filter(c -> labelPid(c.getLabels()) == pid)
          .toList();
    }

    private long labelPid(Map<String, String> labels) {
      String[] owner = labels.get(LeftoverContainers.OWNER).split("/");
      return Long.parseLong(owner[1]);
    }
  }
}
