package io.github.fixturekit.internal.database;

/**
 * A PostgreSQL database that fixturekit created (or a cluster it started) for this JVM, and that it
 * removes on {@link #close()}. Nothing else on the server is ever touched.
 */
public interface ServerDatabase extends AutoCloseable {

  /**
   * Short provider name for messages and the ready line: {@code external}, {@code testcontainers}
   * or {@code embedded}.
   */
  String provider();

  /** JDBC URL of fixturekit's own database. */
  String jdbcUrl();

  String username();

  String password();

  /** The server's version, as it reports it. */
  String serverVersion();

  /**
   * The schema an entity set gets, from its JVM-independent name ({@code fixturekit_<hash>}). Where
   * fixturekit owns the whole database that name is used as is; inside a database it shares with
   * others, the name is made unique to this JVM.
   */
  default String schemaFor(String entitySetSchema) {
    return entitySetSchema;
  }

  /** Removes the database (or stops the cluster). Safe to call twice. */
  @Override
  void close();
}
