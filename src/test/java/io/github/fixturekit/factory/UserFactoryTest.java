package io.github.fixturekit.factory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.fixturekit.Factory;
import io.github.fixturekit.FixtureFactory;
import io.github.fixturekit.FixtureTest;
import io.github.fixturekit.factory.shop.Label;
import io.github.fixturekit.factory.shop.OrderLine;
import io.github.fixturekit.factory.shop.OrderStatus;
import io.github.fixturekit.factory.shop.Product;
import io.github.fixturekit.factory.shop.Role;
import io.github.fixturekit.factory.shop.ShopCategory;
import io.github.fixturekit.factory.shop.ShopOrder;
import io.github.fixturekit.factory.shop.ShopOrderFactory;
import io.github.fixturekit.factory.shop.ShopUser;
import io.github.fixturekit.factory.shop.ShopUserFactory;
import io.github.fixturekit.factory.shop.enhanced.Review;
import java.util.List;
import org.hibernate.Session;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Factories users write: defaults, traits, sequences, derived attributes, Instancio models. */
@FixtureTest(
    entities = {
      ShopUser.class,
      ShopOrder.class,
      OrderLine.class,
      Product.class,
      ShopCategory.class,
      Label.class,
      Review.class
    },
    factories = ShopUserFactory.class)
class UserFactoryTest {

  @Nested
  class Defaults {

    @Test
    void defaultsApplyOverTheRandomData(ShopUserFactory users) {
      ShopUser user = users.create();

      assertThat(user.getRole()).isEqualTo(Role.MEMBER);
      assertThat(user.isVerified()).isTrue();
      assertThat(user.getEmail()).matches("user-\\d+@example\\.org");
      assertThat(user.getFirstName()).as("still random").isNotBlank();
    }

    @Test
    void sequenceCountsUpAndKeepsTheColumnUnique(ShopUserFactory users, Session session) {
      List<ShopUser> created = users.createList(50);

      List<Long> numbers =
          created.stream().map(u -> Long.parseLong(u.getEmail().replaceAll("\\D", ""))).toList();
      assertThat(numbers).isSorted().doesNotHaveDuplicates();
      assertThat(numbers.get(49) - numbers.get(0)).isEqualTo(49L);
      assertThat(Rows.number(session, "select count(distinct email) from shop_users"))
          .isEqualTo(50L);
    }

    @Test
    void aNamedCounterCountsOnItsOwnByOne(ShopUserFactory users) {
      List<ShopUser> testers = users.numberedTester().createList(3);

      List<Long> numbers =
          testers.stream().map(u -> Long.parseLong(u.getLastName().substring(7))).toList();
      assertThat(testers.get(0).getLastName()).startsWith("Tester ");
      assertThat(numbers.get(0)).isPositive();
      assertThat(numbers).containsExactly(numbers.get(0), numbers.get(0) + 1, numbers.get(0) + 2);
      assertThat(testers.get(2).getDisplayName()).endsWith(" Tester " + numbers.get(2));
    }

    @Test
    void derivedAttributeIsComputedFromTheFinalFields(ShopUserFactory users) {
      ShopUser user = users.create(u -> u.setFirstName("Ada"));

      assertThat(user.getDisplayName()).isEqualTo("Ada " + user.getLastName());
    }

    @Test
    void derivedAttributeYieldsToTheCustomizer(ShopUserFactory users) {
      ShopUser user = users.create(u -> u.setDisplayName("The Countess"));

      assertThat(user.getDisplayName()).isEqualTo("The Countess");
    }

    @Test
    void listedFactoryAlsoMakesRequiredParentsAndPlainFactories(
        Factory<ShopOrder> orders, Factory<ShopUser> plainUsers) {
      ShopUser customer = orders.create().getCustomer();

      assertThat(customer.getEmail()).startsWith("user-");
      assertThat(customer.getRole()).isEqualTo(Role.MEMBER);
      assertThat(customer.getDisplayName())
          .isEqualTo(customer.getFirstName() + " " + customer.getLastName());
      assertThat(plainUsers.create().getEmail()).startsWith("user-");
    }
  }

  @Nested
  class Traits {

    @Test
    void namedTraitsChangeWhatTheyName(ShopUserFactory users) {
      ShopUser admin = users.admin().create();
      ShopUser guest = users.unverified().create();
      ShopUser both = users.admin().unverified().create();

      assertThat(admin.getRole()).isEqualTo(Role.ADMIN);
      assertThat(admin.isVerified()).isTrue();
      assertThat(guest.getRole()).isEqualTo(Role.MEMBER);
      assertThat(guest.isVerified()).isFalse();
      assertThat(both.getRole()).isEqualTo(Role.ADMIN);
      assertThat(both.isVerified()).isFalse();
    }

    @Test
    void aTraitLeavesTheFactoryItCameFromUnchanged(ShopUserFactory users) {
      ShopUserFactory admins = users.admin();

      assertThat(admins).isNotSameAs(users);
      assertThat(users.create().getRole()).isEqualTo(Role.MEMBER);
      assertThat(admins.createList(3))
          .allSatisfy(u -> assertThat(u.getRole()).isEqualTo(Role.ADMIN));
    }

    @Test
    void customizerRunsAfterTraitsAndDerivedAfterBoth(ShopUserFactory users) {
      ShopUser user = users.named("Grace", "Hopper").admin().create(u -> u.setRole(Role.SUPPORT));

      assertThat(user.getRole()).isEqualTo(Role.SUPPORT);
      assertThat(user.getDisplayName()).isEqualTo("Grace Hopper");
    }

    @Test
    void buildAppliesTraitsInMemory(ShopUserFactory users, Session session) {
      ShopUser user = users.admin().build();

      assertThat(user.getRole()).isEqualTo(Role.ADMIN);
      assertThat(session.contains(user)).isFalse();
      assertThat(Rows.count(session, "shop_users")).isZero();
    }
  }

  @Nested
  class InjectedFactories {

    @Test
    void instancioModelAndRandomDefaultsApply(ShopOrderFactory orders) {
      List<ShopOrder> created = orders.createList(20);

      assertThat(created)
          .allSatisfy(
              o -> {
                assertThat(o.getStatus()).isEqualTo(OrderStatus.NEW);
                assertThat(o.getTotal().scale()).isEqualTo(2);
              });
      assertThat(orders.paid().create().getStatus()).isEqualTo(OrderStatus.PAID);
    }

    @Test
    void afterCreateTraitMakesChildrenThatPointBack(ShopOrderFactory orders, Session session) {
      ShopOrder order = orders.withLines(3).create();

      assertThat(order.getLines())
          .hasSize(3)
          .allSatisfy(l -> assertThat(l.getOrder()).isSameAs(order));
      assertThat(Rows.count(session, "shop_orders"))
          .as("no extra order for the lines")
          .isEqualTo(1L);
      assertThat(Rows.count(session, "shop_order_lines where order_id = " + order.getId()))
          .isEqualTo(3L);
    }

    @Test
    void oneInstancePerTestForEveryParameter(ShopOrderFactory a, ShopOrderFactory b) {
      assertThat(a).isSameAs(b);
    }
  }

  @Nested
  class Mistakes {

    @Test
    void aFactoryMadeWithNewSaysHowToGetOne() {
      ShopUserFactory byHand = new ShopUserFactory();

      assertThatThrownBy(byHand::create)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining(ShopUserFactory.class.getName())
          .hasMessageContaining("parameter");
    }

    @Test
    void sequenceWithoutPlaceholderIsRefused(BadSequenceFactory users) {
      assertThatThrownBy(users::create)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("user@example.org")
          .hasMessageContaining("{n}");
    }

    @Test
    void derivingAFieldThatDoesNotExistNamesIt() {
      assertThatThrownBy(WrongFieldFactory::new)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("nickname")
          .hasMessageContaining(ShopUser.class.getName());
    }
  }

  /** Its sequence lacks the place of the number. */
  static class BadSequenceFactory extends FixtureFactory<ShopUser> {
    @Override
    protected void defaults(ShopUser user) {
      user.setEmail(sequence("user@example.org"));
    }
  }

  /** Derives a field the entity does not have. */
  static class WrongFieldFactory extends FixtureFactory<ShopUser> {
    WrongFieldFactory() {
      derive("nickname", u -> "x");
    }
  }
}
