package io.github.fixturekit.factory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.fixturekit.Factory;
import io.github.fixturekit.FixtureTest;
import io.github.fixturekit.factory.shop.Label;
import io.github.fixturekit.factory.shop.OrderLine;
import io.github.fixturekit.factory.shop.Product;
import io.github.fixturekit.factory.shop.ShopCategory;
import io.github.fixturekit.factory.shop.ShopOrder;
import io.github.fixturekit.factory.shop.ShopUser;
import io.github.fixturekit.factory.shop.enhanced.Review;
import java.util.List;
import org.hibernate.Session;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Parents, children and many-to-many: the graph a test builds is inserted as built, once. */
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
class AssociationTest {

  @Nested
  class Children {

    @Test
    void builtChildrenPointBackToTheirParentAndAddNoExtraRows(
        Factory<ShopOrder> orders, Factory<OrderLine> lines, Session session) {
      ShopOrder order =
          orders.create(o -> o.getLines().addAll(List.of(lines.build(), lines.build())));

      assertThat(order.getLines())
          .hasSize(2)
          .allSatisfy(
              l -> {
                assertThat(l.getOrder()).isSameAs(order);
                assertThat(session.contains(l)).isTrue();
              });
      assertThat(Rows.count(session, "shop_orders"))
          .as("the lines' built orders are not inserted")
          .isEqualTo(1L);
      assertThat(Rows.count(session, "shop_users")).as("nor their customers").isEqualTo(1L);
      assertThat(Rows.count(session, "shop_order_lines where order_id = " + order.getId()))
          .isEqualTo(2L);
      assertThat(Rows.count(session, "shop_products")).as("one product per line").isEqualTo(2L);
    }

    @Test
    void childrenMadeForAParentJoinItsLoadedCollection(
        Factory<ShopOrder> orders, Factory<OrderLine> lines, Session session) {
      ShopOrder order = orders.create();

      List<OrderLine> made = lines.createList(4, l -> l.setOrder(order));

      assertThat(order.getLines()).containsExactlyElementsOf(made);
      assertThat(Rows.count(session, "shop_orders")).isEqualTo(1L);
      assertThat(Rows.count(session, "shop_users")).isEqualTo(1L);
    }

    @Test
    void aParentThatBuildFilledInIsInsertedOnceWhenUsed(Factory<OrderLine> lines, Session session) {
      OrderLine draft = lines.build();

      OrderLine line = lines.create(l -> l.setOrder(draft.getOrder()));

      assertThat(line.getOrder()).isSameAs(draft.getOrder());
      assertThat(session.contains(draft.getOrder())).isTrue();
      assertThat(Rows.count(session, "shop_orders")).isEqualTo(1L);
      assertThat(Rows.count(session, "shop_users")).isEqualTo(1L);
    }
  }

  @Nested
  class ManyToMany {

    @Test
    void collectionsStayEmptyUnlessAskedFor(Factory<Product> products, Session session) {
      assertThat(products.createList(20)).allSatisfy(p -> assertThat(p.getLabels()).isEmpty());
      assertThat(Rows.count(session, "shop_product_labels")).isZero();
      assertThat(Rows.count(session, "shop_labels")).isZero();
    }

    @Test
    void elementsGivenByTheCustomizerAreJoined(
        Factory<Product> products, Factory<Label> labels, Session session) {
      List<Label> two = labels.createList(2);
      session.clear();

      Product product = products.create(p -> p.getLabels().addAll(two));

      assertThat(product.getLabels())
          .hasSize(2)
          .allSatisfy(l -> assertThat(session.contains(l)).isTrue());
      assertThat(Rows.count(session, "shop_product_labels")).isEqualTo(2L);
      assertThat(Rows.count(session, "shop_labels"))
          .as("detached labels not inserted again")
          .isEqualTo(2L);
    }

    @Test
    void anUnsavedElementIsRefused(
        Factory<Product> products, Factory<Label> labels, Session session) {
      Label unsaved = labels.build();

      assertThatThrownBy(() -> products.create(p -> p.getLabels().add(unsaved)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(Label.class.getName())
          .hasMessageContaining("not been persisted");
      assertThat(Rows.count(session, "shop_products")).isZero();
    }
  }

  @Nested
  class Cycles {

    @Test
    void aSelfReferenceIsOptionalSoItStaysNull(Factory<ShopCategory> categories) {
      assertThat(categories.create().getParent()).isNull();
    }

    @Test
    void aTreeOfThreeLevelsHasOneRowPerNode(Factory<ShopCategory> categories, Session session) {
      ShopCategory root = categories.create();
      for (ShopCategory child : categories.createList(5, c -> c.setParent(root))) {
        categories.createList(4, c -> c.setParent(child));
      }

      assertThat(Rows.count(session, "shop_categories")).isEqualTo(1L + 5 + 20);
      assertThat(root.getChildren())
          .hasSize(5)
          .allSatisfy(c -> assertThat(c.getChildren()).hasSize(4));
    }
  }
}
