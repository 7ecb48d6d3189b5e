package io.github.fixturekit.factory.shop;

import io.github.fixturekit.FixtureFactory;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.instancio.Instancio;
import org.instancio.Model;
import org.instancio.Select;

/** An order factory with an Instancio model, a trait that makes children, and a paid trait. */
public class ShopOrderFactory extends FixtureFactory<ShopOrder> {

  @Override
  protected Model<ShopOrder> instancioModel() {
    return Instancio.of(ShopOrder.class)
        .set(Select.field(ShopOrder.class, "status"), OrderStatus.NEW)
        .toModel();
  }

  @Override
  protected void defaults(ShopOrder order) {
    order.setTotal(
        BigDecimal.valueOf(random().nextInt(100_000), 2).setScale(2, RoundingMode.UNNECESSARY));
  }

  public ShopOrderFactory paid() {
    return trait(o -> o.setStatus(OrderStatus.PAID));
  }

  public ShopOrderFactory withLines(int count) {
    return afterCreate(order -> factory(OrderLine.class).createList(count, l -> l.setOrder(order)));
  }
}
