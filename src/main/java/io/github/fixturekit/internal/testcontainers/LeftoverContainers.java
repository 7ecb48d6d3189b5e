package io.github.fixturekit.internal.testcontainers;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Removes the containers of JVMs that were killed. Testcontainers' Ryuk does this when it runs;
 * where it is disabled (no registry to pull it from, a CI that forbids it) a killed JVM's container
 * would run on. Each container fixturekit starts for one JVM carries an owner label (host, pid and
 * the JVM's start time, so a reused pid is not mistaken for its owner); the next JVM on the same
 * host removes those whose owner is gone. Reused containers carry no label and are never removed.
 */
final class LeftoverContainers {

  /** The label on a JVM's own container: {@code <host>/<pid>/<JVM start, epoch ms>}. */
  static final String OWNER = "io.github.fixturekit.owner";

  private static final System.Logger LOG = System.getLogger("io.github.fixturekit");

  private LeftoverContainers() {}

  /** This JVM, as the owner label names it. */
  static String thisJvm() {
    ProcessHandle self = ProcessHandle.current();
    return owner(host(), self.pid(), startMillis(self).orElse(0L));
  }

  static String owner(String host, long pid, long startMillis) {
    return host + "/" + pid + "/" + startMillis;
  }

  /** Removes this host's containers whose owning JVM is gone; returns their ids. */
  static List<String> remove(DockerClient client) {
    List<String> removed = new ArrayList<>();
    String host = host();
    List<Container> labelled;
    try {
      labelled =
          client.listContainersCmd().withShowAll(true).withLabelFilter(List.of(OWNER)).exec();
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.DEBUG, "fixturekit could not list leftover containers: " + e);
      return removed;
    }
    for (Container container : labelled) {
      String owner = container.getLabels() == null ? null : container.getLabels().get(OWNER);
      if (owner == null || !ownerGone(owner, host)) {
        continue;
      }
      try {
        client.removeContainerCmd(container.getId()).withForce(true).withRemoveVolumes(true).exec();
        removed.add(container.getId());
      } catch (RuntimeException e) {
        LOG.log(
            System.Logger.Level.DEBUG,
            "fixturekit left container " + container.getId() + " alone: " + e);
      }
    }
    if (!removed.isEmpty()) {
      LOG.log(
          System.Logger.Level.INFO,
          "fixturekit removed containers left behind by killed runs: {0}",
          String.join(", ", removed));
    }
    return removed;
  }

  /** Whether the JVM named by {@code owner} ran on {@code host} and no longer runs. */
  static boolean ownerGone(String owner, String host) {
    String[] parts = owner.split("/");
    if (parts.length != 3 || !parts[0].equals(host)) {
      return false;
    }
    try {
      long pid = Long.parseLong(parts[1]);
      long started = Long.parseLong(parts[2]);
      Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
      return process.isEmpty() || startMillis(process.get()).map(s -> s != started).orElse(false);
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static Optional<Long> startMillis(ProcessHandle process) {
    return process.info().startInstant().map(java.time.Instant::toEpochMilli);
  }

  /** The kernel's host name where it can be read (the same for every process), else the JDK's. */
  private static String host() {
    try {
      String name = Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
      if (!name.isEmpty()) {
        return name;
      }
    } catch (IOException | RuntimeException e) {
      // not Linux: ask the JDK below
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "localhost";
    }
  }
}
