package io.github.fixturekit.internal;

import io.github.fixturekit.Factory;
import io.github.fixturekit.internal.instancio.InstancioFiller;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.hibernate.Session;

/** The {@link Factory} of one entity type, bound to one session. */
public final class EntityFactory<T> implements Factory<T> {

  private static final Consumer<Object> NO_CHANGES = entity -> {};

  private final FactoryRegistry registry;
  private final EntityModel<T> model;
  private final Session session;

  EntityFactory(FactoryRegistry registry, Class<T> type) {
    this.registry = registry;
    this.model = EntityModel.of(type);
    this.session = registry.session();
  }

  @Override
  public T build() {
    return build(NO_CHANGES);
  }

  @Override
  public T build(Consumer<? super T> customizer) {
    Objects.requireNonNull(customizer, "customizer must not be null: use build() for no changes");
    T entity = newEntity();
    customizer.accept(entity);
    for (Field parent : model.requiredParents()) {
      if (EntityFields.get(parent, entity) == null) {
        EntityFields.set(parent, entity, registry.within(model.type(), parent, Factory::build));
      }
    }
    return entity;
  }

  @Override
  public T create() {
    return create(NO_CHANGES);
  }

  @Override
  public T create(Consumer<? super T> customizer) {
    T entity = prepare(customizer);
    session.persist(entity);
    session.flush();
    if (model.readsBack()) {
      session.refresh(entity);
    }
    return entity;
  }

  /** Create, then always read the row back, as the reference token fixture does. */
  public T createAndRefresh(Consumer<? super T> customizer) {
    T entity = prepare(customizer);
    session.persist(entity);
    session.flush();
    session.refresh(entity);
    return entity;
  }

  @Override
  public List<T> createList(int count) {
    if (count < 0) {
      throw new IllegalArgumentException(Messages.negativeCount(count));
    }
    List<T> entities = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      T entity = prepare(NO_CHANGES);
      session.persist(entity);
      entities.add(entity);
    }
    session.flush();
    if (model.readsBack()) {
      entities.forEach(session::refresh);
    }
    return entities;
  }

  private T prepare(Consumer<? super T> customizer) {
    Objects.requireNonNull(customizer, "customizer must not be null: use create() for no changes");
    T entity = newEntity();
    customizer.accept(entity);
    // Again after the customizer, so that a time it set also equals the row.
    Temporals.truncate(entity);
    for (Field parent : model.requiredParents()) {
      Object current = EntityFields.get(parent, entity);
      if (current == null) {
        EntityFields.set(parent, entity, registry.within(model.type(), parent, Factory::create));
      } else {
        EntityFields.set(parent, entity, registry.attach(current));
      }
    }
    for (Field parent : model.optionalParents()) {
      Object current = EntityFields.get(parent, entity);
      if (current != null) {
        EntityFields.set(parent, entity, registry.attach(current));
      }
    }
    return entity;
  }

  private T newEntity() {
    T entity = InstancioFiller.fill(model.type(), EntityModel::isLeftAlone);
    Field id = model.assignedId();
    if (id != null) {
      EntityFields.set(id, entity, UniqueValues.next(id, null));
    }
    for (Field unique : model.uniqueFields()) {
      Object value = UniqueValues.next(unique, EntityFields.get(unique, entity));
      if (value != null) {
        EntityFields.set(unique, entity, value);
      }
    }
    Temporals.truncate(entity);
    return entity;
  }
}
