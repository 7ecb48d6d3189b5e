package io.github.fixturekit.internal;

import jakarta.persistence.EntityManager;
import java.lang.reflect.Field;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.hibernate.Session;
import org.hibernate.Transaction;

/**
 * The factories of one session: one {@link EntityFactory} per entity type, so that required parents
 * are made by the parent's own factory. Confined to the thread of the test that owns the session.
 */
public final class FactoryRegistry {

  private final Session session;
  private final TestRandom random;
  private final Map<Class<?>, EntityFactory<?>> factories = new HashMap<>();
  private final Map<Class<?>, Recipe<?>> recipes = new HashMap<>();
  private final Map<Class<?>, Object> userFactories = new LinkedHashMap<>();
  // Parents that build() filled in on its own: persisted with their child, never refused.
  private final Set<Object> filledParents = Collections.newSetFromMap(new IdentityHashMap<>());
  // The required parents being made right now, outermost first.
  private final Deque<ParentStep> making = new ArrayDeque<>();

  /** Filling {@code field} of an {@code owner} that is being made. */
  record ParentStep(Class<?> owner, Field field) {}

  // Sessions of commit-mode tests: every registry on them commits, also a RefreshTokenFactory's
  // own.
  private static final Set<Session> COMMITTING =
      Collections.synchronizedSet(Collections.newSetFromMap(new java.util.WeakHashMap<>()));

  // Sessions fixturekit injected into a test: fixturekit closes them after the test, not the test.
  private static final Set<Session> INJECTED =
      Collections.synchronizedSet(Collections.newSetFromMap(new java.util.WeakHashMap<>()));

  // Commit mode: every factory call ends with a commit, so other connections see its rows.
  private boolean commitEachWrite;

  private FactoryRegistry(Session session, TestRandom random) {
    this.session = session;
    this.random = random;
    this.commitEachWrite = COMMITTING.contains(session);
  }

  /**
   * Factories bound to {@code entityManager} (a Hibernate {@code Session} underneath), unseeded.
   */
  public static FactoryRegistry of(EntityManager entityManager) {
    return of(entityManager, TestRandom.unpinned());
  }

  /** Factories bound to {@code entityManager} whose random data comes from {@code random}. */
  public static FactoryRegistry of(EntityManager entityManager, TestRandom random) {
    return new FactoryRegistry(entityManager.unwrap(Session.class), random);
  }

  /**
   * The factory of {@code type} on its own registry, bound to {@code entityManager}: for tests that
   * get their EntityManager from somewhere else than fixturekit (Spring, a persistence unit).
   *
   * @throws IllegalArgumentException when {@code type} is not an entity of that EntityManager
   */
  public static <T> EntityFactory<T> standalone(EntityManager entityManager, Class<T> type) {
    FactoryRegistry registry = of(entityManager);
    try {
      registry.session.getMetamodel().entity(type);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(Messages.notAnEntityOfThisEntityManager(type), e);
    }
    return registry.factory(type);
  }

  public Session session() {
    return session;
  }

  /**
   * Makes every factory call on this session (through this registry or any other made for it)
   * commit the session's transaction and begin the next one.
   */
  void commitEachWrite() {
    commitEachWrite = true;
    COMMITTING.add(session);
  }

  /** Ends commit mode for the session, which is closing. */
  void stopCommitting() {
    COMMITTING.remove(session);
  }

  /**
   * Marks the session as the one fixturekit injected into a test, for {@link
   * #requireOpenSession()}.
   */
  void injected() {
    INJECTED.add(session);
  }

  /**
   * Fails, saying what to do, when the session was closed under the factories: a closed session
   * would only answer "Session/EntityManager is closed".
   */
  public void requireOpenSession() {
    if (!session.isOpen()) {
      throw new IllegalStateException(
          INJECTED.contains(session)
              ? Messages.injectedSessionClosed()
              : Messages.givenSessionClosed());
    }
  }

  /**
   * Before a factory writes: in commit mode, a transaction even when the test ended the last one.
   */
  void beforeWrite() {
    requireOpenSession();
    if (commitEachWrite && !session.getTransaction().isActive()) {
      session.beginTransaction();
    }
  }

  /** After a factory wrote and flushed: in commit mode, commit and begin the next transaction. */
  void afterWrite() {
    if (commitEachWrite) {
      Transaction transaction = session.getTransaction();
      if (transaction.isActive()) {
        transaction.commit();
      }
      session.beginTransaction();
    }
  }

  public TestRandom random() {
    return random;
  }

  /**
   * Makes {@code recipe} the one used for {@code type} wherever fixturekit makes a {@code type} on
   * its own (a required parent, a plain {@code Factory<type>}), unless one was offered before.
   */
  public void offerRecipe(Class<?> type, Recipe<?> recipe) {
    recipes.putIfAbsent(type, recipe);
  }

  @SuppressWarnings("unchecked")
  <T> Recipe<T> recipe(Class<T> type) {
    return (Recipe<T>) recipes.getOrDefault(type, Recipe.none());
  }

  /** The classes of the user-defined factories this test made, in the order they were made. */
  public List<Class<?>> userFactoryClasses() {
    return List.copyOf(userFactories.keySet());
  }

  /** The user-defined factory of class {@code factoryClass}, one per session. */
  public <F> F userFactory(Class<F> factoryClass) {
    Object existing = userFactories.get(factoryClass);
    if (existing != null) {
      return factoryClass.cast(existing);
    }
    UserFactories.requireInstantiable(factoryClass);
    Class<?> entityType = UserFactories.entityType(factoryClass);
    F made = UserFactories.instantiate(factoryClass, new UserFactories.Binding<>(this, entityType));
    userFactories.put(factoryClass, made);
    return made;
  }

  void markFilled(Object parent) {
    filledParents.add(parent);
  }

  boolean wasFilled(Object parent) {
    return filledParents.contains(parent);
  }

  /** The factory of {@code type}. */
  @SuppressWarnings("unchecked")
  public <T> EntityFactory<T> factory(Class<T> type) {
    return (EntityFactory<T>) factories.computeIfAbsent(type, t -> new EntityFactory<>(this, t));
  }

  /**
   * Runs {@code action} with the factory of the type of {@code parentField}, to fill that field of
   * an {@code owner} being made; refuses a chain of required parents that leads back to a type
   * already being made.
   */
  Object within(Class<?> owner, Field parentField, Function<EntityFactory<?>, Object> action) {
    Class<?> parentType = parentField.getType();
    boolean cycle =
        parentType.isAssignableFrom(owner)
            || making.stream().anyMatch(step -> parentType.isAssignableFrom(step.owner()));
    making.addLast(new ParentStep(owner, parentField));
    try {
      if (cycle) {
        throw new IllegalStateException(Messages.requiredParentCycle(List.copyOf(making)));
      }
      return action.apply(factory(parentType));
    } finally {
      making.removeLast();
    }
  }

  /**
   * An entity this session may reference: the entity itself when the session manages it, else this
   * session's copy of the same row (a detached entity, or one from another session, is never
   * inserted again).
   *
   * @throws IllegalArgumentException when the entity has no row in this session's view of the
   *     database: never persisted, or persisted by a test whose rows were rolled back
   */
  public Object attach(Object entity) {
    if (session.contains(entity)) {
      return entity;
    }
    Object id = session.getSessionFactory().getPersistenceUnitUtil().getIdentifier(entity);
    Object row = id == null ? null : session.find(EntityIds.typeOf(entity), id);
    if (row == null) {
      throw new IllegalArgumentException(Messages.transientEntity(entity, id));
    }
    return row;
  }
}
