package io.github.fixturekit.internal.batching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.github.fixturekit.internal.HibernateVersion;
import io.github.fixturekit.internal.database.PostgresUrl;
import io.github.fixturekit.internal.database.ServerDatabase;
import io.github.fixturekit.internal.database.TestServer;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.hibernate.SessionFactory;
import org.hibernate.annotations.ColumnDefault;
import org.hibernate.annotations.CurrentTimestamp;
import org.hibernate.annotations.Generated;
import org.hibernate.annotations.SourceType;
import org.hibernate.annotations.ValueGenerationType;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.dialect.Dialect;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.EventType;
import org.hibernate.generator.Assigned;
import org.hibernate.generator.Generator;
import org.hibernate.generator.GeneratorCreationContext;
import org.hibernate.generator.OnExecutionGenerator;
import org.hibernate.generator.internal.CurrentTimestampGeneration;
import org.hibernate.generator.internal.GeneratedGeneration;
import org.hibernate.id.CompositeNestedGeneratedValueGenerator;
import org.hibernate.id.IdentityGenerator;
import org.hibernate.id.enhanced.SequenceStyleGenerator;
import org.hibernate.id.uuid.UuidGenerator;
import org.hibernate.mapping.PersistentClass;
import org.hibernate.resource.jdbc.spi.PhysicalConnectionHandlingMode;
import org.hibernate.resource.jdbc.spi.StatementInspector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The rewrite that makes inserts batchable, applied to a SessionFactory built afresh for each test
 * on a real server, in a database of the test's own (skipped, with the reason, where none answers):
 * which ids are drawn in blocks, which columns are read back after the flush, and what the
 * statements are.
 */
class BatchingRewriteTest {

  static final String SCHEMA = "fkx_bat";

  @Entity
  @Table(name = "bat_long")
  static class BatLong {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    String name;
  }

  @Entity
  @Table(name = "bat_primitive")
  static class BatPrimitive {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    long id;
  }

  @Entity
  @Table(name = "bat_int")
  static class BatInt {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Integer id;
  }

  @Entity
  @Table(name = "bat_short")
  static class BatShort {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Short id;
  }

  @Entity
  @Table(name = "bat_big_integer")
  static class BatBigInteger {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(columnDefinition = "bigint")
    BigInteger id;
  }

  @Entity
  @Table(name = "bat_big_decimal")
  static class BatBigDecimal {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(columnDefinition = "bigint")
    BigDecimal id;
  }

  /** An identity id of a type fixturekit does not draw in blocks. */
  @Entity
  @Table(name = "bat_byte")
  static class BatByte {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Byte id;
  }

  @Entity
  @Table(name = "bat_upper")
  static class BatUpper {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "BAT_ID")
    Long id;
  }

  @Entity
  @Table(name = "bat_quoted")
  static class BatQuoted {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "\"BatId\"")
    Long id;
  }

  @Entity
  @Table(name = "bat_uuid")
  static class BatUuid {
    @Id @GeneratedValue UUID id;
  }

  @Entity
  @Table(name = "bat_sequence")
  static class BatSequence {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE)
    Long id;
  }

  @Entity
  @Table(name = "bat_assigned")
  static class BatAssigned {
    @Id Long id;
  }

  @Embeddable
  static class BatKey implements Serializable {
    private static final long serialVersionUID = 1L;
    long first;
    long second;

    @Override
    public boolean equals(Object other) {
      return other instanceof BatKey key && key.first == first && key.second == second;
    }

    @Override
    public int hashCode() {
      return Objects.hash(first, second);
    }
  }

  @Entity
  @Table(name = "bat_composite")
  static class BatComposite {
    @EmbeddedId BatKey key;
  }

  @Embeddable
  static class BatLabel {
    @Generated
    @ColumnDefault("'label'")
    String text;
  }

  @Entity(name = "BatGenerated")
  @Table(name = "bat_generated")
  static class BatGenerated {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    String name;

    @Generated
    @ColumnDefault("42")
    Integer answer;

    @Version int version;
  }

  /** Columns the database fills that are not read back later. */
  @Entity
  @Table(name = "bat_mixed")
  static class BatMixed {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Embedded BatLabel label;

    @CurrentTimestamp(source = SourceType.DB)
    Instant created;

    @Generated(event = org.hibernate.generator.EventType.UPDATE)
    @ColumnDefault("0")
    Integer onUpdate;

    @Generated(writable = true)
    @ColumnDefault("7")
    Integer writable;
  }

  @Entity
  @Table(name = "bat_db_version")
  static class BatDbVersion {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Version
    @Generated(
        event = {
          org.hibernate.generator.EventType.INSERT,
          org.hibernate.generator.EventType.UPDATE
        })
    @ColumnDefault("1")
    Integer version;
  }

  @Entity
  @Table(name = "bat_parent")
  static class BatParent {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Generated
    @ColumnDefault("42")
    Integer answer;
  }

  @Entity
  static class BatChild extends BatParent {
    String extra;
  }

  /** A database-generated column whose generator records what it is asked when made. */
  @ValueGenerationType(generatedBy = BatRecording.class)
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.FIELD)
  @interface BatRecorded {}

  public static final class BatRecording implements OnExecutionGenerator {
    private static final long serialVersionUID = 1L;
    static final List<GeneratorCreationContext> CONTEXTS =
        Collections.synchronizedList(new ArrayList<>());

    public BatRecording(BatRecorded annotation, GeneratorCreationContext context) {
      CONTEXTS.add(context);
    }

    @Override
    public EnumSet<org.hibernate.generator.EventType> getEventTypes() {
      return EnumSet.of(org.hibernate.generator.EventType.INSERT);
    }

    @Override
    public boolean referenceColumnsInSql(Dialect dialect) {
      return false;
    }

    @Override
    public boolean writePropertyValue() {
      return false;
    }

    @Override
    public String[] getReferencedColumnValues(Dialect dialect) {
      return new String[0];
    }
  }

  @Entity
  @Table(name = "bat_stamped")
  static class BatStamped {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @BatRecorded
    @ColumnDefault("'stamped'")
    String stamp;
  }

  static final List<Class<?>> ALL =
      List.of(
          BatLong.class,
          BatPrimitive.class,
          BatInt.class,
          BatShort.class,
          BatBigInteger.class,
          BatBigDecimal.class,
          BatByte.class,
          BatUpper.class,
          BatQuoted.class,
          BatUuid.class,
          BatSequence.class,
          BatAssigned.class,
          BatComposite.class,
          BatGenerated.class,
          BatMixed.class,
          BatParent.class,
          BatChild.class,
          BatStamped.class);

  /** Every SQL statement the SessionFactory prepared, in order. */
  static final List<String> STATEMENTS = Collections.synchronizedList(new ArrayList<>());

  /** Records the statements into {@link #STATEMENTS}. */
  static final class Recorder implements StatementInspector {
    private static final long serialVersionUID = 1L;

    @Override
    public String inspect(String sql) {
      STATEMENTS.add(sql);
      return sql;
    }
  }

  private static ServerDatabase server;
  private static HikariDataSource pool;

  private StandardServiceRegistry registry;
  private Metadata metadata;
  private SessionFactory sessionFactory;

  @BeforeAll
  static void ownSchema() throws SQLException {
    assumeTrue(
        HibernateVersion.batchesInserts(),
        "fixturekit rewrites batching on Hibernate 7 only; this is Hibernate "
            + HibernateVersion.major());
    server = TestServer.database();
    try (Connection connection =
            DriverManager.getConnection(server.jdbcUrl(), server.username(), server.password());
        Statement statement = connection.createStatement()) {
      statement.execute("create schema " + SCHEMA);
    }
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(PostgresUrl.withParameter(server.jdbcUrl(), "currentSchema", SCHEMA));
    config.setUsername(server.username());
    config.setPassword(server.password());
    config.setMaximumPoolSize(4);
    config.setConnectionTimeout(Duration.ofSeconds(10).toMillis());
    pool = new HikariDataSource(config);
  }

  @AfterAll
  static void dropIt() {
    if (pool != null) {
      pool.close();
    }
    if (server != null) {
      server.close();
    }
  }

  @AfterEach
  void closeTheSessionFactory() {
    if (sessionFactory != null) {
      sessionFactory.close();
    }
    if (registry != null) {
      StandardServiceRegistryBuilder.destroy(registry);
    }
  }

  /** Prepares the metadata of {@code entities}, builds the SessionFactory (and its tables). */
  private SessionFactoryImplementor build(List<Class<?>> entities) {
    return build(entities, new StandardServiceRegistryBuilder());
  }

  private SessionFactoryImplementor build(
      List<Class<?>> entities, StandardServiceRegistryBuilder settings) {
    registry =
        settings
            .applySetting(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, pool)
            .applySetting(AvailableSettings.DEFAULT_SCHEMA, SCHEMA)
            .applySetting(AvailableSettings.HBM2DDL_AUTO, "create")
            .applySetting(AvailableSettings.HBM2DDL_HALT_ON_ERROR, "true")
            .applySetting(AvailableSettings.STATEMENT_BATCH_SIZE, "50")
            .applySetting(AvailableSettings.ORDER_INSERTS, "true")
            .applySetting(AvailableSettings.STATEMENT_INSPECTOR, new Recorder())
            .applySetting(AvailableSettings.GENERATE_STATISTICS, "true")
            .build();
    MetadataSources sources = new MetadataSources(registry);
    entities.forEach(sources::addAnnotatedClass);
    metadata = sources.buildMetadata();
    Batching batching = Batching.prepare(metadata);
    sessionFactory = metadata.buildSessionFactory();
    batching.install(sessionFactory);
    STATEMENTS.clear();
    return sessionFactory.unwrap(SessionFactoryImplementor.class);
  }

  private static Generator generator(SessionFactoryImplementor factory, Class<?> entity) {
    return factory.getMappingMetamodel().getEntityDescriptor(entity).getGenerator();
  }

  private static Generator generator(
      SessionFactoryImplementor factory, Class<?> entity, String property) {
    return factory
        .getMappingMetamodel()
        .getEntityDescriptor(entity)
        .findAttributeMapping(property)
        .getGenerator();
  }

  private boolean insertable(Class<?> entity, String property) {
    return metadata.getEntityBinding(entity.getName()).getProperty(property).isInsertable();
  }

  @Nested
  class IdentityIds {

    @Test
    void ofEveryIntegralTypeAreDrawnInBlocks() {
      SessionFactoryImplementor factory = build(ALL);
      for (Class<?> entity :
          List.of(
              BatLong.class,
              BatPrimitive.class,
              BatInt.class,
              BatShort.class,
              BatBigInteger.class,
              BatBigDecimal.class,
              BatUpper.class,
              BatQuoted.class,
              BatGenerated.class)) {
        assertThat(generator(factory, entity))
            .as(entity.getSimpleName())
            .isInstanceOf(IdentityBlocks.class);
      }
    }

    @Test
    void ofOtherKindsKeepTheirGenerators() {
      SessionFactoryImplementor factory = build(ALL);
      assertThat(generator(factory, BatUuid.class)).isInstanceOf(UuidGenerator.class);
      assertThat(generator(factory, BatSequence.class)).isInstanceOf(SequenceStyleGenerator.class);
      assertThat(generator(factory, BatAssigned.class)).isInstanceOf(Assigned.class);
      assertThat(generator(factory, BatComposite.class))
          .isInstanceOf(CompositeNestedGeneratedValueGenerator.class);
    }

    @Test
    void ofATypeOutsideTheIntegralOnesKeepHibernatesIdentityGenerator() {
      SessionFactoryImplementor factory = build(ALL);
      assertThat(generator(factory, BatByte.class)).isExactlyInstanceOf(IdentityGenerator.class);
      BatByte row = new BatByte();
      sessionFactory.inTransaction(session -> session.persist(row));
      assertThat(row.id).isEqualTo((byte) 1);
    }

    @Test
    void releaseTheConnectionAfterTheirStatementWhereTheSessionFactorySaysSo() {
      build(
          ALL,
          new StandardServiceRegistryBuilder()
              .applySetting(
                  AvailableSettings.CONNECTION_HANDLING,
                  PhysicalConnectionHandlingMode.DELAYED_ACQUISITION_AND_RELEASE_AFTER_STATEMENT));
      sessionFactory.inSession(
          session -> {
            Batching.reserveIds(session, BatLong.class, 10);
            assertThat(nextvals()).isEqualTo(1);
            assertThat(
                    session
                        .unwrap(SharedSessionContractImplementor.class)
                        .getJdbcCoordinator()
                        .getLogicalConnection()
                        .isPhysicallyConnected())
                .isFalse();
          });
    }

    @Test
    void comeAsTheTypeOfTheId() {
      build(ALL);
      BatLong asLong = new BatLong();
      BatPrimitive asPrimitive = new BatPrimitive();
      BatInt asInt = new BatInt();
      BatShort asShort = new BatShort();
      BatBigInteger asBigInteger = new BatBigInteger();
      BatBigDecimal asBigDecimal = new BatBigDecimal();
      sessionFactory.inTransaction(
          session -> {
            for (Object entity :
                List.of(asLong, asPrimitive, asInt, asShort, asBigInteger, asBigDecimal)) {
              session.persist(entity);
            }
          });
      assertThat(asLong.id).isEqualTo(1L);
      assertThat(asPrimitive.id).isEqualTo(1L);
      assertThat(asInt.id).isEqualTo(1);
      assertThat(asShort.id).isEqualTo((short) 1);
      assertThat(asBigInteger.id).isEqualTo(BigInteger.ONE);
      assertThat(asBigDecimal.id).isEqualTo(BigDecimal.ONE);
    }

    @Test
    void comeFromTheColumnsOwnSequenceInBlocksOfFiftyAndTheInsertsAreBatched() throws SQLException {
      build(ALL);
      List<BatLong> rows = List.of(new BatLong(), new BatLong(), new BatLong());
      sessionFactory.inTransaction(session -> rows.forEach(session::persist));

      assertThat(rows).extracting(row -> row.id).containsExactly(1L, 2L, 3L);
      assertThat(STATEMENTS)
          .containsExactly(
              "select nextval(pg_get_serial_sequence('fkx_bat.bat_long', 'id'))"
                  + " from generate_series(1, ?)",
              "insert into fkx_bat.bat_long (name,id) values (?,?)");
      assertThat(lastValue("bat_long", "id")).isEqualTo(50);
      // the column is still an identity column: SQL without an id draws from the same sequence
      execute("insert into bat_long (name) values ('by SQL')");
      assertThat(single("select id from bat_long where name = 'by SQL'")).isEqualTo("51");
    }

    @Test
    void ofColumnsNamedInUpperCaseOrQuotedComeFromTheirSequence() throws SQLException {
      build(ALL);
      BatUpper upper = new BatUpper();
      BatQuoted quoted = new BatQuoted();
      sessionFactory.inTransaction(
          session -> {
            session.persist(upper);
            session.persist(quoted);
          });
      assertThat(upper.id).isEqualTo(1L);
      assertThat(quoted.id).isEqualTo(1L);
      assertThat(STATEMENTS)
          .contains(
              "select nextval(pg_get_serial_sequence('fkx_bat.bat_upper', 'bat_id'))"
                  + " from generate_series(1, ?)",
              "select nextval(pg_get_serial_sequence('fkx_bat.bat_quoted', 'BatId'))"
                  + " from generate_series(1, ?)");
    }

    @Test
    void reservedAheadAreUsedWithoutFurtherStatements() throws SQLException {
      build(ALL);
      List<BatLong> rows = new ArrayList<>();
      sessionFactory.inTransaction(
          session -> {
            Batching.reserveIds(session, BatLong.class, 120);
            assertThat(nextvals()).isEqualTo(1);
            for (int i = 0; i < 120; i++) {
              BatLong row = new BatLong();
              session.persist(row);
              rows.add(row);
            }
            session.flush();
            assertThat(nextvals()).isEqualTo(1);
            session.persist(new BatLong());
            assertThat(nextvals()).isEqualTo(2);
          });
      assertThat(rows.get(0).id).isEqualTo(1L);
      assertThat(rows)
          .extracting(row -> row.id - rows.get(0).id)
          .containsExactlyElementsOf(range(120));
      assertThat(lastValue("bat_long", "id")).isEqualTo(170);
    }

    @Test
    void reservedAreFetchedInBlocksOfAtLeastFiftyAndAtMostTenThousand() throws SQLException {
      build(ALL);
      sessionFactory.inTransaction(
          session -> {
            Batching.reserveIds(session, BatLong.class, 3);
            assertThat(nextvals()).isEqualTo(1);
            assertThat(lastValue("bat_long", "id")).isEqualTo(50);
            Batching.reserveIds(session, BatLong.class, 50);
            assertThat(nextvals()).isEqualTo(1);
            Batching.reserveIds(session, BatLong.class, 10_050);
            assertThat(nextvals()).isEqualTo(2);
            assertThat(lastValue("bat_long", "id")).isEqualTo(10_050);
            Batching.reserveIds(session, BatLong.class, 10_051);
            assertThat(nextvals()).isEqualTo(3);
            assertThat(lastValue("bat_long", "id")).isEqualTo(10_100);
            Batching.reserveIds(session, BatLong.class, 20_200);
            assertThat(nextvals()).isEqualTo(5);
            assertThat(lastValue("bat_long", "id")).isEqualTo(20_200);
          });
    }

    @Test
    void leaveNoStatementOrResultOpenInTheSession() {
      build(ALL);
      sessionFactory.inTransaction(
          session -> {
            Batching.reserveIds(session, BatLong.class, 10);
            session.persist(new BatInt());
            assertThat(nextvals()).isEqualTo(2);
            assertThat(
                    session
                        .unwrap(SharedSessionContractImplementor.class)
                        .getJdbcCoordinator()
                        .getLogicalConnection()
                        .getResourceRegistry()
                        .hasRegisteredResources())
                .isFalse();
          });
    }

    @Test
    void areNotReservedForOtherKindsOfIds() {
      build(ALL);
      sessionFactory.inTransaction(
          session -> {
            Batching.reserveIds(session, BatSequence.class, 100);
            Batching.reserveIds(session, BatUuid.class, 100);
            Batching.reserveIds(session, BatAssigned.class, 100);
          });
      assertThat(STATEMENTS).isEmpty();
    }

    @Test
    void drawnAheadAreForgottenAfterTheSequenceRestarts() throws SQLException {
      build(ALL);
      BatLong before = new BatLong();
      BatInt other = new BatInt();
      sessionFactory.inTransaction(
          session -> {
            session.persist(before);
            session.persist(other);
          });
      assertThat(before.id).isEqualTo(1L);
      execute("truncate bat_long, bat_int restart identity");

      Batching.forgetIds(sessionFactory);

      BatLong after = new BatLong();
      BatInt otherAfter = new BatInt();
      sessionFactory.inTransaction(
          session -> {
            session.persist(after);
            session.persist(otherAfter);
          });
      assertThat(after.id).isEqualTo(1L);
      assertThat(otherAfter.id).isEqualTo(1);
    }
  }

  @Nested
  class GeneratedColumns {

    @Test
    void filledByTheDatabaseOnInsertAreLeftOutOfTheInsertAndReadLater() {
      SessionFactoryImplementor factory = build(ALL);
      assertThat(insertable(BatGenerated.class, "answer")).isFalse();
      assertThat(generator(factory, BatGenerated.class, "answer")).isInstanceOf(ReadLater.class);
    }

    @Test
    void otherwiseKeepTheirGenerators() {
      SessionFactoryImplementor factory = build(ALL);
      // the database's timestamp is written into the insert's SQL
      assertThat(insertable(BatMixed.class, "created")).isTrue();
      assertThat(generator(factory, BatMixed.class, "created"))
          .isInstanceOf(CurrentTimestampGeneration.class);
      // generated on update only
      assertThat(insertable(BatMixed.class, "onUpdate")).isTrue();
      assertThat(generator(factory, BatMixed.class, "onUpdate"))
          .isInstanceOf(GeneratedGeneration.class);
      // written by the insert when set
      assertThat(insertable(BatMixed.class, "writable")).isTrue();
      assertThat(generator(factory, BatMixed.class, "writable"))
          .isInstanceOf(GeneratedGeneration.class);
      assertThat(insertable(BatGenerated.class, "version")).isTrue();
      assertThat(insertable(BatMixed.class, "label")).isTrue();
      assertThat(generator(factory, BatMixed.class, "label")).isNotInstanceOf(ReadLater.class);
    }

    @Test
    void aVersionTheDatabaseGeneratesIsLeftAlone() {
      SessionFactoryImplementor factory = build(List.of(BatDbVersion.class));
      assertThat(insertable(BatDbVersion.class, "version")).isTrue();
      assertThat(generator(factory, BatDbVersion.class, "version"))
          .isNotInstanceOf(ReadLater.class);
      assertThat(readBackListeners(factory, EventType.POST_INSERT)).isEmpty();
    }

    @Test
    void areReadBackAfterEveryFlushOncePerEntityTypeWithTheInsertsBatched() {
      build(ALL);
      List<BatGenerated> rows = new ArrayList<>();
      sessionFactory.inTransaction(
          session -> {
            for (int i = 0; i < 5; i++) {
              BatGenerated row = new BatGenerated();
              row.name = "row " + i;
              session.persist(row);
              rows.add(row);
            }
            session.flush();
            assertThat(rows).extracting(row -> row.answer).containsOnly(42).hasSize(5);
            int afterFirstFlush = STATEMENTS.size();
            session.flush();
            assertThat(STATEMENTS.subList(afterFirstFlush, STATEMENTS.size()))
                .as("nothing dirty after the read-back")
                .isEmpty();
          });
      assertThat(STATEMENTS.stream().filter(sql -> sql.startsWith("insert")))
          .containsExactly("insert into fkx_bat.bat_generated (name,version,id) values (?,?,?)");
      assertThat(STATEMENTS.stream().filter(sql -> sql.startsWith("select")))
          .hasSize(2)
          .first()
          .asString()
          .startsWith("select nextval(");
      assertThat(sessionFactory.getStatistics().getPrepareStatementCount()).isEqualTo(3);
    }

    @Test
    void areReadBackBeforeAQueryThatFlushedReturns() {
      build(ALL);
      BatGenerated row = new BatGenerated();
      sessionFactory.inTransaction(
          session -> {
            session.persist(row);
            long count =
                session
                    .createSelectionQuery("select count(*) from BatGenerated", Long.class)
                    .getSingleResult();
            assertThat(count).isEqualTo(1L);
            assertThat(row.answer).isEqualTo(42);
          });
    }

    @Test
    void ofASuperclassAreReadBackForItsSubclasses() {
      build(ALL);
      BatChild child = new BatChild();
      sessionFactory.inTransaction(
          session -> {
            session.persist(child);
            session.flush();
            assertThat(child.answer).isEqualTo(42);
          });
    }

    @Test
    void ofAGeneratorOfTheProjectsOwnAreReadBackToo() {
      build(ALL);
      BatStamped stamped = new BatStamped();
      sessionFactory.inTransaction(
          session -> {
            session.persist(stamped);
            session.flush();
            assertThat(stamped.stamp).isEqualTo("stamped");
          });
    }

    @Test
    void areReadBackAtOnceByAStatelessSession() {
      build(ALL);
      BatGenerated row = new BatGenerated();
      BatGenerated second = new BatGenerated();
      sessionFactory.inStatelessTransaction(
          session -> {
            session.setJdbcBatchSize(50);
            session.insert(row);
            assertThat(row.answer).isEqualTo(42);
            session.insert(second);
            assertThat(second.answer).isEqualTo(42);
          });
    }

    @Test
    void ofFiveThousandRowsAreReadBackInOneQuery() {
      build(ALL);
      List<BatGenerated> rows = new ArrayList<>();
      sessionFactory.inTransaction(
          session -> {
            Batching.reserveIds(session, BatGenerated.class, 5_000);
            for (int i = 0; i < 5_000; i++) {
              BatGenerated row = new BatGenerated();
              session.persist(row);
              rows.add(row);
            }
            session.flush();
          });
      assertThat(rows).allMatch(row -> Integer.valueOf(42).equals(row.answer));
      assertThat(
              STATEMENTS.stream().filter(sql -> sql.startsWith("select") && sql.contains("answer")))
          .hasSize(1);
    }

    @Test
    void areNotReadBackForEntitiesWithoutThem() {
      build(ALL);
      sessionFactory.inTransaction(session -> session.persist(new BatLong()));
      assertThat(STATEMENTS)
          .noneMatch(sql -> sql.startsWith("select e") || sql.contains(" where "));
      assertThat(STATEMENTS).hasSize(2);
    }
  }

  @Nested
  class Listeners {

    @Test
    void areNotAddedWithNothingToReadBack() {
      SessionFactoryImplementor factory = build(List.of(BatLong.class, BatSequence.class));
      for (EventType<?> type :
          List.of(EventType.POST_INSERT, EventType.FLUSH, EventType.AUTO_FLUSH)) {
        assertThat(readBackListeners(factory, type)).as(type.eventName()).isEmpty();
      }
    }

    @Test
    void readBackAfterInsertsAndFlushes() {
      SessionFactoryImplementor factory = build(ALL);
      List<Object> postInsert = readBackListeners(factory, EventType.POST_INSERT);
      assertThat(postInsert).hasSize(1);
      assertThat(readBackListeners(factory, EventType.FLUSH)).containsExactlyElementsOf(postInsert);
      assertThat(readBackListeners(factory, EventType.AUTO_FLUSH))
          .containsExactlyElementsOf(postInsert);
      assertThat(((GeneratedReadBack) postInsert.get(0)).entityNames())
          .containsExactlyInAnyOrder(
              BatGenerated.class.getName(), BatParent.class.getName(), BatStamped.class.getName());
    }
  }

  @Nested
  class TheGeneratorsOfReadBackColumns {

    @Test
    void areAskedAtBootWithTheMetadataTheEntityAndTheProperty() {
      BatRecording.CONTEXTS.clear();
      build(ALL);
      List<GeneratorCreationContext> atBoot =
          BatRecording.CONTEXTS.stream()
              .filter(context -> context.getClass().getSimpleName().equals("BootContext"))
              .toList();
      assertThat(atBoot).hasSize(1);
      GeneratorCreationContext context = atBoot.get(0);
      PersistentClass entity = metadata.getEntityBinding(BatStamped.class.getName());
      assertThat(context.getDatabase()).isSameAs(metadata.getDatabase());
      assertThat(context.getServiceRegistry())
          .isSameAs(metadata.getDatabase().getServiceRegistry());
      assertThat(context.getDefaultCatalog()).isNull();
      assertThat(context.getDefaultSchema()).isNull();
      assertThat(context.getPersistentClass()).isSameAs(entity);
      assertThat(context.getRootClass()).isSameAs(entity.getRootClass());
      assertThat(context.getProperty()).isSameAs(entity.getProperty("stamp"));
      assertThat(context.getValue()).isSameAs(entity.getProperty("stamp").getValue());
    }

    @Test
    void needNoHandlingAfterTheCommit() {
      SessionFactoryImplementor factory = build(ALL);
      GeneratedReadBack readBack =
          (GeneratedReadBack) readBackListeners(factory, EventType.POST_INSERT).get(0);
      assertThat(
              readBack.requiresPostCommitHandling(
                  factory.getMappingMetamodel().getEntityDescriptor(BatGenerated.class)))
          .isFalse();
    }
  }

  private static List<Object> readBackListeners(
      SessionFactoryImplementor factory, EventType<?> type) {
    EventListenerRegistry registry = factory.getEventListenerRegistry();
    List<Object> found = new ArrayList<>();
    registry
        .getEventListenerGroup(type)
        .fireEventOnEachListener(
            null,
            (listener, ignored) -> {
              if (listener instanceof GeneratedReadBack) found.add(listener);
            });
    return found;
  }

  private static List<Long> range(int count) {
    List<Long> range = new ArrayList<>();
    for (long i = 0; i < count; i++) {
      range.add(i);
    }
    return range;
  }

  private static long nextvals() {
    return STATEMENTS.stream().filter(sql -> sql.startsWith("select nextval")).count();
  }

  /** The last value the sequence of {@code table.column} handed out. */
  private static long lastValue(String table, String column) {
    try {
      String sequence =
          single("select pg_get_serial_sequence('" + SCHEMA + "." + table + "', '" + column + "')");
      return Long.parseLong(single("select last_value from " + sequence));
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void execute(String sql) throws SQLException {
    try (Connection connection = pool.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private static String single(String sql) throws SQLException {
    try (Connection connection = pool.getConnection();
        Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery(sql)) {
      assertThat(rs.next()).as(sql).isTrue();
      return rs.getString(1);
    }
  }
}
