package io.github.fixturekit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.fixturekit.Factory;
import io.github.fixturekit.FixtureFactory;
import io.github.fixturekit.internal.UserFactories.Binding;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import org.hibernate.Session;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * How fixturekit makes a user's factory and reads off which entity it makes, asked of {@link
 * UserFactories} directly (no database). The entity type is cached per class, so its rule is asked
 * through the uncached {@link UserFactories#resolveEntityType}.
 */
class UserFactoriesTest {

  static class Order {}

  static final Binding<Order> ORDERS = new Binding<>(null, Order.class);
  static final Binding<String> STRINGS = new Binding<>(null, String.class);

  @Nested
  class Instantiate {

    /** Remembers the binding it was made with. */
    static class Seen {
      final Binding<?> binding = UserFactories.constructing();
    }

    static class PrivateConstructor {
      final Binding<?> binding;

      private PrivateConstructor() {
        binding = UserFactories.constructing();
      }
    }

    static class NoNoArgConstructor {
      NoNoArgConstructor(int ignored) {}
    }

    abstract static class Abstract {}

    static final IllegalStateException UNCHECKED = new IllegalStateException("unchecked failure");
    static final IOException CHECKED = new IOException("checked failure");

    static class ThrowsUnchecked {
      ThrowsUnchecked() {
        throw UNCHECKED;
      }
    }

    static class ThrowsChecked {
      ThrowsChecked() throws IOException {
        throw CHECKED;
      }
    }

    /** Makes a {@link Seen} with {@link #STRINGS} in its own constructor, and looks around it. */
    static class Outer {
      final Binding<?> before;
      final Seen inner;
      final Binding<?> after;

      Outer() {
        before = UserFactories.constructing();
        inner = UserFactories.instantiate(Seen.class, STRINGS);
        after = UserFactories.constructing();
      }
    }

    /** Makes a factory whose constructor fails, in its own constructor, and looks after it. */
    static class OuterOfAFailure {
      final Binding<?> after;

      OuterOfAFailure() {
        try {
          UserFactories.instantiate(ThrowsUnchecked.class, STRINGS);
        } catch (IllegalStateException expected) {
          // the binding around it is what matters
        }
        after = UserFactories.constructing();
      }
    }

    @Test
    void theConstructorSeesItsBindingAndNoOneElseDoesAfterwards() {
      Seen made = UserFactories.instantiate(Seen.class, ORDERS);

      assertThat(made.binding).isSameAs(ORDERS);
      assertThat(UserFactories.constructing()).isNull();
    }

    @Test
    void aPrivateConstructorIsUsedToo() {
      assertThat(UserFactories.instantiate(PrivateConstructor.class, ORDERS).binding)
          .isSameAs(ORDERS);
    }

    @Test
    void aNestedInstantiateSeesItsOwnBindingAndTheOuterOneIsRestoredAfterIt() {
      Outer outer = UserFactories.instantiate(Outer.class, ORDERS);

      assertThat(outer.before).isSameAs(ORDERS);
      assertThat(outer.inner.binding).isSameAs(STRINGS);
      assertThat(outer.after).isSameAs(ORDERS);
      assertThat(UserFactories.constructing()).isNull();
    }

    @Test
    void aNestedConstructorThatFailsRestoresTheOuterBindingToo() {
      assertThat(UserFactories.instantiate(OuterOfAFailure.class, ORDERS).after).isSameAs(ORDERS);
      assertThat(UserFactories.constructing()).isNull();
    }

    @Test
    void aClassWithoutANoArgumentConstructorIsRefusedWithHowToFixIt() {
      assertThatThrownBy(() -> UserFactories.instantiate(NoNoArgConstructor.class, ORDERS))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(Messages.userFactoryConstructor(NoNoArgConstructor.class))
          .hasMessageContaining("with a constructor without arguments")
          .hasCauseInstanceOf(NoSuchMethodException.class);
      assertThat(UserFactories.constructing()).isNull();
    }

    @Test
    void anAbstractClassIsRefusedWithTheSameMessage() {
      assertThatThrownBy(() -> UserFactories.instantiate(Abstract.class, ORDERS))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(Messages.userFactoryConstructor(Abstract.class))
          .hasCauseInstanceOf(InstantiationException.class);
      assertThat(UserFactories.constructing()).isNull();
    }

    @Test
    void anUncheckedExceptionOfTheConstructorIsThrownAsItIs() {
      assertThatThrownBy(() -> UserFactories.instantiate(ThrowsUnchecked.class, ORDERS))
          .isSameAs(UNCHECKED);
      assertThat(UserFactories.constructing()).isNull();
    }

    @Test
    void aCheckedExceptionOfTheConstructorBecomesAnIllegalStateExceptionCausedByIt() {
      assertThatThrownBy(() -> UserFactories.instantiate(ThrowsChecked.class, ORDERS))
          .isExactlyInstanceOf(IllegalStateException.class)
          .hasMessage(
              "the constructor of ["
                  + ThrowsChecked.class.getName()
                  + "] failed: java.io.IOException: checked failure")
          .hasCause(CHECKED)
          .cause()
          .isSameAs(CHECKED);
      assertThat(UserFactories.constructing()).isNull();
    }
  }

  @Nested
  class FixtureFactories {

    static class OrderFactory extends FixtureFactory<Order> {}

    /** A session that answers only what a registry asks of it when it is made. */
    static Session session() {
      return (Session)
          Proxy.newProxyInstance(
              UserFactoriesTest.class.getClassLoader(),
              new Class<?>[] {Session.class},
              (proxy, method, args) ->
                  switch (method.getName()) {
                    case "unwrap" -> proxy;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    case "toString" -> "session";
                    default -> throw new UnsupportedOperationException(method.getName());
                  });
    }

    @Test
    void aFactoryMadeByFixturekitOffersItsRecipeToTheRegistryOfItsBinding() {
      FactoryRegistry registry = FactoryRegistry.of(session());

      UserFactories.instantiate(OrderFactory.class, new Binding<>(registry, Order.class));

      assertThat(registry.recipe(Order.class).source()).isEqualTo(OrderFactory.class.getName());
      assertThat(registry.recipe(String.class)).isSameAs(Recipe.none());
    }

    @Test
    void aFactoryMadeWithNewHasNoBindingAndSaysSoWhenUsed() {
      OrderFactory made = new OrderFactory();

      assertThatThrownBy(made::build)
          .isInstanceOf(IllegalStateException.class)
          .hasMessage(Messages.userFactoryNotInjected(OrderFactory.class));
    }
  }

  @Nested
  class WhatCountsAsAUserFactory {

    static class OrderFactory extends FixtureFactory<Order> {}

    @Test
    void aSubclassOfFixtureFactoryIsOneButFixtureFactoryItselfAndOtherTypesAreNot() {
      assertThat(UserFactories.isUserFactory(OrderFactory.class)).isTrue();
      assertThat(UserFactories.isUserFactory(FixtureFactory.class)).isFalse();
      assertThat(UserFactories.isUserFactory(Factory.class)).isFalse();
      assertThat(UserFactories.isUserFactory(Order.class)).isFalse();
    }
  }

  @Nested
  class RequireInstantiable {

    abstract static class Abstract extends FixtureFactory<Order> {}

    class Inner extends FixtureFactory<Order> {}

    static class Fine extends FixtureFactory<Order> {}

    @Test
    void anAbstractClassIsRefused() {
      assertThatThrownBy(() -> UserFactories.requireInstantiable(Abstract.class))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(Messages.userFactoryConstructor(Abstract.class));
    }

    @Test
    void aNonStaticInnerClassIsRefused() {
      assertThatThrownBy(() -> UserFactories.requireInstantiable(Inner.class))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(Messages.userFactoryConstructor(Inner.class))
          .hasMessageContaining("static if nested");
    }

    @Test
    void aStaticNestedClassATopLevelOneAndALocalOneAreAccepted() {
      class Local {}
      List<Class<?>> accepted = List.of(Fine.class, Order.class, Local.class, String.class);

      for (Class<?> type : accepted) {
        UserFactories.requireInstantiable(type);
      }
      assertThat(Local.class.isMemberClass()).isFalse();
    }
  }

  @Nested
  class EntityType {

    static class Direct extends FixtureFactory<Order> {}

    abstract static class Base<T> extends FixtureFactory<T> {}

    static class ThroughABase extends Base<Order> {}

    abstract static class Middle<U> extends Base<U> {}

    static class ThroughTwoLevels extends Middle<Order> {}

    abstract static class Pair<K, V> extends FixtureFactory<V> {}

    abstract static class Swapped<X, Y> extends Pair<Y, X> {}

    static class Reordered extends Swapped<Order, String> {}

    static class OfAParameterizedType extends FixtureFactory<Map<String, Order>> {}

    static class OfAParameterizedTypeThroughABase extends Base<List<Order>> {}

    static class OfAnArray extends FixtureFactory<Order[]> {}

    @SuppressWarnings("rawtypes")
    static class Raw extends FixtureFactory {}

    @SuppressWarnings("rawtypes")
    static class RawBase extends Base {}

    static class Unbound<T> extends FixtureFactory<T> {}

    abstract static class GenericArray<T> extends FixtureFactory<T[]> {}

    static class OfAGenericArray extends GenericArray<Order> {}

    @Test
    void theTypeArgumentGivenToFixtureFactory() {
      assertThat(UserFactories.resolveEntityType(Direct.class)).isEqualTo(Order.class);
    }

    @Test
    void aTypeArgumentGivenToAGenericSuperclass() {
      assertThat(UserFactories.resolveEntityType(ThroughABase.class)).isEqualTo(Order.class);
    }

    @Test
    void aTypeArgumentPassedOnThroughTwoTypeVariables() {
      assertThat(UserFactories.resolveEntityType(ThroughTwoLevels.class)).isEqualTo(Order.class);
    }

    @Test
    void typeVariablesRenamedAndReorderedOnTheWayAreFollowedByPosition() {
      assertThat(UserFactories.resolveEntityType(Reordered.class)).isEqualTo(Order.class);
    }

    @Test
    void aParameterizedTypeArgumentGivesItsRawClass() {
      assertThat(UserFactories.resolveEntityType(OfAParameterizedType.class)).isEqualTo(Map.class);
      assertThat(UserFactories.resolveEntityType(OfAParameterizedTypeThroughABase.class))
          .isEqualTo(List.class);
    }

    @Test
    void anArrayTypeArgumentIsItsArrayClass() {
      assertThat(UserFactories.resolveEntityType(OfAnArray.class)).isEqualTo(Order[].class);
    }

    @Test
    void aFactoryThatGivesNoTypeArgumentIsRefusedWithAnExample() {
      for (Class<?> factory :
          List.of(
              Raw.class,
              RawBase.class,
              Unbound.class,
              OfAGenericArray.class,
              FixtureFactory.class)) {
        assertThatThrownBy(() -> UserFactories.resolveEntityType(factory))
            .as(factory.getName())
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage(Messages.userFactoryEntityUnknown(factory))
            .hasMessageContaining("class UserFactory extends FixtureFactory<User>");
      }
    }

    @Test
    void aClassThatIsNoFactoryAtAllIsRefusedToo() {
      assertThatThrownBy(() -> UserFactories.resolveEntityType(Order.class))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(Messages.userFactoryEntityUnknown(Order.class));
    }

    @Test
    void theCachedEntityTypeIsTheResolvedOneEveryTime() {
      assertThat(UserFactories.entityType(ThroughTwoLevels.class)).isEqualTo(Order.class);
      assertThat(UserFactories.entityType(ThroughTwoLevels.class)).isEqualTo(Order.class);
      assertThat(UserFactories.entityType(Reordered.class)).isEqualTo(Order.class);
      assertThatThrownBy(() -> UserFactories.entityType(Raw.class))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(Messages.userFactoryEntityUnknown(Raw.class));
    }
  }
}
