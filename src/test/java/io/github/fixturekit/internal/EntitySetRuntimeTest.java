package io.github.fixturekit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.zaxxer.hikari.HikariDataSource;
import io.github.fixturekit.internal.database.ServerDatabase;
import io.github.fixturekit.internal.database.TestServer;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.hibernate.SessionFactory;
import org.hibernate.annotations.ColumnDefault;
import org.hibernate.annotations.Generated;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.metamodel.mapping.BasicValuedMapping;
import org.hibernate.metamodel.mapping.JdbcMapping;
import org.hibernate.type.SqlTypes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * An entity set's schema and SessionFactory started afresh on a real server, in databases of the
 * test's own (skipped, with the reason, where none answers): what the SessionFactory is built with,
 * what is wired to it, how it closes, and what a mapping it cannot build leaves behind.
 */
class EntitySetRuntimeTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  @Entity
  @Table(name = "ert_owner")
  static class ErtOwner {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    String name;

    LocalDateTime seen;

    @Generated
    @ColumnDefault("'new'")
    String status;
  }

  @Entity
  @Table(name = "ert_pet")
  static class ErtPet {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @ManyToOne ErtOwner owner;
  }

  @Entity
  @Table(name = "ert_alone")
  static class ErtAlone {
    @Id Long id;
  }

  @Entity
  @Table(name = "ert_no_id")
  static class ErtNoId {
    String name;
  }

  @Entity
  @Table(name = "ert_bad_ddl")
  static class ErtBadDdl {
    @Id Long id;

    @Column(columnDefinition = "fkx_no_such_type")
    String broken;
  }

  @Entity
  @Table(schema = "fkx_ert_elsewhere", name = "ert_outside")
  static class ErtOutside {
    @Id Long id;
  }

  private static final EntitySet OWNERS = set(List.of(ErtOwner.class, ErtPet.class));

  private static ServerDatabase server;

  /** Started afresh for each test, so each sees (and a mutation test measures) the whole start. */
  private EntitySetRuntime runtime;

  @BeforeAll
  static void ownDatabase() {
    server = TestServer.database();
  }

  @AfterAll
  static void dropIt() {
    if (server != null) {
      server.close();
    }
  }

  @BeforeEach
  void start() {
    runtime = EntitySetRuntime.start(server, OWNERS, TIMEOUT);
  }

  @AfterEach
  void stop() {
    runtime.close();
  }

  private static EntitySet set(List<Class<?>> classes) {
    return EntitySet.of(classes, "EntitySetRuntimeTest", "the test's list");
  }

  private static String schema() {
    return server.schemaFor(OWNERS.schemaName());
  }

  @Nested
  class TheSessionFactory {

    @Test
    void createsTheTablesInTheEntitySetsSchemaOnly() throws SQLException {
      assertThat(schema()).isEqualTo(OWNERS.schemaName()).startsWith("fixturekit_");
      assertThat(
              serverRows(
                  "select table_schema || '.' || table_name from information_schema.tables"
                      + " where table_name in ('ert_owner', 'ert_pet') order by 1"))
          .containsExactly(schema() + ".ert_owner", schema() + ".ert_pet");
      assertThat(runtime.database().jdbcUrl()).endsWith("&currentSchema=" + schema());
    }

    @Test
    void writesAndReadsRowsThere() throws SQLException {
      SessionFactory sessionFactory = runtime.sessionFactory();
      Long id =
          sessionFactory.fromTransaction(
              session -> {
                ErtOwner owner = new ErtOwner();
                owner.name = "Ann";
                ErtPet pet = new ErtPet();
                pet.owner = owner;
                session.persist(owner);
                session.persist(pet);
                return pet.id;
              });
      assertThat(
              serverRows(
                  "select o.name from "
                      + schema()
                      + ".ert_pet p join "
                      + schema()
                      + ".ert_owner o on o.id = p.owner_id where p.id = "
                      + id))
          .containsExactly("Ann");
      String name =
          sessionFactory.fromSession(session -> session.find(ErtPet.class, id).owner.name);
      assertThat(name).isEqualTo("Ann");
    }

    @Test
    void batchesAndOrdersInserts() {
      SessionFactoryImplementor factory =
          runtime.sessionFactory().unwrap(SessionFactoryImplementor.class);
      assertThat(factory.getSessionFactoryOptions().getJdbcBatchSize()).isEqualTo(50);
      assertThat(factory.getSessionFactoryOptions().isOrderInsertsEnabled()).isTrue();
      assertThat(factory.getSqlStringGenerationContext().getDefaultSchema().getText())
          .isEqualTo(schema());
    }

    @Test
    void drawsIdentityIdsInBlocksAndReadsGeneratedColumnsBackAfterTheFlush() {
      assumeTrue(HibernateVersion.batchesInserts(), "Hibernate " + HibernateVersion.major());
      SessionFactoryImplementor factory =
          runtime.sessionFactory().unwrap(SessionFactoryImplementor.class);
      assertThat(
              factory
                  .getMappingMetamodel()
                  .getEntityDescriptor(ErtOwner.class)
                  .getGenerator()
                  .getClass()
                  .getName())
          .isEqualTo("io.github.fixturekit.internal.batching.IdentityBlocks");
      String status =
          runtime
              .sessionFactory()
              .fromTransaction(
                  session -> {
                    ErtOwner owner = new ErtOwner();
                    owner.name = "Bob";
                    session.persist(owner);
                    session.flush();
                    return owner.status;
                  });
      assertThat(status).isEqualTo("new");
    }
  }

  @Nested
  class LocalDateTimes {

    @Test
    void areBoundAsWallTimes() {
      JdbcMapping seen =
          ((BasicValuedMapping)
                  runtime
                      .sessionFactory()
                      .unwrap(SessionFactoryImplementor.class)
                      .getMappingMetamodel()
                      .getEntityDescriptor(ErtOwner.class)
                      .findAttributeMapping("seen"))
              .getJdbcMapping();
      assertThat(seen.getJavaTypeDescriptor().getClass().getName())
          .isEqualTo("io.github.fixturekit.internal.EntitySetRuntime$WallTimeLocalDateTime");
      assertThat(seen.getJdbcType().getDefaultSqlTypeCode()).isEqualTo(SqlTypes.LOCAL_DATE_TIME);
    }

    @Test
    void inADaylightSavingGapOfTheJvmsZoneAreStoredAsGiven() throws SQLException {
      ZoneId zone = ZoneId.systemDefault();
      LocalDateTime inGap = aGap(zone.getRules());
      assumeTrue(inGap != null, "the JVM's time zone " + zone + " has no daylight saving gap");
      assertThat(zone.getRules().isValidOffset(inGap, zone.getRules().getOffset(inGap))).isFalse();
      Long id =
          runtime
              .sessionFactory()
              .fromTransaction(
                  session -> {
                    ErtOwner owner = new ErtOwner();
                    owner.seen = inGap;
                    session.persist(owner);
                    return owner.id;
                  });
      assertThat(
              serverRows(
                  "select to_char(seen, 'YYYY-MM-DD\"T\"HH24:MI') from "
                      + schema()
                      + ".ert_owner where id = "
                      + id))
          .containsExactly(inGap.toString());
      LocalDateTime read =
          runtime.sessionFactory().fromSession(s -> s.find(ErtOwner.class, id).seen);
      assertThat(read).isEqualTo(inGap);
    }

    /**
     * The middle of the zone's latest gap since 2000 (Lord Howe's is half an hour long), or null
     * when it has none.
     */
    private LocalDateTime aGap(ZoneRules rules) {
      LocalDateTime found = null;
      ZoneOffsetTransition transition = rules.nextTransition(Instant.parse("2000-01-01T00:00:00Z"));
      while (transition != null
          && transition.getInstant().isBefore(Instant.parse("2030-01-01T00:00:00Z"))) {
        if (transition.isGap()) {
          found =
              transition.getDateTimeBefore().plusSeconds(transition.getDuration().toSeconds() / 2);
        }
        transition = rules.nextTransition(transition.getInstant());
      }
      return found;
    }
  }

  @Nested
  class ItsParts {

    @Test
    void areReportedReadyWithTheTimeTheStartTook() {
      List<LogRecord> records = new ArrayList<>();
      Handler handler =
          new Handler() {
            @Override
            public void publish(LogRecord record) {
              if (String.valueOf(record.getMessage()).contains("SessionFactory for")) {
                records.add(record);
              }
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
          };
      Logger logger = Logger.getLogger("io.github.fixturekit");
      logger.addHandler(handler);
      long started = System.nanoTime();
      try {
        EntitySetRuntime.start(server, set(List.of(ErtAlone.class)), TIMEOUT).close();
      } finally {
        logger.removeHandler(handler);
      }
      long tookMillis = (System.nanoTime() - started) / 1_000_000;
      assertThat(records).hasSize(1);
      assertThat(records.get(0).getMessage())
          .isEqualTo("fixturekit: SessionFactory for {0} in schema {1} built in {2} ms");
      Object[] parameters = records.get(0).getParameters();
      assertThat(parameters[0]).isEqualTo("[ErtAlone]");
      assertThat(parameters[1])
          .isEqualTo(server.schemaFor(set(List.of(ErtAlone.class)).schemaName()));
      assertThat(Long.parseLong((String) parameters[2])).isBetween(0L, tookMillis);
    }

    @Test
    void areTheTablesOfTheEntitySet() {
      assertThat(runtime.tables().names())
          .containsExactly(schema() + ".ert_owner", schema() + ".ert_pet");
    }

    @Test
    void includeALeakCheckOverThoseTables() throws SQLException {
      LeakCheck.Watch watch = runtime.leaks().enter();
      try {
        try (Connection other = runtime.database().dataSource().getConnection();
            Statement statement = other.createStatement()) {
          statement.execute("insert into ert_owner (name) values ('committed by another')");
        }
        try (Connection own = runtime.database().dataSource().getConnection()) {
          own.setAutoCommit(false);
          try (Statement statement = own.createStatement()) {
            statement.execute("insert into ert_owner (name) values ('rolled back')");
          }
          assertThat(runtime.leaks().rollBackAndCheck(watch, own)).isTrue();
          own.setAutoCommit(true);
        }
      } finally {
        runtime.leaks().leave(watch);
      }
      assertThat(
              serverRows(
                  "select name from "
                      + schema()
                      + ".ert_owner where name like '% by another'"
                      + " or name = 'rolled back'"))
          .containsOnly("committed by another");
    }

    @Test
    void areClosedWithIt() {
      EntitySetRuntime alone =
          EntitySetRuntime.start(server, set(List.of(ErtAlone.class)), TIMEOUT);
      SessionFactory sessionFactory = alone.sessionFactory();
      HikariDataSource pool = (HikariDataSource) alone.database().dataSource();
      assertThat(sessionFactory.isClosed()).isFalse();
      assertThat(pool.isClosed()).isFalse();
      alone.close();
      assertThat(sessionFactory.isClosed()).isTrue();
      assertThat(pool.isClosed()).isTrue();
    }
  }

  /**
   * Each in a database with nothing else in it, so that the pool its start opened is seen to be
   * closed again.
   */
  @Nested
  class AMappingItCannotBuild {

    @Test
    void isReportedWithTheEntitiesAndAHintAndClosesThePool() throws SQLException {
      try (ServerDatabase empty = TestServer.database()) {
        EntitySet noId = set(List.of(ErtNoId.class));
        assertThatThrownBy(() -> EntitySetRuntime.start(empty, noId, TIMEOUT))
            .isInstanceOf(ExtensionConfigurationException.class)
            .hasMessageStartingWith(
                "Hibernate could not build a SessionFactory for the entities [ErtNoId]: ")
            .hasMessageContaining("ErtNoId")
            .hasMessageContaining("has no identifier")
            .hasMessageEndingWith(
                ". Check the mappings of these classes, and that every entity they refer to is"
                    + " listed.")
            .satisfies(
                e ->
                    assertThat(e.getMessage())
                        .contains(": " + e.getCause().getMessage() + ". Check"));
        awaitNoOtherConnections(empty);
      }
    }

    @Test
    void stopsAtTheFirstTableItCannotCreate() throws SQLException {
      try (ServerDatabase empty = TestServer.database()) {
        EntitySet badDdl = set(List.of(ErtBadDdl.class));
        assertThatThrownBy(() -> EntitySetRuntime.start(empty, badDdl, TIMEOUT))
            .isInstanceOf(ExtensionConfigurationException.class)
            .hasMessageStartingWith(
                "Hibernate could not build a SessionFactory for the entities [ErtBadDdl]: ")
            .hasMessageContaining("fkx_no_such_type");
        awaitNoOtherConnections(empty);
      }
    }

    @Test
    void outsideItsOwnSchemaIsRefusedWithItsOwnMessage() throws SQLException {
      try (ServerDatabase empty = TestServer.database()) {
        EntitySet outside = set(List.of(ErtOutside.class));
        assertThatThrownBy(() -> EntitySetRuntime.start(empty, outside, TIMEOUT))
            .isInstanceOf(ExtensionConfigurationException.class)
            .hasMessage(
                Messages.mappedOutsideOwnSchema(
                    outside, List.of("table fkx_ert_elsewhere.ert_outside")))
            .hasNoCause();
        awaitNoOtherConnections(empty);
        assertThat(rows(empty, "select nspname from pg_namespace"))
            .doesNotContain("fkx_ert_elsewhere");
      }
    }
  }

  private static List<String> serverRows(String sql) throws SQLException {
    return rows(server, sql);
  }

  private static List<String> rows(ServerDatabase database, String sql) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Connection connection =
            DriverManager.getConnection(
                database.jdbcUrl(), database.username(), database.password());
        Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery(sql)) {
      while (rs.next()) {
        rows.add(rs.getString(1));
      }
    }
    return rows;
  }

  private static void awaitNoOtherConnections(ServerDatabase database) throws SQLException {
    String sql =
        "select pid::text from pg_stat_activity"
            + " where datname = current_database() and pid <> pg_backend_pid()";
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    List<String> others = rows(database, sql);
    while (!others.isEmpty() && System.nanoTime() < deadline) {
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      others = rows(database, sql);
    }
    assertThat(others).as("connections left open in the database").isEmpty();
  }
}
