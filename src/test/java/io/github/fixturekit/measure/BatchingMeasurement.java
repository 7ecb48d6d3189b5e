package io.github.fixturekit.measure;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.fixturekit.Factory;
import io.github.fixturekit.FixtureTest;
import io.github.fixturekit.measure.model.MeasuredGenerated;
import io.github.fixturekit.measure.model.MeasuredIdentity;
import io.github.fixturekit.measure.model.MeasuredSequence;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.LongStream;
import org.hibernate.BaseSessionEventListener;
import org.hibernate.Session;
import org.hibernate.engine.spi.SessionImplementor;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Prints how {@code createList} reaches the database (JDBC statements and batches, counted by a
 * Hibernate session event listener) for ids by IDENTITY and by SEQUENCE and for a
 * database-generated column, and the cost of {@code createList(1000)} and {@code create()} against
 * raw JDBC on the same connection in the same run. Figures, not assertions on time: {@code mvn test
 * -Dtest=BatchingMeasurement -Dgroups=measurement -DexcludedGroups=none}.
 */
@Tag("measurement")
@FixtureTest(entities = {MeasuredIdentity.class, MeasuredSequence.class, MeasuredGenerated.class})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BatchingMeasurement {

  private static final int LIST = 1000;
  private static final int ROUNDS = 10;
  private static final int SINGLE = 2000;
  private static final AtomicLong RAW = new AtomicLong();

  /** Counts what Hibernate sends: each statement execution and each batch is one round trip. */
  @SuppressWarnings("removal") // Hibernate 6.6 has no replacement yet
  static final class Counter extends BaseSessionEventListener {
    private static final long serialVersionUID = 1L;
    long statements;
    long batches;

    @Override
    public void jdbcExecuteStatementStart() {
      statements++;
    }

    @Override
    public void jdbcExecuteBatchStart() {
      batches++;
    }
  }

  private static Counter count(Session session) {
    Counter counter = new Counter();
    session.unwrap(SessionImplementor.class).getEventListenerManager().addListener(counter);
    return counter;
  }

  @Test
  @Order(1)
  void roundTripsOfCreateList(
      Factory<MeasuredIdentity> identity,
      Factory<MeasuredSequence> sequence,
      Factory<MeasuredGenerated> generated,
      Session session) {
    Counter counter = count(session);
    report(session, counter, "identity", () -> identity.createList(LIST));
    report(session, counter, "sequence", () -> sequence.createList(LIST));
    report(session, counter, "sequence+generated-column", () -> generated.createList(LIST));
  }

  private static void report(Session session, Counter counter, String name, Supplier<?> action) {
    session.clear();
    long statements = counter.statements;
    long batches = counter.batches;
    var unused = action.get();
    System.out.printf(
        Locale.ROOT,
        "measure createList(%d) %s: %d statements executed one by one, %d JDBC batches%n",
        LIST,
        name,
        counter.statements - statements,
        counter.batches - batches);
  }

  @Test
  @Order(2)
  void createListAgainstExecuteBatch(
      Factory<MeasuredSequence> sequence, Factory<MeasuredIdentity> identity, Session session) {
    session.doWork(
        c -> c.createStatement().execute("create temporary sequence raw_ids start 100000000"));
    for (int i = 0; i < 3; i++) {
      sequence.createList(LIST);
      rawBatch(session, "measured_sequence", true);
      session.clear();
    }
    long[] factory = new long[ROUNDS];
    long[] raw = new long[ROUNDS];
    for (int i = 0; i < ROUNDS; i++) {
      long started = System.nanoTime();
      sequence.createList(LIST);
      factory[i] = System.nanoTime() - started;
      session.clear();
      started = System.nanoTime();
      rawBatch(session, "measured_sequence", true);
      raw[i] = System.nanoTime() - started;
    }
    print("createList(1000) sequence ids", factory, raw);

    for (int i = 0; i < ROUNDS; i++) {
      long started = System.nanoTime();
      identity.createList(LIST);
      factory[i] = System.nanoTime() - started;
      session.clear();
      started = System.nanoTime();
      rawBatch(session, "measured_identity", false);
      raw[i] = System.nanoTime() - started;
    }
    print("createList(1000) identity ids", factory, raw);
  }

  @Test
  @Order(3)
  void createAgainstInsertAndSelect(Factory<MeasuredIdentity> identity, Session session) {
    for (int i = 0; i < 300; i++) {
      identity.create();
      rawInsertAndSelect(session);
    }
    session.clear();
    long[] factory = new long[SINGLE];
    long[] raw = new long[SINGLE];
    for (int i = 0; i < SINGLE; i++) {
      long started = System.nanoTime();
      identity.create();
      factory[i] = System.nanoTime() - started;
      started = System.nanoTime();
      rawInsertAndSelect(session);
      raw[i] = System.nanoTime() - started;
      if (i % 200 == 0) {
        session.clear();
      }
    }
    print("create() identity id", factory, raw);
  }

  @Test
  @Order(4)
  void whereTheTimeGoes(Factory<MeasuredSequence> sequence, Session session) {
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < LIST; j++) {
        sequence.build();
      }
      sequence.createList(LIST);
      session.clear();
    }
    long build = 0;
    long create = 0;
    for (int i = 0; i < ROUNDS; i++) {
      long started = System.nanoTime();
      for (int j = 0; j < LIST; j++) {
        sequence.build();
      }
      build += System.nanoTime() - started;
      started = System.nanoTime();
      sequence.createList(LIST);
      create += System.nanoTime() - started;
      session.clear();
    }
    System.out.printf(
        Locale.ROOT,
        "measure 1000 x build() %.1f us, createList(1000) %.1f us: building is %.0f%% of it%n",
        build / 1_000.0 / ROUNDS,
        create / 1_000.0 / ROUNDS,
        100.0 * build / create);
    assertThat(create).isPositive();
  }

  /**
   * Means and medians (the median shrugs off the pauses of a shared machine) of interleaved runs.
   */
  private static void print(String what, long[] factoryNanos, long[] rawNanos) {
    double factoryMean = LongStream.of(factoryNanos).average().orElseThrow() / 1_000.0;
    double rawMean = LongStream.of(rawNanos).average().orElseThrow() / 1_000.0;
    double factoryMedian = median(factoryNanos) / 1_000.0;
    double rawMedian = median(rawNanos) / 1_000.0;
    System.out.printf(
        Locale.ROOT,
        "measure %s: fixturekit mean %.1f us, median %.1f us; raw JDBC mean %.1f us, median %.1f us;"
            + " ratio of means %.2f, of medians %.2f%n",
        what,
        factoryMean,
        factoryMedian,
        rawMean,
        rawMedian,
        factoryMean / rawMean,
        factoryMedian / rawMedian);
    assertThat(rawMean).isPositive();
  }

  private static double median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2.0;
  }

  private static void rawBatch(Session session, String table, boolean sequenceIds) {
    String sql =
        sequenceIds
            ? "insert into "
                + table
                + " (id, name, email, amount, created_at, active) values (nextval('raw_ids'), ?, ?, ?, ?, ?)"
            : "insert into "
                + table
                + " (name, email, amount, created_at, active) values (?, ?, ?, ?, ?)";
    session.doWork(
        connection -> {
          try (PreparedStatement insert = connection.prepareStatement(sql)) {
            for (int i = 0; i < LIST; i++) {
              bind(insert);
              insert.addBatch();
              if ((i + 1) % 50 == 0) {
                insert.executeBatch();
              }
            }
            insert.executeBatch();
          }
        });
  }

  private static void rawInsertAndSelect(Session session) {
    session.doWork(connection -> insertAndSelect(connection));
  }

  private static void insertAndSelect(Connection connection) throws SQLException {
    long id;
    try (PreparedStatement insert =
        connection.prepareStatement(
            "insert into measured_identity (name, email, amount, created_at, active) values (?, ?, ?, ?, ?)",
            new String[] {"id"})) {
      bind(insert);
      insert.executeUpdate();
      try (ResultSet keys = insert.getGeneratedKeys()) {
        keys.next();
        id = keys.getLong(1);
      }
    }
    try (PreparedStatement select =
        connection.prepareStatement(
            "select id, name, email, amount, created_at, active from measured_identity where id = ?")) {
      select.setLong(1, id);
      try (ResultSet row = select.executeQuery()) {
        row.next();
        row.getString(2);
      }
    }
  }

  private static void bind(PreparedStatement insert) throws SQLException {
    long n = RAW.incrementAndGet();
    insert.setString(1, "raw name " + n);
    insert.setString(2, "raw-" + n + "@example.org");
    insert.setBigDecimal(3, BigDecimal.valueOf(n % 100_000, 2));
    insert.setTimestamp(4, Timestamp.from(Instant.now()));
    insert.setBoolean(5, (n & 1) == 0);
  }
}
