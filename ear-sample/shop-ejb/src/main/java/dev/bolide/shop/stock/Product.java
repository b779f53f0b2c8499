package dev.bolide.shop.stock;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.math.BigDecimal;

/** Goods for sale: the unit price and how many are in stock. */
@Entity
public class Product {
    @Id
    private long id;
    private String name;
    @Column(precision = 12, scale = 2)
    private BigDecimal price;
    private int stock;
    @Version
    private long version;

    protected Product() {
    }

    public Product(long id, String name, BigDecimal price, int stock) {
        this.id = id;
        this.name = name;
        this.price = price;
        this.stock = stock;
    }

    public long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public BigDecimal getPrice() {
        return price;
    }

    public int getStock() {
        return stock;
    }

    void changeStock(int delta) {
        stock += delta;
    }
}
