package io.github.fixturekit.internal.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.model.Container;
import io.github.fixturekit.internal.ChildJvm;
import io.github.fixturekit.internal.Faults;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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
      assertThat(LeftoverContainers.ownerGone("not/a-pid/0", host)).isFalse();
      assertThat(LeftoverContainers.ownerGone("garbage", host)).isFalse();
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
