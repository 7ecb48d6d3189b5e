package io.github.fixturekit.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.StampedLock;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.hibernate.boot.Metadata;
import org.hibernate.dialect.Dialect;
import org.hibernate.mapping.PersistentClass;
import org.hibernate.mapping.Table;

/**
 * Every table of one entity set (entity, secondary, join and collection tables, from Hibernate's
 * metamodel), and what fixturekit does with all of them at once: empty them, look for committed
 * rows. Also the lock that keeps commit-mode tests of the entity set apart from every other test of
 * it: they take it exclusively, rollback-mode tests share it.
 */
final class EntitySetTables {

  static final String LOCK_TIMEOUT = "30s";

  private final List<String> tables;
  private final String truncate;
  private final String anyRows;
  private final StampedLock lock = new StampedLock();

  private EntitySetTables(List<String> tables) {
    this.tables = tables;
    this.truncate =
        tables.isEmpty()
            ? null
            : "TRUNCATE " + String.join(", ", tables) + " RESTART IDENTITY CASCADE";
    // one round trip; a table with no visible row is skipped at its first page
    this.anyRows =
        tables.isEmpty()
            ? null
            : "SELECT "
                + tables.stream()
                    .map(t -> "EXISTS (SELECT 1 FROM " + t + ")")
                    .collect(Collectors.joining(", "));
  }

  static EntitySetTables of(Metadata metadata, String schema) {
    // the tables of entities and collections: not Hibernate's own (a TABLE id generator's), whose
    // rows it commits apart from the test's transaction and which must keep counting
    Set<Table> dataTables = Collections.newSetFromMap(new IdentityHashMap<>());
    for (PersistentClass entity : metadata.getEntityBindings()) {
      dataTables.add(entity.getTable());
      entity.getJoins().forEach(join -> dataTables.add(join.getTable()));
    }
    metadata.getCollectionBindings().forEach(c -> dataTables.add(c.getCollectionTable()));
    // a quoted name in PostgreSQL's quotes: Hibernate's own form of it has backticks
    Dialect dialect = metadata.getDatabase().getDialect();
    List<String> tables = new ArrayList<>();
    for (Table table : metadata.collectTableMappings()) {
      if (dataTables.contains(table)
          && table.isPhysicalTable()
          && !table.isView()
          && !table.isAbstractUnionTable()) {
        tables.add(schema + "." + table.getQuotedName(dialect));
      }
    }
    tables.sort(null);
    return new EntitySetTables(List.copyOf(tables));
  }

  List<String> names() {
    return tables;
  }

  /** Empties every table in one statement, resetting identity columns. */
  void truncate(DataSource dataSource) throws SQLException {
    if (truncate == null) {
      return;
    }
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      if (!connection.getAutoCommit()) {
        connection.setAutoCommit(true);
      }
      // one round trip; a transaction that code under test left open on a table makes TRUNCATE
      // wait, so it gives up after a while instead of hanging the run
      try {
        statement.execute(
            "BEGIN; SET LOCAL lock_timeout = '" + LOCK_TIMEOUT + "'; " + truncate + "; COMMIT");
      } catch (SQLException e) {
        statement.execute("ROLLBACK");
        throw e;
      }
    }
  }

  /**
   * Ends the other connections of fixturekit's own pool that hold a lock on one of the tables: the
   * same database, user and application name as a connection {@code dataSource} gives, which is
   * what a connection the test took from fixturekit's {@code DataSource} and left open inside a
   * transaction looks like. Connections of anyone else are left alone.
   *
   * @return how many connections it ended
   */
  int endLockHolders(DataSource dataSource) throws SQLException {
    if (tables.isEmpty()) {
      return 0;
    }
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement =
            connection.prepareStatement(
                "select count(*) filter (where pg_terminate_backend(a.pid)) from pg_stat_activity a"
                    + " where a.pid <> pg_backend_pid() and a.datname = current_database()"
                    + " and a.usename = current_user"
                    + " and a.application_name = current_setting('application_name')"
                    + " and exists (select 1 from pg_locks l where l.pid = a.pid"
                    + " and l.locktype = 'relation' and l.relation in"
                    + " (select to_regclass(t)::oid from unnest(?::text[]) t))")) {
      statement.setArray(1, connection.createArrayOf("text", tables.toArray()));
      try (ResultSet rs = statement.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }

  /**
   * One {@code SELECT} that tells, in one row, which tables have a visible row; null without
   * tables.
   */
  String anyRowsQuery() {
    return anyRows;
  }

  /** The tables that {@code any}, the result of {@link #anyRowsQuery()}, says have rows. */
  List<String> withRows(ResultSet any) throws SQLException {
    List<String> withRows = new ArrayList<>();
    any.next();
    for (int i = 0; i < tables.size(); i++) {
      if (any.getBoolean(i + 1)) {
        withRows.add(tables.get(i));
      }
    }
    return withRows;
  }

  /** The tables with committed rows and how many, in table order; empty when there are none. */
  Map<String, Long> committedRows(DataSource dataSource) throws SQLException {
    Map<String, Long> found = new LinkedHashMap<>();
    if (anyRows == null) {
      return found;
    }
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      if (!connection.getAutoCommit()) {
        connection.setAutoCommit(true);
      }
      List<String> withRows;
      try (ResultSet any = statement.executeQuery(anyRows)) {
        withRows = withRows(any);
      }
      for (String table : withRows) {
        try (ResultSet count = statement.executeQuery("SELECT count(*) FROM " + table)) {
          count.next();
          found.put(table, count.getLong(1));
        }
      }
    }
    return found;
  }

  /** Shared by rollback-mode tests; the stamp releases it from any thread; 0 after the timeout. */
  long shared(long timeoutSeconds) {
    try {
      return lock.tryReadLock(timeoutSeconds, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 0;
    }
  }

  /** Taken by a commit-mode test (and by the removal of leaked rows) alone; 0 after the timeout. */
  long exclusive(long timeoutSeconds) {
    try {
      return lock.tryWriteLock(timeoutSeconds, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 0;
    }
  }

  void release(long stamp) {
    lock.unlock(stamp);
  }
}
