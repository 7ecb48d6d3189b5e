package io.github.fixturekit.internal.batching;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import org.hibernate.FlushMode;
import org.hibernate.engine.spi.EntityEntry;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.event.spi.AutoFlushEvent;
import org.hibernate.event.spi.AutoFlushEventListener;
import org.hibernate.event.spi.EventSource;
import org.hibernate.event.spi.FlushEvent;
import org.hibernate.event.spi.FlushEventListener;
import org.hibernate.event.spi.PostInsertEvent;
import org.hibernate.event.spi.PostInsertEventListener;
import org.hibernate.metamodel.mapping.EntityMappingType;
import org.hibernate.persister.entity.EntityPersister;

/**
 * Reads database-generated values of inserted rows back after the flush that inserted them: one
 * query per entity type and flush ({@code select id, generated... where id in (...)}) instead of
 * one {@code insert ... returning} per row, which Hibernate cannot batch. Each entity gets its
 * values (and Hibernate's snapshot of it too) before {@code flush()}, or the query that flushed,
 * returns.
 */
final class GeneratedReadBack
    implements PostInsertEventListener, FlushEventListener, AutoFlushEventListener {

  private static final long serialVersionUID = 1L;

  /** Ids per query: PostgreSQL takes up to 65535 parameters. */
  private static final int CHUNK = 5_000;

  /** Entity name to the properties whose insert values fixturekit reads back itself. */
  private final Map<String, List<String>> readLater = new ConcurrentHashMap<>();

  /** Inserted, not read back yet: per session, per persister, id to entity. */
  private final Map<SharedSessionContractImplementor, Map<EntityPersister, Map<Object, Object>>>
      pending = Collections.synchronizedMap(new WeakHashMap<>());

  void register(String entityName, String property) {
    readLater
        .computeIfAbsent(entityName, e -> Collections.synchronizedList(new ArrayList<>()))
        .add(property);
  }

  boolean isEmpty() {
    return readLater.isEmpty();
  }

  Set<String> entityNames() {
    return readLater.keySet();
  }

  private List<String> properties(EntityPersister persister) {
    // a subclass entity inherits what its superclasses read back
    List<String> found = new ArrayList<>();
    for (EntityMappingType type = persister; type != null; type = type.getSuperMappingType()) {
      found.addAll(readLater.getOrDefault(type.getEntityName(), List.of()));
    }
    return found;
  }

  @Override
  public void onPostInsert(PostInsertEvent event) {
    EntityPersister persister = event.getPersister();
    if (properties(persister).isEmpty()) {
      return;
    }
    SharedSessionContractImplementor session = event.getSession();
    if (!(session instanceof EventSource)) {
      // a StatelessSession has no flush to wait for: read now
      session.getJdbcCoordinator().executeBatch();
      readBack(session, persister, Map.of(event.getId(), event.getEntity()));
      return;
    }
    pending
        .computeIfAbsent(session, s -> new LinkedHashMap<>())
        .computeIfAbsent(persister, p -> new LinkedHashMap<>())
        .put(event.getId(), event.getEntity());
  }

  @Override
  public boolean requiresPostCommitHandling(EntityPersister persister) {
    return false;
  }

  @Override
  public void onFlush(FlushEvent event) {
    readPending(event.getSession());
  }

  @Override
  public void onAutoFlush(AutoFlushEvent event) {
    readPending(event.getSession());
  }

  private void readPending(EventSource session) {
    Map<EntityPersister, Map<Object, Object>> inserted = pending.remove(session);
    if (inserted == null) {
      return;
    }
    // the flush's batches have run by now: every pending row is in the database
    session.getJdbcCoordinator().executeBatch();
    inserted.forEach((persister, entities) -> readBack(session, persister, entities));
  }

  // setHibernateFlushMode: its replacement (setQueryFlushMode) is new in Hibernate 7, and 6.6 is
  // supported
  @SuppressWarnings("deprecation")
  private void readBack(
      SharedSessionContractImplementor session,
      EntityPersister persister,
      Map<Object, Object> entities) {
    List<String> properties = properties(persister);
    String id = persister.getIdentifierPropertyName();
    StringBuilder hql = new StringBuilder("select e.").append(id);
    properties.forEach(p -> hql.append(", e.").append(p));
    hql.append(" from ")
        .append(persister.getEntityName())
        .append(" e where e.")
        .append(id)
        .append(" in (:ids)");
    int[] positions = properties.stream().mapToInt(persister::getPropertyIndex).toArray();
    List<Object> ids = new ArrayList<>(entities.keySet());
    Map<Object, Object> byId = new HashMap<>(entities);
    for (int from = 0; from < ids.size(); from += CHUNK) {
      List<Object[]> rows =
          session
              .createSelectionQuery(hql.toString(), Object[].class)
              .setHibernateFlushMode(FlushMode.MANUAL)
              .setParameterList("ids", ids.subList(from, Math.min(ids.size(), from + CHUNK)))
              .getResultList();
      for (Object[] row : rows) {
        Object entity = byId.get(row[0]);
        if (entity != null) {
          set(session, persister, entity, positions, row);
        }
      }
    }
  }

  private static void set(
      SharedSessionContractImplementor session,
      EntityPersister persister,
      Object entity,
      int[] positions,
      Object[] row) {
    EntityEntry entry = session.getPersistenceContextInternal().getEntry(entity);
    Object[] loaded = entry == null ? null : entry.getLoadedState();
    for (int i = 0; i < positions.length; i++) {
      persister.setValue(entity, positions[i], row[i + 1]);
      if (loaded != null) {
        loaded[positions[i]] = row[i + 1];
      }
    }
  }
}
