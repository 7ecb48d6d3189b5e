package io.github.fixturekit.internal.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;

/**
 * A folder of initialised, stopped clusters ({@code template-<key>}), one per binaries archive, and
 * the data directories of running clusters copied from them ({@code run-<pid>-<uuid>}).
 *
 * <p>Safe when several JVMs start at once: a template appears only by an atomic rename of a
 * complete copy, so a template that exists is complete; the JVM that builds it holds a file lock,
 * and the others wait for it (bounded) instead of running initdb as well. A run folder records the
 * JVM that owns it in its name, and is removed by a later JVM once that one is gone.
 */
final class TemplateCache {

  private static final System.Logger LOG = System.getLogger("io.github.fixturekit");

  /** Bumped when what a template holds changes, so old templates are not used. */
  private static final String FORMAT = "2";

  /** zonky's lock file inside a data directory; not part of a template. */
  private static final Set<String> NOT_COPIED =
      Set.of("epg-lock", "postmaster.pid", "postmaster.opts");

  /** How long a start waits for a cluster a killed JVM left running to stop. */
  static final Duration ORPHAN_STOP = Duration.ofSeconds(10);

  private static final ReentrantLock IN_THIS_JVM = new ReentrantLock();

  private final Path root;
  private final Path template;
  private final Path lockFile;

  TemplateCache(Path root, String binariesKey) {
    this.root = root;
    String key = sha256(FORMAT + "|" + binariesKey).substring(0, 16);
    this.template = root.resolve("template-" + key);
    this.lockFile = root.resolve("template-" + key + ".lock");
  }

  Path template() {
    return template;
  }

  /** A new, empty run folder owned by this JVM. */
  Path newRunDirectory() throws IOException {
    Files.createDirectories(root);
    Path run = root.resolve("run-" + ProcessHandle.current().pid() + "-" + UUID.randomUUID());
    Files.createDirectory(run);
    setOwnerOnly(run);
    return run;
  }

  /** Copies the template into {@code run}, if there is one. */
  boolean copyTemplateTo(Path run) throws IOException {
    if (!Files.isDirectory(template)) {
      return false;
    }
    copyTree(template, run);
    return true;
  }

  /**
   * Takes the right to build the template, waiting at most {@code timeout} for another JVM that
   * holds it. Empty when the template appeared while waiting.
   */
  Optional<Builder> lockForBuilding(Duration timeout) throws IOException {
    Files.createDirectories(root);
    long deadline = System.nanoTime() + timeout.toNanos();
    IN_THIS_JVM.lock();
    boolean handedOver = false;
    try {
      FileChannel channel =
          FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      try {
        while (true) {
          FileLock lock;
          try {
            lock = channel.tryLock();
          } catch (OverlappingFileLockException e) {
            lock = null;
          }
          if (lock != null) {
            if (Files.isDirectory(template)) {
              lock.release();
              channel.close();
              return Optional.empty();
            }
            handedOver = true;
            return Optional.of(new Builder(channel, lock));
          }
          if (System.nanoTime() > deadline) {
            throw new IOException(
                "another JVM has been preparing the embedded PostgreSQL template in ["
                    + root
                    + "] for longer than "
                    + timeout.toMillis()
                    + " ms (fixturekit.timeout.startup)");
          }
          sleep(50);
        }
      } finally {
        if (!handedOver && channel.isOpen()) {
          channel.close();
        }
      }
    } finally {
      if (!handedOver) {
        IN_THIS_JVM.unlock();
      }
    }
  }

  /** Holds the right to build the template until {@link #close()}. */
  final class Builder implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;
    private boolean closed;

    private Builder(FileChannel channel, FileLock lock) {
      this.channel = channel;
      this.lock = lock;
    }

    /** Publishes a freshly initialised, never started data directory as the template. */
    void publish(Path initialised) throws IOException {
      Path staging =
          root.resolve("staging-" + ProcessHandle.current().pid() + "-" + UUID.randomUUID());
      Files.createDirectory(staging);
      setOwnerOnly(staging);
      try {
        copyTree(initialised, staging);
        Files.move(staging, template, StandardCopyOption.ATOMIC_MOVE);
        LOG.log(
            System.Logger.Level.DEBUG, "fixturekit: embedded template published at " + template);
      } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
        LOG.log(System.Logger.Level.DEBUG, "fixturekit: embedded template not published: " + e);
      } catch (IOException e) {
        if (!Files.isDirectory(template)) {
          throw e;
        }
      } finally {
        deleteTree(staging);
      }
    }

    @Override
    public void close() {
      if (closed) {
        return;
      }
      closed = true;
      try {
        lock.release();
        channel.close();
      } catch (IOException e) {
        // the lock goes with the channel
      } finally {
        IN_THIS_JVM.unlock();
      }
    }
  }

  /**
   * Removes run and staging folders whose JVM is gone. A cluster such a JVM left running (it was
   * killed) is asked to stop, and its folder goes once it has; a cluster that does not stop within
   * {@link #ORPHAN_STOP} keeps its folder until a later start.
   */
  void removeLeftovers() {
    if (!Files.isDirectory(root)) {
      return;
    }
    try (Stream<Path> children = Files.list(root)) {
      for (Path child : children.toList()) {
        String name = child.getFileName().toString();
        if (!(name.startsWith("run-") || name.startsWith("staging-"))
            || !Files.isDirectory(child)) {
          continue;
        }
        Optional<Long> owner = pidInName(name);
        if (owner.isEmpty() || alive(owner.get())) {
          continue;
        }
        Optional<Long> postmaster = postmasterPid(child);
        if (postmaster.isPresent() && alive(postmaster.get()) && !stopOrphan(postmaster.get())) {
          continue;
        }
        deleteTree(child);
      }
    } catch (IOException | UncheckedIOException e) {
      LOG.log(System.Logger.Level.DEBUG, "fixturekit could not tidy " + root + ": " + e);
    }
  }

  /**
   * Asks the PostgreSQL server {@code pid} to stop (SIGTERM: its killed JVM's connections are gone,
   * so it shuts down at once) and waits for it; false when it is still running.
   */
  private static boolean stopOrphan(long pid) {
    Optional<ProcessHandle> server =
        ProcessHandle.of(pid)
            .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false));
    if (server.isEmpty()) {
      return false;
    }
    server.get().destroy();
    try {
      server.get().onExit().get(ORPHAN_STOP.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException | ExecutionException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static Optional<Long> pidInName(String name) {
    String[] parts = name.split("-");
    try {
      return parts.length >= 2 ? Optional.of(Long.parseLong(parts[1])) : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static Optional<Long> postmasterPid(Path dataDir) {
    Path pidFile = dataDir.resolve("postmaster.pid");
    try {
      List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
      return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static boolean alive(long pid) {
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }

  private static void copyTree(Path from, Path to) throws IOException {
    Files.walkFileTree(
        from,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs)
              throws IOException {
            if (!dir.equals(from)) {
              Files.copy(
                  dir,
                  to.resolve(from.relativize(dir).toString()),
                  StandardCopyOption.COPY_ATTRIBUTES);
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            if (!(file.getParent().equals(from)
                && NOT_COPIED.contains(file.getFileName().toString()))) {
              Files.copy(
                  file,
                  to.resolve(from.relativize(file).toString()),
                  StandardCopyOption.COPY_ATTRIBUTES);
            }
            return FileVisitResult.CONTINUE;
          }
        });
  }

  static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted((a, b) -> b.getNameCount() - a.getNameCount())
          .forEach(
              p -> {
                try {
                  Files.deleteIfExists(p);
                } catch (IOException e) {
                  // a file the server still writes; the next start tidies up
                }
              });
    } catch (IOException | UncheckedIOException e) {
      LOG.log(System.Logger.Level.DEBUG, "fixturekit could not delete " + dir + ": " + e);
    }
  }

  private static void setOwnerOnly(Path dir) throws IOException {
    try {
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system (Windows): PostgreSQL does not check there
    }
  }

  private static void sleep(long millis) throws IOException {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting for the embedded PostgreSQL template", e);
    }
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
