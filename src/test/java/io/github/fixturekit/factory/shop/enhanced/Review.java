package io.github.fixturekit.factory.shop.enhanced;

import io.github.fixturekit.factory.shop.Address;
import io.github.fixturekit.factory.shop.Product;
import jakarta.persistence.Basic;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Lob;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.ArrayList;
import java.util.List;

/**
 * A product review. The build runs Hibernate's bytecode enhancer over this package (see {@code
 * EnhanceTestEntities}), so the class carries the {@code $$_hibernate_} fields and interfaces an
 * enhanced application entity has.
 */
@Entity
@Table(name = "shop_reviews")
public class Review {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "product_id")
  private Product product;

  @Min(1)
  @Max(5)
  @Column(nullable = false)
  private Integer rating;

  @Column(nullable = false, length = 80)
  private String title;

  @Lob
  @Basic(fetch = FetchType.LAZY)
  private String body;

  @Embedded private Address shippedTo;

  @ElementCollection
  @CollectionTable(name = "shop_review_photos", joinColumns = @JoinColumn(name = "review_id"))
  @Column(name = "url", length = 40)
  private List<String> photos = new ArrayList<>();

  @Version private long version;

  protected Review() {}

  public Long getId() {
    return id;
  }

  public Product getProduct() {
    return product;
  }

  public void setProduct(Product product) {
    this.product = product;
  }

  public Integer getRating() {
    return rating;
  }

  public String getTitle() {
    return title;
  }

  public String getBody() {
    return body;
  }

  public Address getShippedTo() {
    return shippedTo;
  }

  public List<String> getPhotos() {
    return photos;
  }

  public long getVersion() {
    return version;
  }
}
