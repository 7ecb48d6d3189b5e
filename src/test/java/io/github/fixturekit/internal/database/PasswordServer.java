package io.github.fixturekit.internal.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A PostgreSQL server that checks passwords (scram-sha-256), for the wrong-password tests: the
 * machine's own server trusts every local connection. Role {@value #USER} has password {@value
 * #PASSWORD} and CREATEDB.
 */
public final class PasswordServer implements AutoCloseable {

  public static final String USER = "fixturekit_pw";
  public static final String PASSWORD = "right-password";

  private final EmbeddedPostgres postgres;

  private PasswordServer(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  public static PasswordServer start() throws IOException, SQLException {
    EmbeddedPostgres postgres =
        EmbeddedPostgres.builder()
            .setRegisterShutdownHook(false)
            .setServerConfig("password_encryption", "scram-sha-256")
            .setDataDirectoryCustomizer(
                dir -> {
                  try {
                    Files.writeString(
                        Path.of(dir.getPath(), "pg_hba.conf"),
                        "host all postgres 127.0.0.1/32 trust\n"
                            + "host all postgres ::1/128 trust\n"
                            + "host all all 127.0.0.1/32 scram-sha-256\n"
                            + "host all all ::1/128 scram-sha-256\n");
                  } catch (IOException e) {
                    throw new UncheckedIOException(e);
                  }
                })
            .start();
    try (Connection c = postgres.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute("create role " + USER + " login createdb password '" + PASSWORD + "'");
    }
    return new PasswordServer(postgres);
  }

  public String url() {
    return postgres.getJdbcUrl("postgres", "postgres").replaceFirst("\\?.*$", "");
  }

  @Override
  public void close() throws IOException {
    postgres.close();
  }
}
