package io.github.fixturekit.factory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.fixturekit.Factory;
import io.github.fixturekit.FixtureTest;
import io.github.fixturekit.factory.shop.Address;
import io.github.fixturekit.factory.shop.Label;
import io.github.fixturekit.factory.shop.OrderLine;
import io.github.fixturekit.factory.shop.Product;
import io.github.fixturekit.factory.shop.ShopCategory;
import io.github.fixturekit.factory.shop.ShopOrder;
import io.github.fixturekit.factory.shop.ShopUser;
import io.github.fixturekit.factory.shop.enhanced.Review;
import io.github.fixturekit.internal.HibernateVersion;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.hibernate.Session;
import org.hibernate.engine.spi.ManagedEntity;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Hundreds of rows of a model that looks like a real application, each checked against every
 * constraint it declares: the database's (the insert works, unique values are distinct in the
 * table) and Bean Validation's.
 */
@FixtureTest(
    entities = {
      ShopUser.class,
      ShopOrder.class,
      OrderLine.class,
      Product.class,
      ShopCategory.class,
      Label.class,
      Review.class
    })
class ShopModelTest {

  private static ValidatorFactory validation;
  private static Validator validator;

  @BeforeAll
  static void startValidation() {
    validation = Validation.buildDefaultValidatorFactory();
    validator = validation.getValidator();
  }

  @AfterAll
  static void stopValidation() {
    validation.close();
  }

  static void assertValid(Object entity) {
    assertThat(validator.validate(entity))
        .as("Bean Validation of %s", entity.getClass().getSimpleName())
        .isEmpty();
    Rows.assertStringsFitColumns(entity);
  }

  @Nested
  class Users {

    @Test
    void threeHundredUsersAreValidAndUnique(Factory<ShopUser> users, Session session) {
      List<ShopUser> created = users.createList(300);

      assertThat(created).allSatisfy(ShopModelTest::assertValid);
      assertThat(Rows.count(session, "shop_users")).isEqualTo(300L);
      assertThat(Rows.number(session, "select count(distinct email) from shop_users"))
          .isEqualTo(300L);
      assertThat(created).allSatisfy(u -> assertThat(u.getAge()).isBetween(18, 120));
    }

    @Test
    void embeddedAddressesAreFilledAndFitTheirColumns(Factory<ShopUser> users, Session session) {
      List<ShopUser> created = users.createList(200);

      assertThat(created)
          .allSatisfy(
              u -> {
                Address home = u.getHome();
                assertThat(home).isNotNull();
                assertThat(home.getStreet()).isNotBlank().hasSizeLessThanOrEqualTo(60);
                assertThat(home.getCountry()).hasSizeLessThanOrEqualTo(2);
                assertThat(home.getPostcode()).hasSizeBetween(4, 10);
                Address billing = u.getBilling();
                assertThat(billing.getStreet())
                    .as("@AttributeOverride length 12")
                    .hasSizeLessThanOrEqualTo(12);
                assertThat(billing.getCity())
                    .as("@AttributeOverride length 8")
                    .hasSizeLessThanOrEqualTo(8);
              });
      assertThat(Rows.number(session, "select max(length(billing_street)) from shop_users"))
          .isLessThanOrEqualTo(12L);
    }

    @Test
    void elementCollectionHasAFewElementsThatFit(Factory<ShopUser> users, Session session) {
      List<ShopUser> created = users.createList(100);

      assertThat(created)
          .allSatisfy(
              u ->
                  assertThat(u.getTags())
                      .hasSizeBetween(1, 3)
                      .allSatisfy(t -> assertThat(t).hasSizeLessThanOrEqualTo(12)));
      long tags = created.stream().mapToLong(u -> u.getTags().size()).sum();
      assertThat(Rows.count(session, "shop_user_tags")).isEqualTo(tags);
    }

    @Test
    void lobAndEnumAreStored(Factory<ShopUser> users, Session session) {
      ShopUser user = users.create();

      assertThat(user.getBio()).isNotEmpty();
      assertThat(Rows.text(session, "select role from shop_users where id = ?", user.getId()))
          .isEqualTo(user.getRole().name());
      assertThat(user.getPassword()).as("@Transient").isNull();
    }
  }

  @Nested
  class Orders {

    @Test
    void threeHundredOrdersWithMoneyThatFits(Factory<ShopOrder> orders, Session session) {
      List<ShopOrder> created = orders.createList(300);

      assertThat(created)
          .allSatisfy(
              o -> {
                assertValid(o);
                assertFits(o.getTotal(), 12, 2);
                assertThat(o.getStatus()).isNotNull();
                assertThat(o.getPriority()).isNotNull();
                assertThat(o.getLines()).as("@OneToMany stays empty").isEmpty();
                assertThat(o.getVersion()).isZero();
              });
      assertThat(Rows.count(session, "shop_orders")).isEqualTo(300L);
      assertThat(Rows.count(session, "shop_users")).as("one customer each").isEqualTo(300L);
      assertThat(Rows.number(session, "select max(priority) from shop_orders"))
          .isLessThanOrEqualTo(2L);
    }

    @Test
    void threeHundredLinesEachWithItsOrderAndProduct(Factory<OrderLine> lines, Session session) {
      List<OrderLine> created = lines.createList(300);

      assertThat(created)
          .allSatisfy(
              l -> {
                assertValid(l);
                assertThat(l.getQuantity()).isBetween(1, 99);
                assertFits(l.getUnitPrice(), 8, 2);
                assertFits(l.getProduct().getPrice(), 8, 2);
              });
      assertThat(Rows.count(session, "shop_order_lines")).isEqualTo(300L);
      assertThat(Rows.count(session, "shop_orders")).isEqualTo(300L);
      assertThat(Rows.count(session, "shop_products")).isEqualTo(300L);
      assertThat(Rows.number(session, "select count(distinct sku) from shop_products"))
          .isEqualTo(300L);
      assertThat(
              Rows.number(
                  session, "select count(distinct (vendor, vendor_code)) from shop_products"))
          .isEqualTo(300L);
    }
  }

  @Nested
  class Categories {

    @Test
    void optionalParentStaysNullSoEveryCategoryIsARoot(
        Factory<ShopCategory> categories, Session session) {
      List<ShopCategory> created = categories.createList(300);

      assertThat(created).allSatisfy(c -> assertThat(c.getParent()).isNull());
      assertThat(Rows.count(session, "shop_categories where parent_id is null")).isEqualTo(300L);
      assertThat(Rows.number(session, "select count(distinct name) from shop_categories"))
          .isEqualTo(300L);
    }

    @Test
    void aTreeBuiltWithTheCustomizerKeepsBothSidesInStep(
        Factory<ShopCategory> categories, Session session) {
      ShopCategory root = categories.create();
      List<ShopCategory> children = categories.createList(3, c -> c.setParent(root));
      ShopCategory grandchild = categories.create(c -> c.setParent(children.get(0)));

      assertThat(root.getChildren()).containsExactlyElementsOf(children);
      assertThat(children.get(0).getChildren()).containsExactly(grandchild);
      assertThat(Rows.count(session, "shop_categories")).isEqualTo(5L);
      assertThat(Rows.count(session, "shop_categories where parent_id = " + root.getId()))
          .isEqualTo(3L);
    }
  }

  @Nested
  class Enhanced {

    @BeforeEach
    void enhancedByTheHibernateThatRuns() {
      // the build enhances these classes with Hibernate 7; on another major the enhanced code does
      // not fit
      assumeTrue(
          HibernateVersion.major() >= 7,
          "test entities are enhanced at build time with Hibernate 7");
    }

    @Test
    void theReviewClassIsEnhanced() {
      assertThat(ManagedEntity.class).isAssignableFrom(Review.class);
      Set<String> hibernateFields =
          java.util.Arrays.stream(Review.class.getDeclaredFields())
              .map(java.lang.reflect.Field::getName)
              .filter(n -> n.startsWith("$$_hibernate_"))
              .collect(Collectors.toSet());
      assertThat(hibernateFields).isNotEmpty();
    }

    @Test
    void threeHundredEnhancedReviewsAreValid(Factory<Review> reviews, Session session) {
      List<Review> created = reviews.createList(300);

      assertThat(created)
          .allSatisfy(
              r -> {
                assertValid(r);
                assertThat(r.getRating()).isBetween(1, 5);
                assertThat(r.getPhotos())
                    .allSatisfy(p -> assertThat(p).hasSizeLessThanOrEqualTo(40));
                assertThat(r.getVersion()).isZero();
              });
      assertThat(Rows.count(session, "shop_reviews")).isEqualTo(300L);
      session.clear();
      Review loaded = session.find(Review.class, created.get(0).getId());
      assertThat(loaded.getTitle()).isEqualTo(created.get(0).getTitle());
      assertThat(loaded.getBody()).isEqualTo(created.get(0).getBody());
    }

    @Test
    void enhancedEntityBuiltInMemoryHasNoHibernateStateFilled(Factory<Review> reviews) {
      Review review = reviews.build();

      assertThat(((ManagedEntity) review).$$_hibernate_getEntityEntry()).isNull();
      assertThat(review.getId()).isNull();
      assertThat(review.getProduct()).as("required parent, built in memory").isNotNull();
    }
  }

  static void assertFits(BigDecimal value, int precision, int scale) {
    assertThat(value).isNotNull();
    assertThat(value.scale()).as("scale of %s", value).isLessThanOrEqualTo(scale);
    assertThat(value.precision() - value.scale())
        .as("integer digits of %s", value)
        .isLessThanOrEqualTo(precision - scale);
  }
}
