package io.github.fixturekit.factory.shop;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.math.BigDecimal;

/** A line of an order: a product, a quantity, a unit price. */
@Entity
@Table(name = "shop_order_lines")
public class OrderLine {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE)
  private Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "order_id")
  private ShopOrder order;

  @ManyToOne(optional = false)
  @JoinColumn(name = "product_id")
  private Product product;

  @Min(1)
  @Max(99)
  @Column(nullable = false)
  private int quantity;

  @Column(name = "unit_price", nullable = false, precision = 8, scale = 2)
  private BigDecimal unitPrice;

  protected OrderLine() {}

  public Long getId() {
    return id;
  }

  public ShopOrder getOrder() {
    return order;
  }

  public void setOrder(ShopOrder order) {
    this.order = order;
  }

  public Product getProduct() {
    return product;
  }

  public void setProduct(Product product) {
    this.product = product;
  }

  public int getQuantity() {
    return quantity;
  }

  public void setQuantity(int quantity) {
    this.quantity = quantity;
  }

  public BigDecimal getUnitPrice() {
    return unitPrice;
  }
}
