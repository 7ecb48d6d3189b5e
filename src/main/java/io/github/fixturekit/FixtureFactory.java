package io.github.fixturekit;

import io.github.fixturekit.internal.EntityFields;
import io.github.fixturekit.internal.Messages;
import io.github.fixturekit.internal.Recipe;
import io.github.fixturekit.internal.Sequences;
import io.github.fixturekit.internal.UserFactories;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Function;
import org.instancio.Model;
import org.jspecify.annotations.Nullable;

/**
 * The base type of a factory of your own for one entity: defaults, named traits, sequences and
 * derived attributes on top of fixturekit's random, valid data. Declare it as a test parameter,
 * like {@code Factory<T>}; fixturekit makes one per test.
 *
 * <pre>{@code
 * public class UserFactory extends FixtureFactory<User> {
 *
 *     public UserFactory() {
 *         derive("displayName", u -> u.getFirstName() + " " + u.getLastName());
 *     }
 *
 *     @Override
 *     protected void defaults(User user) {
 *         user.setEmail(sequence("user-{n}@example.org"));
 *         user.setRole(Role.MEMBER);
 *         user.setVerified(true);
 *     }
 *
 *     public UserFactory admin()      { return trait(u -> u.setRole(Role.ADMIN)); }
 *     public UserFactory unverified() { return trait(u -> u.setVerified(false)); }
 * }
 *
 * @Test
 * void adminsSeeEverything(UserFactory users) {
 *     User admin = users.admin().create();
 *     User guest = users.unverified().create(u -> u.setFirstName("Ann"));
 * }
 * }</pre>
 *
 * <p>For each entity the order is: random data, then {@link #defaults}, then the traits in the
 * order they were chained, then the customizer, then the derived attributes (each skipped when a
 * trait or the customizer set its field), then the required parents. Where the entity is a required
 * parent of another, fixturekit makes it with this factory's defaults too when the factory is
 * listed in {@code @FixtureTest(factories)} or declared as a parameter of the test.
 *
 * <p>Keep factories stateless: a trait returns a new instance of the class (made with its
 * no-argument constructor), so fields set later are not carried over.
 *
 * @param <T> the entity type
 * @since 0.1.0
 */
public abstract class FixtureFactory<T> implements Factory<T> {

  private final UserFactories.Binding<T> binding;
  private final Map<Field, Function<? super T, ?>> derived = new LinkedHashMap<>();
  private List<Consumer<? super T>> traits = List.of();
  private List<Consumer<? super T>> afterCreate = List.of();
  private final Recipe<T> recipe =
      new Recipe<>() {
        @Override
        public @Nullable Object instancioModel() {
          return FixtureFactory.this.instancioModel();
        }

        @Override
        public void defaults(T entity) {
          FixtureFactory.this.defaults(entity);
        }

        @Override
        public Map<Field, Function<? super T, ?>> derived() {
          return Collections.unmodifiableMap(derived);
        }

        @Override
        public String source() {
          return FixtureFactory.this.getClass().getName();
        }
      };

  /** Binds the factory to the test that asked for it; fixturekit calls this, not you. */
  @SuppressWarnings("unchecked")
  protected FixtureFactory() {
    this.binding = (UserFactories.Binding<T>) UserFactories.constructing();
    if (binding != null) {
      // the first factory of an entity type in a test also makes that type where it is a parent
      binding.registry().offerRecipe(binding.entityType(), recipe);
    }
  }

  /**
   * Sets the defaults of every entity this factory makes, over the random data. Override it; the
   * default sets nothing.
   *
   * @param entity an entity filled with random, valid data
   */
  protected void defaults(T entity) {}

  /**
   * An Instancio {@code Model} to start the random data from, for those who know Instancio's
   * selectors; fixturekit still leaves ids, versions, generated values and associations alone. The
   * default is none.
   *
   * <pre>{@code
   * @Override
   * protected Model<User> instancioModel() {
   *     return Instancio.of(User.class).generate(field(User::getAge), gen -> gen.ints().range(18, 99)).toModel();
   * }
   * }</pre>
   *
   * @return a model of the entity, or null
   */
  protected @Nullable Model<T> instancioModel() {
    return null;
  }

  /**
   * Declares a derived attribute: after the customizer, {@code field} is set to {@code value}
   * computed from the entity, unless a trait or the customizer set the field. Call it from the
   * constructor.
   *
   * @param field the name of a field of the entity
   * @param value computes the field's value from the entity
   */
  protected final void derive(String field, Function<? super T, ?> value) {
    Objects.requireNonNull(value, "value");
    derived.put(fieldNamed(field), value);
  }

  /**
   * The next value of a sequence: {@code template} with {@code {n}} replaced by a number that
   * counts from 1 over the whole run, one counter per template and factory class.
   *
   * @param template for example {@code "user-{n}@example.org"}
   * @return the template with the next number
   */
  protected final String sequence(String template) {
    return Sequences.format(getClass(), Objects.requireNonNull(template, "template"));
  }

  /**
   * The next number of this factory's counter named {@code name}, counting from 1 over the run.
   *
   * @param name the counter
   * @return the next number
   */
  protected final long sequenceNumber(String name) {
    return Sequences.next(getClass(), Objects.requireNonNull(name, "name"));
  }

  /**
   * The test's seeded random generator, for defaults that pick values themselves: the same seed
   * gives the same picks.
   *
   * @return the test's random generator
   */
  protected final Random random() {
    return binding().registry().random().random();
  }

  /**
   * A copy of this factory that also applies {@code change} to each entity, after the defaults and
   * before the customizer. Return it from a named trait method.
   *
   * @param change sets what the trait means
   * @param <F> this factory's own type
   * @return a new factory of the same class with the trait added
   */
  // F is the subclass's own type, so a trait method returns it without a cast
  @SuppressWarnings({"unchecked", "TypeParameterUnusedInFormals"})
  protected final <F extends FixtureFactory<T>> F trait(Consumer<? super T> change) {
    FixtureFactory<T> copy = copy();
    copy.traits = plus(traits, Objects.requireNonNull(change, "change"));
    return (F) copy;
  }

  /**
   * A copy of this factory that runs {@code action} on each entity after it is persisted and
   * flushed, for example to create its children.
   *
   * <pre>{@code
   * public OrderFactory withLines(int count) {
   *     return afterCreate(order -> factory(OrderLine.class).createList(count, l -> l.setOrder(order)));
   * }
   * }</pre>
   *
   * @param action runs on the managed entity
   * @param <F> this factory's own type
   * @return a new factory of the same class with the action added
   */
  @SuppressWarnings({"unchecked", "TypeParameterUnusedInFormals"})
  protected final <F extends FixtureFactory<T>> F afterCreate(Consumer<? super T> action) {
    FixtureFactory<T> copy = copy();
    copy.traits = traits;
    copy.afterCreate = plus(afterCreate, Objects.requireNonNull(action, "action"));
    return (F) copy;
  }

  /**
   * The factory of another entity of the same test, for traits that make related rows.
   *
   * @param entityType an entity of the test's entity set
   * @param <X> the entity type
   * @return its factory, with the defaults of a user factory registered for it
   */
  protected final <X> Factory<X> factory(Class<X> entityType) {
    return binding().registry().factory(entityType);
  }

  @Override
  public final T build() {
    return build(entity -> {});
  }

  @Override
  public final T build(Consumer<? super T> customizer) {
    return binding().registry().factory(binding().entityType()).build(recipe, traits, customizer);
  }

  @Override
  public final T create() {
    return create(entity -> {});
  }

  @Override
  public final T create(Consumer<? super T> customizer) {
    return binding()
        .registry()
        .factory(binding().entityType())
        .create(recipe, traits, customizer, afterCreate);
  }

  @Override
  public final List<T> createList(int count) {
    return createList(count, entity -> {});
  }

  @Override
  public final List<T> createList(int count, Consumer<? super T> customizer) {
    return binding()
        .registry()
        .factory(binding().entityType())
        .createList(count, recipe, traits, customizer, afterCreate);
  }

  private UserFactories.Binding<T> binding() {
    if (binding == null) {
      throw new IllegalStateException(Messages.userFactoryNotInjected(getClass()));
    }
    return binding;
  }

  private FixtureFactory<T> copy() {
    @SuppressWarnings("unchecked")
    FixtureFactory<T> copy = UserFactories.instantiate(getClass(), binding());
    copy.afterCreate = afterCreate;
    return copy;
  }

  private Field fieldNamed(String name) {
    Objects.requireNonNull(name, "field");
    Class<?> entityType = UserFactories.entityType(getClass());
    return EntityFields.persistentFields(entityType).stream()
        .filter(f -> f.getName().equals(name))
        .findFirst()
        .orElseThrow(
            () -> new IllegalArgumentException(Messages.noSuchField(getClass(), entityType, name)));
  }

  private static <X> List<X> plus(List<X> list, X item) {
    List<X> longer = new ArrayList<>(list);
    longer.add(item);
    return List.copyOf(longer);
  }
}
