package io.github.fixturekit.factory.shop;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.Set;

/** A product: a unique SKU, a unique (vendor, vendor code) pair, a price, labels. */
@Entity
@Table(
    name = "shop_products",
    uniqueConstraints = @UniqueConstraint(columnNames = {"vendor", "vendor_code"}))
public class Product {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE)
  private Long id;

  @Column(nullable = false, unique = true, length = 16)
  private String sku;

  @NotBlank
  @Column(nullable = false, length = 50)
  private String name;

  @Column(nullable = false, length = 12)
  private String vendor;

  @Column(name = "vendor_code", nullable = false)
  private Integer vendorCode;

  @DecimalMin("0.01")
  @Column(nullable = false, precision = 8, scale = 2)
  private BigDecimal price;

  @ManyToOne
  @JoinColumn(name = "category_id")
  private ShopCategory category;

  @ManyToMany
  @JoinTable(name = "shop_product_labels")
  private Set<Label> labels = new LinkedHashSet<>();

  protected Product() {}

  public Long getId() {
    return id;
  }

  public String getSku() {
    return sku;
  }

  public String getName() {
    return name;
  }

  public String getVendor() {
    return vendor;
  }

  public Integer getVendorCode() {
    return vendorCode;
  }

  public BigDecimal getPrice() {
    return price;
  }

  public void setPrice(BigDecimal price) {
    this.price = price;
  }

  public ShopCategory getCategory() {
    return category;
  }

  public void setCategory(ShopCategory category) {
    this.category = category;
  }

  public Set<Label> getLabels() {
    return labels;
  }
}
