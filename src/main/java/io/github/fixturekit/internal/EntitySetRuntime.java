package io.github.fixturekit.internal;

import io.github.fixturekit.internal.batching.Batching;
import io.github.fixturekit.internal.database.ServerDatabase;
import java.sql.SQLException;
import java.time.Duration;
import org.hibernate.SessionFactory;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.type.SqlTypes;
import org.hibernate.type.descriptor.java.LocalDateTimeJavaType;
import org.hibernate.type.descriptor.jdbc.JdbcType;
import org.hibernate.type.descriptor.jdbc.JdbcTypeIndicators;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/** The schema and the SessionFactory of one entity set, built once per JVM. */
final class EntitySetRuntime implements AutoCloseable {

  private final SchemaDatabase database;
  private final SessionFactory sessionFactory;
  private final EntitySetTables tables;
  private final LeakCheck leaks;

  private EntitySetRuntime(
      SchemaDatabase database,
      SessionFactory sessionFactory,
      EntitySetTables tables,
      LeakCheck leaks) {
    this.database = database;
    this.sessionFactory = sessionFactory;
    this.tables = tables;
    this.leaks = leaks;
  }

  private static final System.Logger LOG = System.getLogger("io.github.fixturekit");

  static EntitySetRuntime start(
      ServerDatabase server, EntitySet entities, Duration connectTimeout) {
    long started = System.nanoTime();
    String schema = server.schemaFor(entities.schemaName());
    SchemaDatabase database = SchemaDatabase.create(server, schema, connectTimeout);
    // where the first test's leak window starts: before the tables exist, so it spans all of them
    long nextId;
    try {
      nextId = LeakCheck.nextTransactionId(database.dataSource());
    } catch (SQLException e) {
      database.close();
      throw new ExtensionConfigurationException(
          "fixturekit could not read the next transaction id in schema ["
              + schema
              + "] of its "
              + server.provider()
              + " database: "
              + e.getMessage(),
          e);
    }
    StandardServiceRegistry registry =
        new StandardServiceRegistryBuilder()
            .applySetting(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, database.dataSource())
            .applySetting(AvailableSettings.DEFAULT_SCHEMA, schema)
            // the schema is fixturekit's: Hibernate's jakarta.persistence.schema-generation.*
            // settings (a hibernate.properties on the class path, system properties) win over
            // hibernate.hbm2ddl.auto, so they are set here, and no script is written
            .applySetting(AvailableSettings.JAKARTA_HBM2DDL_DATABASE_ACTION, "create")
            .applySetting(AvailableSettings.JAKARTA_HBM2DDL_SCRIPTS_ACTION, "none")
            .applySetting(AvailableSettings.HBM2DDL_AUTO, "create")
            .applySetting(AvailableSettings.HBM2DDL_HALT_ON_ERROR, "true")
            .applySetting(AvailableSettings.STATEMENT_BATCH_SIZE, "50")
            .applySetting(AvailableSettings.ORDER_INSERTS, "true")
            .build();
    try {
      MetadataSources sources = new MetadataSources(registry);
      entities.sorted().forEach(sources::addAnnotatedClass);
      Metadata metadata =
          sources
              .getMetadataBuilder()
              .applyTypes(
                  (types, services) -> types.contributeJavaType(new WallTimeLocalDateTime()))
              .build();
      OwnSchemaOnly.check(metadata, entities, schema);
      EntitySetTables tables = EntitySetTables.of(metadata, schema);
      Batching batching = HibernateVersion.batchesInserts() ? Batching.prepare(metadata) : null;
      SessionFactory sessionFactory = metadata.buildSessionFactory();
      if (batching != null) {
        batching.install(sessionFactory);
      }
      LOG.log(
          System.Logger.Level.INFO,
          "fixturekit: SessionFactory for {0} in schema {1} built in {2} ms",
          entities.describe(),
          schema,
          Long.toString((System.nanoTime() - started) / 1_000_000));
      return new EntitySetRuntime(database, sessionFactory, tables, new LeakCheck(tables, nextId));
    } catch (ExtensionConfigurationException e) {
      StandardServiceRegistryBuilder.destroy(registry);
      database.close();
      throw e;
    } catch (RuntimeException e) {
      StandardServiceRegistryBuilder.destroy(registry);
      database.close();
      throw new ExtensionConfigurationException(
          "Hibernate could not build a SessionFactory for the entities "
              + entities.describe()
              + ": "
              + e.getMessage()
              + ". Check the mappings of these classes, and that every entity they refer to is"
              + " listed.",
          e);
    }
  }

  /**
   * Binds {@code LocalDateTime} as a wall time ({@code setObject}) instead of through {@code
   * java.sql.Timestamp}, which passes the JVM's time zone: a UTC wall time that does not exist in
   * that zone (a DST gap) would otherwise be moved by an hour.
   */
  private static final class WallTimeLocalDateTime extends LocalDateTimeJavaType {
    private static final long serialVersionUID = 1L;

    @Override
    public JdbcType getRecommendedJdbcType(JdbcTypeIndicators indicators) {
      return indicators.getJdbcType(SqlTypes.LOCAL_DATE_TIME);
    }
  }

  SchemaDatabase database() {
    return database;
  }

  SessionFactory sessionFactory() {
    return sessionFactory;
  }

  EntitySetTables tables() {
    return tables;
  }

  LeakCheck leaks() {
    return leaks;
  }

  @Override
  public void close() {
    try {
      sessionFactory.close();
    } finally {
      database.close();
    }
  }
}
