package io.github.fixturekit.internal.batching;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;
import java.util.Set;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.model.relational.Database;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.EventType;
import org.hibernate.generator.Generator;
import org.hibernate.generator.GeneratorCreationContext;
import org.hibernate.generator.OnExecutionGenerator;
import org.hibernate.id.IdentityGenerator;
import org.hibernate.mapping.Column;
import org.hibernate.mapping.Component;
import org.hibernate.mapping.GeneratorCreator;
import org.hibernate.mapping.PersistentClass;
import org.hibernate.mapping.Property;
import org.hibernate.mapping.RootClass;
import org.hibernate.mapping.SimpleValue;
import org.hibernate.mapping.Value;
import org.hibernate.service.ServiceRegistry;

/**
 * Makes inserts batchable in the SessionFactory fixturekit builds. Hibernate batches an insert only
 * when it reads nothing back from it; it reads back identity ids and database-generated columns,
 * one statement per row. So, before the SessionFactory is built from {@code metadata}:
 *
 * <ul>
 *   <li>an identity id is drawn in blocks from the identity column's own sequence before the insert
 *       ({@link IdentityBlocks}); the column stays an identity column;
 *   <li>a column the database fills on insert (a default or a generated column, {@code @Generated})
 *       stays out of the insert as before, and its values are read back after the flush, one query
 *       per entity type ({@link GeneratedReadBack}).
 * </ul>
 *
 * Call {@link #prepare(Metadata)} on the metadata, build the SessionFactory, then {@link
 * #install(SessionFactory)}.
 */
public final class Batching {

  private static final Set<Class<?>> IDENTITY_TYPES =
      Set.of(
          Long.class,
          long.class,
          Integer.class,
          int.class,
          Short.class,
          short.class,
          BigInteger.class,
          BigDecimal.class);

  private final GeneratedReadBack readBack = new GeneratedReadBack();

  private Batching() {}

  /** Rewrites identity ids and insert-generated columns of {@code metadata}'s entities. */
  public static Batching prepare(Metadata metadata) {
    Batching batching = new Batching();
    for (PersistentClass entity : metadata.getEntityBindings()) {
      if (entity instanceof RootClass root) {
        batching.identityInBlocks(root);
      }
      for (Property property : entity.getProperties()) {
        if (property != entity.getVersion() && !(property.getValue() instanceof Component)) {
          batching.readLater(metadata, entity, property);
        }
      }
    }
    return batching;
  }

  /** Adds the listeners that read generated values back after each flush. */
  public void install(SessionFactory sessionFactory) {
    if (readBack.isEmpty()) {
      return;
    }
    EventListenerRegistry listeners =
        sessionFactory.unwrap(SessionFactoryImplementor.class).getEventListenerRegistry();
    listeners.appendListeners(EventType.POST_INSERT, readBack);
    listeners.appendListeners(EventType.FLUSH, readBack);
    listeners.appendListeners(EventType.AUTO_FLUSH, readBack);
  }

  /**
   * Forgets the identity ids every entity of {@code sessionFactory} drew ahead, after its tables
   * were truncated with {@code RESTART IDENTITY}; call it while no session of the factory writes.
   */
  public static void forgetIds(SessionFactory sessionFactory) {
    sessionFactory
        .unwrap(SessionFactoryImplementor.class)
        .getMappingMetamodel()
        .forEachEntityDescriptor(
            descriptor -> {
              if (descriptor.getGenerator() instanceof IdentityBlocks blocks) {
                blocks.forget();
              }
            });
  }

  /**
   * Fetches the next {@code count} ids of {@code type} in one statement when it has an identity id,
   * so that a list of new rows costs one round trip for its ids.
   */
  public static void reserveIds(Session session, Class<?> type, int count) {
    SharedSessionContractImplementor s = session.unwrap(SharedSessionContractImplementor.class);
    Generator generator =
        s.getFactory().getMappingMetamodel().getEntityDescriptor(type).getGenerator();
    if (generator instanceof IdentityBlocks blocks) {
      blocks.reserve(s, count);
    }
  }

  private void identityInBlocks(RootClass root) {
    if (!(root.getIdentifier() instanceof SimpleValue id)
        || id instanceof Component
        || id.getColumnSpan() != 1
        || !id.getColumns().get(0).isIdentity()) {
      return;
    }
    Column column = id.getColumns().get(0);
    GeneratorCreator original = id.getCustomIdGeneratorCreator();
    if (original == null) {
      return;
    }
    String columnName =
        column.isQuoted() ? column.getName() : column.getName().toLowerCase(Locale.ROOT);
    id.setCustomIdGeneratorCreator(
        context -> {
          Generator generator = original.createGenerator(context);
          Class<?> type = context.getType().getReturnedClass();
          if (generator.getClass() != IdentityGenerator.class || !IDENTITY_TYPES.contains(type)) {
            return generator;
          }
          String table =
              context
                  .getSqlStringGenerationContext()
                  .format(root.getTable().getQualifiedTableName());
          return new IdentityBlocks(table, columnName, type);
        });
  }

  private void readLater(Metadata metadata, PersistentClass entity, Property property) {
    GeneratorCreator original = property.getValueGeneratorCreator();
    if (original == null) {
      return;
    }
    // Asked at boot, because whether the column is in the insert is settled before the generator
    // Hibernate builds later is known.
    Generator probe = original.createGenerator(new BootContext(metadata, entity, property));
    if (!ReadLater.canReadLater(probe, metadata.getDatabase().getDialect())) {
      return;
    }
    property.setInsertable(false);
    readBack.register(entity.getEntityName(), property.getName());
    property.setValueGeneratorCreator(
        context -> new ReadLater((OnExecutionGenerator) original.createGenerator(context)));
  }

  /** What a generator may ask while it is made, answered from the metadata. */
  private record BootContext(Metadata metadata, PersistentClass entity, Property property)
      implements GeneratorCreationContext {

    @Override
    public Database getDatabase() {
      return metadata.getDatabase();
    }

    @Override
    public ServiceRegistry getServiceRegistry() {
      return metadata.getDatabase().getServiceRegistry();
    }

    @Override
    public String getDefaultCatalog() {
      return null;
    }

    @Override
    public String getDefaultSchema() {
      return null;
    }

    @Override
    public PersistentClass getPersistentClass() {
      return entity;
    }

    @Override
    public RootClass getRootClass() {
      return entity.getRootClass();
    }

    @Override
    public Property getProperty() {
      return property;
    }

    @Override
    public Value getValue() {
      return property.getValue();
    }
  }
}
