package io.github.fixturekit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.github.fixturekit.internal.database.ServerDatabase;
import io.github.fixturekit.internal.database.TestServer;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.PrimaryKeyJoinColumn;
import jakarta.persistence.SecondaryTable;
import jakarta.persistence.Table;
import jakarta.persistence.TableGenerator;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.hibernate.SessionFactory;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.Subselect;
import org.hibernate.annotations.Synchronize;
import org.hibernate.annotations.View;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The tables of an entity set read afresh from Hibernate's metamodel, and emptied and counted on a
 * real server, in a database of the test's own (skipped, with the reason, where none answers); and
 * the lock that keeps commit-mode tests apart.
 */
class EntitySetTablesTest {

  static final String SCHEMA = "fkx_est";

  @Entity
  @Table(name = "est_person")
  @SecondaryTable(
      name = "est_person_detail",
      pkJoinColumns = @PrimaryKeyJoinColumn(name = "person_id"))
  static class EstPerson {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    String name;

    @Column(table = "est_person_detail")
    String detail;

    @ElementCollection
    @CollectionTable(name = "est_person_nickname", joinColumns = @JoinColumn(name = "person_id"))
    @Column(name = "nickname")
    Set<String> nicknames;

    @ManyToMany
    @JoinTable(
        name = "est_person_club",
        joinColumns = @JoinColumn(name = "person_id"),
        inverseJoinColumns = @JoinColumn(name = "club_id"))
    Set<EstClub> clubs;
  }

  @Entity
  @Table(name = "est_club")
  static class EstClub {
    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "est_ids")
    @TableGenerator(name = "est_ids", table = "est_id_generator")
    Long id;

    String name;
  }

  @Entity
  @Immutable
  @Subselect("select id, name from est_club")
  @Synchronize("est_club")
  static class EstClubName {
    @Id Long id;
    String name;
  }

  @Entity
  @Immutable
  @View(query = "select person_id, detail from est_person_detail")
  @Table(name = "est_detail_view")
  static class EstDetailView {
    @Id
    @Column(name = "person_id")
    Long id;

    String detail;
  }

  @Entity
  @Table(name = "est_vehicle")
  @Inheritance(strategy = InheritanceType.JOINED)
  static class EstVehicle {
    @Id Long id;
  }

  @Entity
  @Table(name = "est_car")
  static class EstCar extends EstVehicle {
    int doors;
  }

  @Entity
  @Table(name = "est_animal")
  @Inheritance(strategy = InheritanceType.TABLE_PER_CLASS)
  abstract static class EstAnimal {
    @Id Long id;
  }

  @Entity
  @Table(name = "est_dog")
  static class EstDog extends EstAnimal {
    String breed;
  }

  /** A quoted name keeps its case, in PostgreSQL's quotes (not Hibernate's backticks). */
  @Entity
  @Table(name = "\"EstQuoted\"")
  static class EstQuoted {
    @Id Long id;
  }

  /** Sorted as written, not as Hibernate orders its tables (by lower-cased name). */
  @Entity
  @Table(name = "EstShelter")
  static class EstShelter {
    @Id Long id;
  }

  static final List<String> NAMES =
      List.of(
          SCHEMA + ".\"EstQuoted\"",
          SCHEMA + ".EstShelter",
          SCHEMA + ".est_car",
          SCHEMA + ".est_club",
          SCHEMA + ".est_dog",
          SCHEMA + ".est_person",
          SCHEMA + ".est_person_club",
          SCHEMA + ".est_person_detail",
          SCHEMA + ".est_person_nickname",
          SCHEMA + ".est_vehicle");

  private static ServerDatabase server;
  private static SchemaDatabase database;
  private static StandardServiceRegistry registry;
  private static Metadata metadata;
  private static SessionFactory sessionFactory;

  @BeforeAll
  static void createTheTables() {
    server = TestServer.database();
    database = SchemaDatabase.create(server, SCHEMA, Duration.ofSeconds(5));
    registry = registry();
    metadata =
        new MetadataSources(registry)
            .addAnnotatedClasses(
                EstPerson.class,
                EstClub.class,
                EstClubName.class,
                EstDetailView.class,
                EstVehicle.class,
                EstCar.class,
                EstAnimal.class,
                EstDog.class,
                EstShelter.class,
                EstQuoted.class)
            .buildMetadata();
    sessionFactory = metadata.buildSessionFactory();
  }

  private static StandardServiceRegistry registry() {
    return new StandardServiceRegistryBuilder()
        .applySetting(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, database.dataSource())
        .applySetting(AvailableSettings.DEFAULT_SCHEMA, SCHEMA)
        .applySetting(AvailableSettings.JAKARTA_HBM2DDL_DATABASE_ACTION, "create")
        .applySetting(AvailableSettings.HBM2DDL_HALT_ON_ERROR, "true")
        .build();
  }

  @AfterAll
  static void dropThem() {
    if (sessionFactory != null) {
      sessionFactory.close();
    }
    if (registry != null) {
      StandardServiceRegistryBuilder.destroy(registry);
    }
    if (database != null) {
      database.close();
    }
    if (server != null) {
      server.close();
    }
  }

  @BeforeEach
  void emptyTables() throws SQLException {
    execute("TRUNCATE " + String.join(", ", NAMES) + " RESTART IDENTITY");
  }

  @Nested
  class TheTables {

    @Test
    void areEveryDataTableOfTheMetamodelSortedAndQualified() {
      assertThat(EntitySetTables.of(metadata, SCHEMA).names()).isEqualTo(NAMES);
    }

    @Test
    void areNotTheIdGeneratorsTableNorViewsSubselectsOrAbstractUnionTables() throws SQLException {
      assertThat(relations())
          .contains("est_id_generator:r", "est_detail_view:v")
          .doesNotContain("est_animal:r");
      assertThat(EntitySetTables.of(metadata, SCHEMA).names())
          .noneMatch(name -> name.contains("est_id_generator"))
          .noneMatch(name -> name.contains("est_detail_view"))
          .noneMatch(name -> name.contains("est_animal"))
          .noneMatch(name -> name.contains("select"));
    }

    @Test
    void areNoneForAnEntitySetOfViewsAndSubselects() throws SQLException {
      StandardServiceRegistry views = registry();
      try {
        Metadata onlyViews =
            new MetadataSources(views)
                .addAnnotatedClasses(EstClubName.class, EstDetailView.class)
                .buildMetadata();
        EntitySetTables none = EntitySetTables.of(onlyViews, SCHEMA);
        assertThat(none.names()).isEmpty();
        assertThat(none.anyRowsQuery()).isNull();

        Recording recording = new Recording(database.dataSource(), false);
        none.truncate(recording.dataSource());
        assertThat(none.committedRows(recording.dataSource())).isEmpty();
        assertThat(recording.connections.get()).isZero();
      } finally {
        StandardServiceRegistryBuilder.destroy(views);
      }
    }
  }

  @Nested
  class Truncate {

    @Test
    void emptiesEveryTableInOneStatementAndRestartsIdentity() throws SQLException {
      fillEveryTable();
      Recording recording = new Recording(database.dataSource(), false);

      EntitySetTables.of(metadata, SCHEMA).truncate(recording.dataSource());

      assertThat(recording.executed)
          .containsExactly(
              "BEGIN; SET LOCAL lock_timeout = '30s'; TRUNCATE "
                  + String.join(", ", NAMES)
                  + " RESTART IDENTITY CASCADE; COMMIT");
      for (String table : NAMES) {
        assertThat(count(table)).as(table).isZero();
      }
      execute("insert into est_person (name) values ('after')");
      assertThat(single("select id from est_person")).isEqualTo("1");
    }

    @Test
    void runsInATransactionOfItsOwnOnAConnectionThePoolGaveWithoutAutocommit() throws SQLException {
      fillEveryTable();
      Recording recording = new Recording(database.dataSource(), true);

      EntitySetTables.of(metadata, SCHEMA).truncate(recording.dataSource());

      assertThat(recording.autoCommitWhenExecuted).containsExactly(true);
      assertThat(count(SCHEMA + ".est_person")).isZero();
      assertThat(count(SCHEMA + ".est_club")).isZero();
    }

    @Test
    void givesUpWithTheErrorAndLeavesNoTransactionOpenWhenItCannotLock() throws Exception {
      fillEveryTable();
      ExecutorService thread = Executors.newSingleThreadExecutor();
      try (Connection holder = database.dataSource().getConnection();
          Connection kept = database.dataSource().getConnection()) {
        holder.setAutoCommit(false);
        try (Statement statement = holder.createStatement()) {
          statement.execute("select count(*) from est_club");
        }
        String pid = single(kept, "select pg_backend_pid()");
        DataSource onlyKept = new Recording(database.dataSource(), false).keeping(kept);
        EntitySetTables tables = EntitySetTables.of(metadata, SCHEMA);

        Future<?> truncate =
            thread.submit(
                () -> {
                  tables.truncate(onlyKept);
                  return null;
                });
        awaitLockWait(pid);
        execute("select pg_cancel_backend(" + pid + ")");

        assertThatThrownBy(() -> truncate.get(10, TimeUnit.SECONDS))
            .cause()
            .isInstanceOf(SQLException.class)
            .hasMessageContaining("canceling statement due to user request");
        assertThat(single(kept, "select 1")).isEqualTo("1");
        assertThat(single(kept, "show lock_timeout")).isEqualTo("0");
        assertThat(kept.getAutoCommit()).isTrue();
        holder.rollback();
      } finally {
        thread.shutdownNow();
      }
      assertThat(count(SCHEMA + ".est_person")).isEqualTo(2);
      assertThat(count(SCHEMA + ".est_club")).isEqualTo(2);
    }
  }

  @Nested
  class LockHolders {

    @Test
    void thePoolsOwnConnectionsHoldingALockOnTheTablesAreEndedAndNoOther() throws Exception {
      fillEveryTable();
      EntitySetTables tables = EntitySetTables.of(metadata, SCHEMA);
      try (Connection leaked = database.dataSource().getConnection();
          Connection someoneElse = database.dataSource().getConnection();
          Connection idle = database.dataSource().getConnection()) {
        leaked.setAutoCommit(false);
        single(leaked, "select count(*) from est_club");
        try (Statement statement = someoneElse.createStatement()) {
          statement.execute("set application_name = 'not-fixturekit'");
        }
        someoneElse.setAutoCommit(false);
        single(someoneElse, "select count(*) from est_person");
        idle.setAutoCommit(false);
        single(idle, "select 1");

        assertThat(tables.endLockHolders(database.dataSource())).isEqualTo(1);

        assertThatThrownBy(() -> single(leaked, "select 1")).isInstanceOf(SQLException.class);
        assertThat(single(someoneElse, "select 1")).as("another application's").isEqualTo("1");
        assertThat(single(idle, "select 1")).as("one holding no lock on the tables").isEqualTo("1");
        someoneElse.rollback();
        idle.rollback();
      }
      tables.truncate(database.dataSource());
      assertThat(count(SCHEMA + ".est_club")).isZero();
    }

    @Test
    void noneAreEndedWhenNoneHoldsALock() throws SQLException {
      assertThat(EntitySetTables.of(metadata, SCHEMA).endLockHolders(database.dataSource()))
          .isZero();
    }
  }

  @Nested
  class CommittedRows {

    @Test
    void areFoundInOneQueryWithOneExistsPerTableInTableOrder() throws SQLException {
      EntitySetTables tables = EntitySetTables.of(metadata, SCHEMA);
      assertThat(tables.anyRowsQuery())
          .isEqualTo(
              "SELECT EXISTS (SELECT 1 FROM fkx_est.\"EstQuoted\"),"
                  + " EXISTS (SELECT 1 FROM fkx_est.EstShelter),"
                  + " EXISTS (SELECT 1 FROM fkx_est.est_car),"
                  + " EXISTS (SELECT 1 FROM fkx_est.est_club),"
                  + " EXISTS (SELECT 1 FROM fkx_est.est_dog),"
                  + " EXISTS (SELECT 1 FROM fkx_est.est_person),"
                  + " EXISTS (SELECT 1 FROM fkx_est.est_person_club),"
                  + " EXISTS (SELECT 1 FROM fkx_est.est_person_detail),"
                  + " EXISTS (SELECT 1 FROM fkx_est.est_person_nickname),"
                  + " EXISTS (SELECT 1 FROM fkx_est.est_vehicle)");
    }

    @Test
    void withRowsNamesTheTablesThatHaveOne() throws SQLException {
      execute(
          "insert into est_dog (id, breed) values (1, 'a');"
              + " insert into est_club (id, name) values (1, 'c'), (2, 'd')");
      EntitySetTables tables = EntitySetTables.of(metadata, SCHEMA);
      try (Connection connection = database.dataSource().getConnection();
          Statement statement = connection.createStatement();
          ResultSet any = statement.executeQuery(tables.anyRowsQuery())) {
        assertThat(tables.withRows(any)).containsExactly(SCHEMA + ".est_club", SCHEMA + ".est_dog");
      }
    }

    @Test
    void withRowsIsEmptyForEmptyTables() throws SQLException {
      EntitySetTables tables = EntitySetTables.of(metadata, SCHEMA);
      try (Connection connection = database.dataSource().getConnection();
          Statement statement = connection.createStatement();
          ResultSet any = statement.executeQuery(tables.anyRowsQuery())) {
        assertThat(tables.withRows(any)).isEmpty();
      }
    }

    @Test
    void areCountedPerTableInTableOrderWithoutUncommittedOnes() throws SQLException {
      fillSomeTables();
      try (Connection uncommitted = database.dataSource().getConnection()) {
        uncommitted.setAutoCommit(false);
        try (Statement statement = uncommitted.createStatement()) {
          statement.execute(
              "insert into est_vehicle (id) values (1); insert into est_car (id, doors) values"
                  + " (1, 4); insert into est_club (id, name) values (99, 'open')");
        }
        Recording recording = new Recording(database.dataSource(), false);

        assertThat(EntitySetTables.of(metadata, SCHEMA).committedRows(recording.dataSource()))
            .containsExactly(
                entry(SCHEMA + ".est_club", 2L),
                entry(SCHEMA + ".est_person", 3L),
                entry(SCHEMA + ".est_person_club", 1L),
                entry(SCHEMA + ".est_person_detail", 2L),
                entry(SCHEMA + ".est_person_nickname", 4L));
        assertThat(recording.executed)
            .containsExactly(
                EntitySetTables.of(metadata, SCHEMA).anyRowsQuery(),
                "SELECT count(*) FROM fkx_est.est_club",
                "SELECT count(*) FROM fkx_est.est_person",
                "SELECT count(*) FROM fkx_est.est_person_club",
                "SELECT count(*) FROM fkx_est.est_person_detail",
                "SELECT count(*) FROM fkx_est.est_person_nickname");
        uncommitted.rollback();
      }
    }

    @Test
    void areCountedOutsideATransactionOnAConnectionThePoolGaveWithoutAutocommit()
        throws SQLException {
      fillSomeTables();
      Recording recording = new Recording(database.dataSource(), true);

      assertThat(EntitySetTables.of(metadata, SCHEMA).committedRows(recording.dataSource()))
          .containsOnlyKeys(
              SCHEMA + ".est_club",
              SCHEMA + ".est_person",
              SCHEMA + ".est_person_club",
              SCHEMA + ".est_person_detail",
              SCHEMA + ".est_person_nickname");
      assertThat(recording.autoCommitWhenExecuted).containsOnly(true).hasSize(6);
    }

    @Test
    void areNoneInEmptyTables() throws SQLException {
      Recording recording = new Recording(database.dataSource(), false);
      assertThat(EntitySetTables.of(metadata, SCHEMA).committedRows(recording.dataSource()))
          .isEmpty();
      assertThat(recording.executed).hasSize(1);
    }
  }

  @Nested
  class TheCommitModeLock {

    private final EntitySetTables tables = EntitySetTables.of(metadata, SCHEMA);

    @Test
    void isSharedByAnyNumberOfRollbackModeTests() {
      long first = tables.shared(1);
      long second = tables.shared(1);
      assertThat(first).isNotZero();
      assertThat(second).isNotZero();
      tables.release(first);
      tables.release(second);
    }

    @Test
    void isNotTakenExclusivelyWithinTheTimeoutWhileShared() {
      long shared = tables.shared(1);
      long started = System.nanoTime();
      assertThat(tables.exclusive(1)).isZero();
      assertThat(Duration.ofNanos(System.nanoTime() - started))
          .isGreaterThanOrEqualTo(Duration.ofMillis(900))
          .isLessThan(Duration.ofSeconds(5));
      tables.release(shared);
      long exclusive = tables.exclusive(1);
      assertThat(exclusive).isNotZero();
      tables.release(exclusive);
    }

    @Test
    void isNotSharedWithinTheTimeoutWhileExclusive() {
      long exclusive = tables.exclusive(1);
      assertThat(exclusive).isNotZero();
      assertThat(tables.shared(1)).isZero();
      assertThat(tables.exclusive(1)).isZero();
      tables.release(exclusive);
      long shared = tables.shared(1);
      assertThat(shared).isNotZero();
      tables.release(shared);
    }

    @Test
    void isReleasedFromAnyThread() throws Exception {
      ExecutorService other = Executors.newSingleThreadExecutor();
      try {
        long shared = other.submit(() -> tables.shared(1)).get();
        assertThat(shared).isNotZero();
        tables.release(shared);
        long exclusive = tables.exclusive(1);
        assertThat(exclusive).isNotZero();
        tables.release(exclusive);
      } finally {
        other.shutdownNow();
      }
    }

    @Test
    void isNotGivenToAnInterruptedThreadWhichStaysInterrupted() {
      try {
        Thread.currentThread().interrupt();
        assertThat(tables.shared(1)).isZero();
        assertThat(Thread.currentThread().isInterrupted()).isTrue();
        assertThat(tables.exclusive(1)).isZero();
        assertThat(Thread.currentThread().isInterrupted()).isTrue();
      } finally {
        Thread.interrupted();
      }
      long exclusive = tables.exclusive(1);
      assertThat(exclusive).isNotZero();
      tables.release(exclusive);
    }
  }

  private static void fillEveryTable() throws SQLException {
    execute(
        "insert into est_person (name) values ('a'), ('b');"
            + " insert into est_person_detail (person_id, detail) values (1, 'x');"
            + " insert into est_person_nickname (person_id, nickname) values (1, 'n');"
            + " insert into est_club (id, name) values (1, 'c'), (2, 'd');"
            + " insert into est_person_club (person_id, club_id) values (1, 1);"
            + " insert into est_vehicle (id) values (1); insert into est_car (id, doors) values"
            + " (1, 3); insert into est_dog (id, breed) values (1, 'b');"
            + " insert into EstShelter (id) values (1); insert into \"EstQuoted\" (id) values (1)");
  }

  private static void fillSomeTables() throws SQLException {
    execute(
        "insert into est_person (name) values ('a'), ('b'), ('c');"
            + " insert into est_person_detail (person_id, detail) values (1, 'x'), (2, 'y');"
            + " insert into est_person_nickname (person_id, nickname) values (1, 'n'), (1, 'm'),"
            + " (2, 'n'), (3, 'o');"
            + " insert into est_club (id, name) values (1, 'c'), (2, 'd');"
            + " insert into est_person_club (person_id, club_id) values (3, 2)");
  }

  /** Tables and views of the schema, as {@code name:relkind}. */
  private static List<String> relations() throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Connection connection = database.dataSource().getConnection();
        Statement statement = connection.createStatement();
        ResultSet rs =
            statement.executeQuery(
                "select c.relname || ':' || c.relkind::text from pg_class c join pg_namespace n"
                    + " on n.oid = c.relnamespace where n.nspname = '"
                    + SCHEMA
                    + "' and c.relkind in ('r', 'v') order by 1")) {
      while (rs.next()) {
        rows.add(rs.getString(1));
      }
    }
    return rows;
  }

  private static long count(String table) throws SQLException {
    return Long.parseLong(single("select count(*) from " + table));
  }

  private static void execute(String sql) throws SQLException {
    try (Connection connection = database.dataSource().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private static String single(String sql) throws SQLException {
    try (Connection connection = database.dataSource().getConnection()) {
      return single(connection, sql);
    }
  }

  private static String single(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery(sql)) {
      assertThat(rs.next()).isTrue();
      return rs.getString(1);
    }
  }

  private static void awaitLockWait(String pid) throws SQLException, InterruptedException {
    String sql = "select coalesce(wait_event_type, '') from pg_stat_activity where pid = " + pid;
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!"Lock".equals(single(sql)) && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(single(sql)).isEqualTo("Lock");
  }

  /**
   * A data source over the schema's pool that counts the connections asked of it, records the SQL
   * its statements run and whether autocommit was on then, and can hand out connections with
   * autocommit off, as a pool configured so would.
   */
  static final class Recording implements InvocationHandler {
    final AtomicInteger connections = new AtomicInteger();
    final List<String> executed = Collections.synchronizedList(new ArrayList<>());
    final List<Boolean> autoCommitWhenExecuted = Collections.synchronizedList(new ArrayList<>());
    private final DataSource target;
    private final boolean autoCommitOff;
    private Connection kept;

    Recording(DataSource target, boolean autoCommitOff) {
      this.target = target;
      this.autoCommitOff = autoCommitOff;
    }

    /** This data source handing out {@code connection} each time, which its close leaves open. */
    DataSource keeping(Connection connection) {
      this.kept = connection;
      return (DataSource) proxy(DataSource.class, this);
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      if (!method.getName().equals("getConnection")) {
        return call(target, method, args);
      }
      connections.incrementAndGet();
      Connection connection = kept != null ? kept : (Connection) call(target, method, args);
      if (autoCommitOff) {
        connection.setAutoCommit(false);
      }
      return proxy(
          Connection.class,
          (p, m, a) -> {
            if (m.getName().equals("close") && kept != null) {
              return null;
            }
            Object result = call(connection, m, a);
            return m.getName().equals("createStatement")
                ? proxy(
                    Statement.class,
                    (sp, sm, sa) -> {
                      if (sa != null && sa.length == 1 && sa[0] instanceof String sql) {
                        executed.add(sql);
                        autoCommitWhenExecuted.add(connection.getAutoCommit());
                      }
                      return call(result, sm, sa);
                    })
                : result;
          });
    }

    DataSource dataSource() {
      return (DataSource) proxy(DataSource.class, this);
    }

    private static Object proxy(Class<?> type, InvocationHandler handler) {
      return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler);
    }

    private static Object call(Object target, Method method, Object[] args) throws Throwable {
      try {
        return method.invoke(target, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    }
  }
}
