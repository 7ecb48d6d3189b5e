package io.github.fixturekit.internal;

import io.github.fixturekit.Factory;
import io.github.fixturekit.internal.batching.Batching;
import io.github.fixturekit.internal.instancio.InstancioFiller;
import java.lang.reflect.Field;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;
import org.hibernate.Hibernate;
import org.hibernate.Session;

/** The {@link Factory} of one entity type, bound to one session. */
public final class EntityFactory<T> implements Factory<T> {

  @SuppressWarnings("UnnecessaryLambda") // one shared customizer that changes nothing
  private static final Consumer<Object> NO_CHANGES = entity -> {};

  private static final int MOST_FILLED_AHEAD = 32;

  private final FactoryRegistry registry;
  private final EntityModel<T> model;
  private final Session session;

  /** Objects filled ahead for single calls of the plain recipe, and how many to fill next time. */
  private final ArrayDeque<T> plainAhead = new ArrayDeque<>();

  private int nextPlainFill = 1;

  /** Objects filled for the {@code createList} running now, with its recipe. */
  private ArrayDeque<T> listAhead = new ArrayDeque<>();

  private Recipe<T> listRecipe;

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
    return build(registry.recipe(model.type()), List.of(), customizer);
  }

  @Override
  public T create() {
    return create(NO_CHANGES);
  }

  @Override
  public T create(Consumer<? super T> customizer) {
    return create(registry.recipe(model.type()), List.of(), customizer, List.of());
  }

  @Override
  public List<T> createList(int count) {
    return createList(count, NO_CHANGES);
  }

  @Override
  public List<T> createList(int count, Consumer<? super T> customizer) {
    return createList(count, registry.recipe(model.type()), List.of(), customizer, List.of());
  }

  /** Builds in memory with {@code recipe}, then {@code traits}, then {@code customizer}. */
  public T build(
      Recipe<T> recipe, List<Consumer<? super T>> traits, Consumer<? super T> customizer) {
    requireCustomizer(customizer, "build()");
    T entity = make(recipe, traits, customizer);
    for (Field parent : model.requiredParents()) {
      if (EntityFields.get(parent, entity) == null) {
        Object built = registry.within(model.type(), parent, Factory::build);
        registry.markFilled(built);
        EntityFields.set(parent, entity, built);
      }
    }
    return entity;
  }

  /**
   * Builds as {@link #build(Recipe, List, Consumer)} does, persists, flushes, then runs {@code
   * after}.
   */
  public T create(
      Recipe<T> recipe,
      List<Consumer<? super T>> traits,
      Consumer<? super T> customizer,
      List<Consumer<? super T>> after) {
    requireCustomizer(customizer, "create()");
    registry.beforeWrite();
    T entity = make(recipe, traits, customizer);
    writing(
        () -> {
          persistGraph(entity);
          session.flush();
          if (model.readsBack()) {
            session.refresh(entity);
          }
        });
    after.forEach(action -> action.accept(entity));
    registry.afterWrite();
    return entity;
  }

  /**
   * Runs a write; when PostgreSQL refuses it because an earlier error in the test's transaction
   * aborted that transaction (SQLState 25P02), says so instead of Hibernate's bare error.
   */
  private void writing(Runnable write) {
    try {
      write.run();
    } catch (RuntimeException e) {
      for (Throwable t : Causes.of(e)) {
        if (t instanceof SQLException sql && "25P02".equals(sql.getSQLState())) {
          throw new IllegalStateException(Messages.transactionAborted(model.type()), e);
        }
      }
      throw e;
    }
  }

  /** Creates {@code count} entities with one flush, so Hibernate can batch their inserts. */
  public List<T> createList(
      int count,
      Recipe<T> recipe,
      List<Consumer<? super T>> traits,
      Consumer<? super T> customizer,
      List<Consumer<? super T>> after) {
    if (count < 0) {
      throw new IllegalArgumentException(Messages.negativeCount(count));
    }
    requireCustomizer(customizer, "createList(count)");
    registry.beforeWrite();
    List<T> entities = new ArrayList<>(count);
    // an identity id's block for the whole list in one statement
    if (HibernateVersion.batchesInserts()) {
      writing(() -> Batching.reserveIds(session, model.type(), count));
    }
    ArrayDeque<T> outerAhead = listAhead;
    Recipe<T> outerRecipe = listRecipe;
    listAhead = new ArrayDeque<>(count == 0 ? List.of() : fillMany(recipe.instancioModel(), count));
    listRecipe = recipe;
    try {
      for (int i = 0; i < count; i++) {
        T entity = make(recipe, traits, customizer);
        writing(() -> persistGraph(entity));
        entities.add(entity);
      }
    } finally {
      listAhead = outerAhead;
      listRecipe = outerRecipe;
    }
    writing(
        () -> {
          session.flush();
          if (model.readsBack()) {
            entities.forEach(session::refresh);
          }
        });
    for (T entity : entities) {
      after.forEach(action -> action.accept(entity));
    }
    registry.afterWrite();
    return entities;
  }

  /**
   * Create, then read the row back, as the reference token fixture does, unless the row can hold
   * nothing but what the insert wrote from the entity (no column the database fills): that read
   * would be a round trip that changes nothing. When the customizer sets every field random data
   * would go into ({@code setByCustomizer}), the entity starts from its constructor: no Instancio
   * call.
   */
  public T createAndReadBack(Set<Field> setByCustomizer, Consumer<? super T> customizer) {
    registry.beforeWrite();
    Recipe<T> recipe = registry.recipe(model.type());
    T entity =
        recipe == Recipe.none() && model.leavesNothingToFill(setByCustomizer)
            ? make(recipe, model.newInstance(), List.of(), customizer)
            : make(recipe, List.of(), customizer);
    writing(
        () -> {
          persistGraph(entity);
          session.flush();
          if (model.readsBack() || model.databaseWritesColumns()) {
            session.refresh(entity);
          }
        });
    registry.afterWrite();
    return entity;
  }

  /** Persists an entity {@code build()} made as a parent, with the parents it needs in turn. */
  Object persistFilled(Object entity) {
    T typed = model.type().cast(entity);
    persistGraph(typed);
    return typed;
  }

  /**
   * Persists {@code entity}: required parents are created (or, when set, made this session's),
   * children added to its inverse collections point back to it and are inserted after it, and every
   * parent's inverse collection, when loaded, gains the entity.
   */
  private void persistGraph(T entity) {
    for (Field parent : model.requiredParents()) {
      Object current = EntityFields.get(parent, entity);
      if (current == null) {
        EntityFields.set(parent, entity, registry.within(model.type(), parent, Factory::create));
      } else {
        EntityFields.set(parent, entity, managed(parent, current));
      }
    }
    for (Field parent : model.optionalParents()) {
      Object current = EntityFields.get(parent, entity);
      if (current != null) {
        EntityFields.set(parent, entity, managed(parent, current));
      }
    }
    for (Field owned : model.ownedCollections()) {
      attachElements(owned, entity);
    }
    List<Object> children = pointChildrenBack(entity);
    session.persist(entity);
    for (Object child : children) {
      registry.factory(Hibernate.getClass(child)).persistFilled(child);
    }
    addToParentsCollections(entity);
  }

  private Object managed(Field parent, Object current) {
    if (registry.wasFilled(current) && !session.contains(current)) {
      return registry.within(model.type(), parent, factory -> factory.persistFilled(current));
    }
    return registry.attach(current);
  }

  @SuppressWarnings("unchecked")
  private void attachElements(Field field, T entity) {
    Object value = EntityFields.get(field, entity);
    if (!(value instanceof Collection<?> elements) || elements.isEmpty()) {
      return;
    }
    List<Object> attached = new ArrayList<>(elements.size());
    boolean changed = false;
    for (Object element : elements) {
      Object row = registry.attach(element);
      changed |= row != element;
      attached.add(row);
    }
    if (changed) {
      Collection<Object> target = (Collection<Object>) elements;
      target.clear();
      target.addAll(attached);
    }
  }

  /**
   * Sets the back-reference of each new child in an inverse collection or one-to-one to {@code
   * entity}.
   */
  private List<Object> pointChildrenBack(T entity) {
    List<Object> newChildren = new ArrayList<>();
    for (Field inverse : model.inverseChildren()) {
      Object value = EntityFields.get(inverse, entity);
      if (value == null) {
        continue;
      }
      Collection<?> children = value instanceof Collection<?> c ? c : List.of(value);
      for (Object child : children) {
        if (child == null || session.contains(child)) {
          continue;
        }
        Field backReference = backReference(inverse, child);
        EntityFields.set(backReference, child, entity);
        newChildren.add(child);
      }
    }
    return newChildren;
  }

  private static Field backReference(Field inverse, Object child) {
    String name = EntityModel.mappedBy(inverse);
    for (Field field : EntityFields.persistentFields(Hibernate.getClass(child))) {
      if (field.getName().equals(name)) {
        return field;
      }
    }
    throw new IllegalStateException(Messages.noBackReference(inverse, name));
  }

  @SuppressWarnings("unchecked")
  private void addToParentsCollections(T entity) {
    for (Field parent : model.parentsWithInverse().keySet()) {
      Object value = EntityFields.get(parent, entity);
      if (value == null) {
        continue;
      }
      Object collection = EntityFields.get(model.parentsWithInverse().get(parent), value);
      if (collection instanceof Collection<?> c
          && Hibernate.isInitialized(c)
          && !c.contains(entity)) {
        ((Collection<Object>) c).add(entity);
      }
    }
  }

  /** The entity filled, defaulted, customized and derived: everything but its parents. */
  private T make(
      Recipe<T> recipe, List<Consumer<? super T>> traits, Consumer<? super T> customizer) {
    return make(recipe, nextFilled(recipe), traits, customizer);
  }

  /** As above, from {@code start}: an object Instancio filled, or one that needs no random data. */
  private T make(
      Recipe<T> recipe, T start, List<Consumer<? super T>> traits, Consumer<? super T> customizer) {
    T entity = fill(start);
    Set<Field> unfilled = unfilledRequired(entity);
    recipe.defaults(entity);
    Map<Field, Object> beforeChanges = new HashMap<>();
    recipe.derived().keySet().forEach(f -> beforeChanges.put(f, EntityFields.get(f, entity)));
    traits.forEach(trait -> trait.accept(entity));
    customizer.accept(entity);
    for (Map.Entry<Field, Function<? super T, ?>> derived : recipe.derived().entrySet()) {
      Field field = derived.getKey();
      if (EntityFields.get(field, entity) == beforeChanges.get(field)) {
        EntityFields.set(field, entity, derived.getValue().apply(entity));
      }
    }
    // Again after the user's changes, so that a time they set also equals the row.
    Temporals.truncate(entity);
    for (Field field : unfilled) {
      if (EntityFields.get(field, entity) == null) {
        throw new IllegalArgumentException(
            Messages.cannotFillField(model.type(), field, recipe.source()));
      }
    }
    return entity;
  }

  private List<T> fillMany(Object instancioModel, int count) {
    try {
      return InstancioFiller.fillMany(
          model.type(),
          EntityModel::isLeftAlone,
          registry.random().nextSeed(),
          instancioModel,
          count);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(Messages.cannotFill(model.type(), e.getMessage()), e);
    }
  }

  /**
   * The next object Instancio filled. One Instancio call for many objects costs little more than
   * one for a single object, so objects are filled ahead: all of a list at once, and for single
   * calls of the plain recipe 1, 2, 4, ... up to {@value #MOST_FILLED_AHEAD} at a time. A user's
   * Instancio model may be a new object on each call, so outside a list it is filled one object at
   * a time.
   */
  private T nextFilled(Recipe<T> recipe) {
    if (listRecipe == recipe && !listAhead.isEmpty()) {
      return listAhead.removeFirst();
    }
    Object instancioModel = recipe.instancioModel();
    if (instancioModel != null) {
      return fillMany(instancioModel, 1).get(0);
    }
    if (plainAhead.isEmpty()) {
      plainAhead.addAll(fillMany(null, nextPlainFill));
      nextPlainFill = Math.min(nextPlainFill * 2, MOST_FILLED_AHEAD);
    }
    return plainAhead.removeFirst();
  }

  private T fill(T entity) {
    for (Field id : model.assignedIds()) {
      EntityFields.set(id, entity, UniqueValues.next(id, null, registry.random()));
    }
    PatternValues.fill(entity, model.uniqueFieldSet(), registry.random().random());
    for (Field unique : model.uniqueFields()) {
      if (PatternValues.hasPattern(unique)) {
        continue; // its values are drawn from the pattern, and never handed out twice
      }
      Object value = UniqueValues.next(unique, EntityFields.get(unique, entity), registry.random());
      if (value != null) {
        EntityFields.set(unique, entity, value);
      }
    }
    for (Field[] path : model.embeddedUniqueFields()) {
      Object holder = EntityFields.get(path[0], entity);
      Field inner = path[1];
      if (holder != null && !PatternValues.hasPattern(inner)) {
        Object value = UniqueValues.next(inner, EntityFields.get(inner, holder), registry.random());
        if (value != null) {
          EntityFields.set(inner, holder, value);
        }
      }
    }
    for (Field collection : model.collections()) {
      if (EntityFields.get(collection, entity) == null) {
        EntityFields.set(collection, entity, emptyCollection(collection.getType()));
      }
    }
    ColumnFit.fit(entity);
    Temporals.truncate(entity);
    return entity;
  }

  private Set<Field> unfilledRequired(T entity) {
    Set<Field> unfilled = new LinkedHashSet<>();
    for (Field field : model.requiredValues()) {
      if (EntityFields.get(field, entity) == null) {
        unfilled.add(field);
      }
    }
    return unfilled;
  }

  private static Object emptyCollection(Class<?> type) {
    if (SortedSet.class.isAssignableFrom(type)) {
      return new TreeSet<>();
    }
    if (Set.class.isAssignableFrom(type)) {
      return new LinkedHashSet<>();
    }
    if (Map.class.isAssignableFrom(type)) {
      return new LinkedHashMap<>();
    }
    return new ArrayList<>();
  }

  private static void requireCustomizer(Object customizer, String plain) {
    Objects.requireNonNull(
        customizer, () -> "customizer must not be null: use " + plain + " for no changes");
  }
}
