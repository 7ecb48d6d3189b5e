package io.github.fixturekit.internal.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The folders of the embedded cluster cache, on a real file system and without a cluster: the
 * template's name, run folders, what a copy leaves out, the build lock between JVMs, and what a
 * later start removes.
 */
class TemplateCacheTest {

  @TempDir Path root;

  private TemplateCache cache() {
    return new TemplateCache(root, "binaries-a");
  }

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  private static List<String> names(Path dir) throws IOException {
    try (Stream<Path> children = Files.list(dir)) {
      return children.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  /** A data directory as initdb leaves it, with the files a running server adds. */
  private Path initialised() throws IOException {
    Path data = Files.createDirectory(root.resolve("initialised"));
    write(data.resolve("PG_VERSION"), "14\n");
    write(data.resolve("base/1/1259"), "catalog");
    write(data.resolve("base/1/postmaster.pid"), "not the server's, deeper down");
    write(data.resolve("postmaster.pid"), "4242\n");
    write(data.resolve("postmaster.opts"), "postgres -D data");
    write(data.resolve("epg-lock"), "");
    return data;
  }

  private static long deadPid() throws Exception {
    Process ended = new ProcessBuilder("true").start();
    ended.waitFor();
    return ended.pid();
  }

  @Nested
  class TheTemplate {

    @Test
    void isNamedByTheBinariesItWasMadeWith() {
      Path a = cache().template();
      Path b = new TemplateCache(root, "binaries-b").template();

      assertThat(a.getParent()).isEqualTo(root);
      assertThat(a.getFileName().toString()).matches("template-[0-9a-f]{16}");
      assertThat(new TemplateCache(root, "binaries-a").template()).isEqualTo(a);
      assertThat(b).isNotEqualTo(a);
    }

    @Test
    void isNotCopiedWhenThereIsNone() throws IOException {
      TemplateCache cache = cache();
      Path run = cache.newRunDirectory();

      assertThat(cache.copyTemplateTo(run)).isFalse();
      assertThat(names(run)).isEmpty();
    }

    @Test
    void aCopyLeavesOutTheFilesOfARunningServerAtItsTopOnlyAndKeepsTimes() throws Exception {
      TemplateCache cache = cache();
      Path data = initialised();
      FileTime old = FileTime.from(Instant.parse("2020-01-02T03:04:05Z"));
      Files.setLastModifiedTime(data.resolve("PG_VERSION"), old);
      try (TemplateCache.Builder builder =
          cache.lockForBuilding(Duration.ofSeconds(5)).orElseThrow()) {
        builder.publish(data);
      }
      Path run = cache.newRunDirectory();

      assertThat(cache.copyTemplateTo(run)).isTrue();

      assertThat(names(run)).containsExactly("PG_VERSION", "base");
      assertThat(Files.readString(run.resolve("base/1/1259"))).isEqualTo("catalog");
      assertThat(run.resolve("base/1/postmaster.pid")).exists();
      assertThat(Files.getLastModifiedTime(run.resolve("PG_VERSION"))).isEqualTo(old);
    }
  }

  @Nested
  class RunFolders {

    @Test
    void areNewEmptyOwnerOnlyAndNamedByThisJvm() throws IOException {
      Path nested = root.resolve("not-yet-there");
      TemplateCache cache = new TemplateCache(nested, "binaries-a");

      Path first = cache.newRunDirectory();
      Path second = cache.newRunDirectory();

      assertThat(first.getParent()).isEqualTo(nested);
      assertThat(first.getFileName().toString())
          .matches("run-" + ProcessHandle.current().pid() + "-[0-9a-f-]{36}");
      assertThat(second).isNotEqualTo(first);
      assertThat(names(first)).isEmpty();
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(first)))
          .isEqualTo("rwx------");
    }
  }

  @Nested
  class BuildLock {

    private FileChannel otherJvm;
    private FileLock otherJvmLock;

    /** Holds the build lock as another JVM would: a file lock, without this JVM's own lock. */
    private void lockAsAnotherJvm(TemplateCache cache) throws IOException {
      Path lockFile = root.resolve(cache.template().getFileName() + ".lock");
      otherJvm = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      otherJvmLock = otherJvm.lock();
    }

    private void releaseAsAnotherJvm() throws IOException {
      otherJvmLock.release();
      otherJvm.close();
    }

    @Test
    void theFirstToAskBuildsAndLaterAsksFindTheTemplate() throws IOException {
      TemplateCache cache = cache();
      try (TemplateCache.Builder builder =
          cache.lockForBuilding(Duration.ofSeconds(5)).orElseThrow()) {
        builder.publish(initialised());
      }

      assertThat(cache.template()).isDirectory();
      assertThat(names(root)).noneMatch(name -> name.startsWith("staging-"));
      assertThat(cache.lockForBuilding(Duration.ofSeconds(5))).isEmpty();
      // and the file lock taken to look is let go each time
      assertThat(cache.lockForBuilding(Duration.ofMillis(200))).isEmpty();
    }

    @Test
    void aBuilderHoldsTheFileLockUntilItIsClosed() throws IOException {
      TemplateCache cache = cache();
      Path lockFile = root.resolve(cache.template().getFileName() + ".lock");
      try (TemplateCache.Builder builder =
              cache.lockForBuilding(Duration.ofSeconds(5)).orElseThrow();
          FileChannel other = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
        assertThatThrownBy(other::tryLock).isInstanceOf(OverlappingFileLockException.class);
        assertThat(builder).isNotNull();
      }
      try (FileChannel other = FileChannel.open(lockFile, StandardOpenOption.WRITE);
          FileLock free = other.tryLock()) {
        assertThat(free).isNotNull();
      }
    }

    @Test
    void aBuilderMayBeClosedTwiceAndThenTheLockIsFree() throws Exception {
      TemplateCache cache = cache();
      TemplateCache.Builder builder = cache.lockForBuilding(Duration.ofSeconds(5)).orElseThrow();
      builder.close();
      builder.close();

      // another thread gets it at once: neither this JVM's lock nor the file lock is held
      boolean otherThreadBuilds =
          CompletableFuture.supplyAsync(
                  () -> {
                    try (TemplateCache.Builder next =
                        cache.lockForBuilding(Duration.ofMillis(500)).orElseThrow()) {
                      return next != null;
                    } catch (IOException e) {
                      throw new java.io.UncheckedIOException(e);
                    }
                  })
              .get(10, TimeUnit.SECONDS);
      assertThat(otherThreadBuilds).isTrue();
    }

    @Test
    void anotherJvmThatBuildsForTooLongMakesTheStartFailWithTheSetting() throws Exception {
      TemplateCache cache = cache();
      lockAsAnotherJvm(cache);
      try {
        long started = System.nanoTime();
        assertThatThrownBy(() -> cache.lockForBuilding(Duration.ofMillis(300)))
            .isInstanceOf(IOException.class)
            .hasMessage(
                "another JVM has been preparing the embedded PostgreSQL template in ["
                    + root
                    + "] for longer than 300 ms (fixturekit.timeout.startup)");
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertThat(millis).isBetween(300L, 5_000L);
      } finally {
        releaseAsAnotherJvm();
      }
      // the locks this JVM took while waiting are released, for other threads too
      assertThat(
              CompletableFuture.supplyAsync(
                      () -> {
                        try (TemplateCache.Builder next =
                            cache.lockForBuilding(Duration.ofSeconds(1)).orElseThrow()) {
                          return next != null;
                        } catch (IOException e) {
                          throw new java.io.UncheckedIOException(e);
                        }
                      })
                  .get(10, TimeUnit.SECONDS))
          .isTrue();
      assertThat(cache.lockForBuilding(Duration.ofSeconds(1)))
          .isPresent()
          .get()
          .satisfies(TemplateCache.Builder::close);
    }

    @Test
    void aTemplateAnotherJvmPublishedWhileWeWaitedIsUsed() throws Exception {
      TemplateCache cache = cache();
      lockAsAnotherJvm(cache);
      CompletableFuture<Void> otherBuilds =
          CompletableFuture.runAsync(
              () -> {
                try {
                  Thread.sleep(300);
                  Files.createDirectory(cache.template());
                  releaseAsAnotherJvm();
                } catch (IOException | InterruptedException e) {
                  throw new IllegalStateException(e);
                }
              });

      assertThat(cache.lockForBuilding(Duration.ofSeconds(10))).isEmpty();
      otherBuilds.get(10, TimeUnit.SECONDS);
    }

    @Test
    void aWaitThatIsInterruptedFailsAndKeepsTheInterrupt() throws Exception {
      TemplateCache cache = cache();
      lockAsAnotherJvm(cache);
      try {
        Thread.currentThread().interrupt();
        assertThatThrownBy(() -> cache.lockForBuilding(Duration.ofSeconds(10)))
            .isInstanceOf(IOException.class)
            .hasMessage("interrupted while waiting for the embedded PostgreSQL template");
        assertThat(Thread.interrupted()).isTrue();
      } finally {
        releaseAsAnotherJvm();
      }
    }

    @Test
    void publishingBesideATemplateThatAppearedMeanwhileKeepsThatOne() throws IOException {
      TemplateCache cache = cache();
      try (TemplateCache.Builder builder =
          cache.lockForBuilding(Duration.ofSeconds(5)).orElseThrow()) {
        write(cache.template().resolve("PG_VERSION"), "theirs");
        builder.publish(initialised());
      }

      assertThat(Files.readString(cache.template().resolve("PG_VERSION"))).isEqualTo("theirs");
      assertThat(names(cache.template())).containsExactly("PG_VERSION");
      assertThat(names(root)).noneMatch(name -> name.startsWith("staging-"));
    }

    @Test
    void aPublishThatFailsSaysWhyAndLeavesNoStagingFolder() throws IOException {
      TemplateCache cache = cache();
      try (TemplateCache.Builder builder =
          cache.lockForBuilding(Duration.ofSeconds(5)).orElseThrow()) {
        assertThatThrownBy(() -> builder.publish(root.resolve("no-such-data-directory")))
            .isInstanceOf(java.nio.file.NoSuchFileException.class)
            .hasMessageContaining("no-such-data-directory");
      }

      assertThat(cache.template()).doesNotExist();
      assertThat(names(root)).noneMatch(name -> name.startsWith("staging-"));
    }
  }

  @Nested
  class Leftovers {

    @Test
    void foldersOfGoneJvmsAreRemovedAndEverythingElseStays() throws Exception {
      long gone = deadPid();
      long self = ProcessHandle.current().pid();
      write(root.resolve("run-" + gone + "-a/PG_VERSION"), "14");
      write(root.resolve("staging-" + gone + "-b/PG_VERSION"), "14");
      write(root.resolve("run-" + self + "-c/PG_VERSION"), "14");
      write(root.resolve("run-notapid-d/PG_VERSION"), "14");
      write(root.resolve("run/PG_VERSION"), "14");
      write(root.resolve("template-0123456789abcdef/PG_VERSION"), "14");
      write(root.resolve("other-" + gone + "-e/PG_VERSION"), "14");
      write(root.resolve("run-" + gone + "-file"), "a file, not a folder");

      cache().removeLeftovers();

      assertThat(names(root))
          .containsExactlyInAnyOrder(
              "other-" + gone + "-e",
              "run",
              "run-" + gone + "-file",
              "run-" + self + "-c",
              "run-notapid-d",
              "template-0123456789abcdef");
    }

    @Test
    void aMissingCacheFolderIsLeftMissing() {
      Path missing = root.resolve("missing");

      new TemplateCache(missing, "binaries-a").removeLeftovers();

      assertThat(missing).doesNotExist();
    }

    @Test
    void aServerAGoneJvmLeftRunningIsStoppedAndItsFolderRemoved() throws Exception {
      Process server = fakeServer("postgres");
      try {
        Path run = root.resolve("run-" + deadPid() + "-f");
        write(run.resolve("postmaster.pid"), server.pid() + "\n" + run + "\n");

        cache().removeLeftovers();

        assertThat(server.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(run).doesNotExist();
      } finally {
        server.destroyForcibly();
      }
    }

    @Test
    void aProcessThatIsNotAServerIsNeverStoppedAndItsFolderStays() throws Exception {
      Process other = fakeServer("not-a-server");
      try {
        Path run = root.resolve("run-" + deadPid() + "-g");
        write(run.resolve("postmaster.pid"), other.pid() + "\n");

        cache().removeLeftovers();

        assertThat(other.isAlive()).isTrue();
        assertThat(run).isDirectory();
      } finally {
        other.destroyForcibly();
      }
    }

    @Test
    void aPidFileOfAServerThatIsGoneOrUnreadableDoesNotKeepTheFolder() throws Exception {
      Path stopped = root.resolve("run-" + deadPid() + "-h");
      write(stopped.resolve("postmaster.pid"), deadPid() + "\n");
      Path garbled = root.resolve("run-" + deadPid() + "-i");
      write(garbled.resolve("postmaster.pid"), "not a pid\n");
      Path empty = root.resolve("run-" + deadPid() + "-j");
      write(empty.resolve("postmaster.pid"), "");

      cache().removeLeftovers();

      assertThat(stopped).doesNotExist();
      assertThat(garbled).doesNotExist();
      assertThat(empty).doesNotExist();
    }

    /** A long sleep whose program is named {@code name}, as a cluster's postgres would be. */
    private Process fakeServer(String name) throws IOException {
      Path program = root.resolve("bin").resolve(name);
      Files.createDirectories(program.getParent());
      Files.copy(Path.of("/bin/sleep"), program);
      program.toFile().setExecutable(true);
      return new ProcessBuilder(program.toString(), "60").start();
    }
  }

  @Nested
  class Deleting {

    @Test
    void removesAWholeTreeAndIgnoresAMissingOne() throws IOException {
      Path tree = root.resolve("tree");
      write(tree.resolve("a/b/c.txt"), "c");
      write(tree.resolve("d.txt"), "d");

      TemplateCache.deleteTree(tree);
      TemplateCache.deleteTree(root.resolve("never-there"));

      assertThat(tree).doesNotExist();
      assertThat(root).isDirectory();
    }
  }
}
