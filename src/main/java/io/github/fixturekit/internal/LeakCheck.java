package io.github.fixturekit.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * Leak detection for the rollback-mode tests of one entity set, without a round trip of its own for
 * a test that leaked nothing.
 *
 * <p>The signal is PostgreSQL's next transaction id: a row can only be committed by a transaction
 * that was given an id. A test's window starts where the previous test of the entity set ended (for
 * the first test, where the entity set's tables were created), so nothing is asked when a test
 * begins. When it ends, the test's own connection sends, in one round trip, the read of the next
 * transaction id and of the test's own one, the {@code ROLLBACK}, and, when the previous check
 * found that others wrote, the look into the tables (one {@code EXISTS} per table, after the
 * rollback, so only committed rows count). When no id went to another transaction during the
 * window, nothing else wrote anywhere in the server, and the tables need no look.
 *
 * <p>Whose rows they are: a test that ran alone in its entity set from its start to its end owns
 * what it finds (or code outside any test committed it between two tests). A test that ran at the
 * same time as other tests of the entity set (JUnit's parallel mode) cannot tell which of them
 * committed the rows, so {@link #leave} says so and the rows are reported without failing a test
 * that may have leaked nothing.
 */
final class LeakCheck {

  private static final String NEXT_AND_OWN_ID =
      "SELECT txid_snapshot_xmax(txid_current_snapshot()), txid_current_if_assigned()";

  private final EntitySetTables tables;
  // guarded by this
  private long nextIdSeen;
  // the own transaction id of the test whose check read nextIdSeen, -1 when it had none
  private long ownIdSeen = -1;
  private int running;
  private long entered;
  private boolean othersWroteLastTime;

  /** {@code nextId}: where the first test's window starts, read before the tables were created. */
  LeakCheck(EntitySetTables tables, long nextId) {
    this.tables = tables;
    this.nextIdSeen = nextId;
  }

  /** The transaction id PostgreSQL hands out next, read on a connection of {@code dataSource}. */
  static long nextTransactionId(DataSource dataSource) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      if (!connection.getAutoCommit()) {
        connection.setAutoCommit(true);
      }
      try (ResultSet result = statement.executeQuery(NEXT_AND_OWN_ID)) {
        result.next();
        return result.getLong(1);
      }
    }
  }

  /** One test's place in the entity set's run: when its window starts, who else was running. */
  static final class Watch {
    private final long ticket;
    private final boolean aloneAtStart;
    private final long nextIdAtStart;
    private final long earlierOwnId;
    private final boolean lookIntoTables;

    private Watch(
        long ticket,
        boolean aloneAtStart,
        long nextIdAtStart,
        long earlierOwnId,
        boolean lookIntoTables) {
      this.ticket = ticket;
      this.aloneAtStart = aloneAtStart;
      this.nextIdAtStart = nextIdAtStart;
      this.earlierOwnId = earlierOwnId;
      this.lookIntoTables = lookIntoTables;
    }
  }

  /** Called when every rollback-mode test of the entity set begins, watched for leaks or not. */
  synchronized Watch enter() {
    Watch watch = new Watch(++entered, running == 0, nextIdSeen, ownIdSeen, othersWroteLastTime);
    running++;
    return watch;
  }

  /**
   * Ends {@code watch}, once, whatever happened in the test.
   *
   * @return whether no other test of the entity set ran at any time during it
   */
  synchronized boolean leave(Watch watch) {
    running--;
    return watch.aloneAtStart && entered == watch.ticket;
  }

  /**
   * Rolls the test's transaction back on its own {@code connection}, in the same round trip as the
   * leak signal. Leaves the connection outside any transaction, so the rollback that Hibernate then
   * asks of the driver sends nothing.
   *
   * @return whether rows committed outside the test's transaction may be in the tables
   */
  boolean rollBackAndCheck(Watch watch, Connection connection) throws SQLException {
    boolean look = watch.lookIntoTables && tables.anyRowsQuery() != null;
    String batch = NEXT_AND_OWN_ID + "; ROLLBACK" + (look ? "; " + tables.anyRowsQuery() : "");
    // prepared: the driver keeps it prepared on the server per connection, so it is parsed once
    try (PreparedStatement statement = connection.prepareStatement(batch)) {
      statement.execute();
      long othersIds;
      try (ResultSet result = statement.getResultSet()) {
        result.next();
        long next = result.getLong(1);
        long own = result.getLong(2);
        if (result.wasNull()) {
          own = -1;
        }
        othersIds = idsOfOthers(watch, next, own);
        saw(next, own, othersIds > 0);
      }
      if (othersIds <= 0) {
        return false;
      }
      if (!look) {
        return true;
      }
      while (statement.getMoreResults() || statement.getUpdateCount() != -1) {
        if (statement.getUpdateCount() == -1) {
          try (ResultSet any = statement.getResultSet()) {
            return !tables.withRows(any).isEmpty();
          }
        }
      }
      return true;
    }
  }

  /**
   * How many ids in the window went to others than this test's transaction ({@code own}) and the
   * one whose check started the window. The next id read is one past the last transaction that
   * ended, so a transaction still running at a check (the test's own) may get an id at or past it:
   * such an id falls into the next window, and is subtracted there.
   */
  private static long idsOfOthers(Watch watch, long next, long own) {
    long ours = 0;
    if (within(own, watch.nextIdAtStart, next)) {
      ours++;
    }
    if (watch.earlierOwnId != own && within(watch.earlierOwnId, watch.nextIdAtStart, next)) {
      ours++;
    }
    return next - watch.nextIdAtStart - ours;
  }

  private static boolean within(long id, long from, long to) {
    return id >= 0 && id >= from && id < to;
  }

  private synchronized void saw(long next, long own, boolean othersWrote) {
    if (next > nextIdSeen) {
      nextIdSeen = next;
      ownIdSeen = own;
    } else if (next == nextIdSeen && ownIdSeen < 0) {
      ownIdSeen = own;
    }
    othersWroteLastTime = othersWrote;
  }
}
