package dev.bolide.shop.seed;

import dev.bolide.shop.account.UserAccount;
import dev.bolide.shop.coupon.Coupon;
import dev.bolide.shop.stock.Product;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;

/** Fills an empty database with a few products, users and coupons when the application starts. */
@Startup
@Singleton
public class SeedData {
    static final int COUPONS = 30;

    @PersistenceContext
    private EntityManager entityManager;

    @PostConstruct
    void seedWhenEmpty() {
        if (entityManager.find(Product.class, 1L) != null) {
            return;
        }
        entityManager.persist(new Product(1, "Keyboard", new BigDecimal("45.00"), 100));
        entityManager.persist(new Product(2, "Monitor", new BigDecimal("180.00"), 50));
        entityManager.persist(new Product(3, "Cable", new BigDecimal("8.50"), 100_000));
        entityManager.persist(new UserAccount(1, "alice", new BigDecimal("1000000.00")));
        entityManager.persist(new UserAccount(2, "bob", new BigDecimal("1000000.00")));
        // carol cannot afford much: her orders show the failure and the cancel flow
        entityManager.persist(new UserAccount(3, "carol", new BigDecimal("20.00")));
        for (int i = 1; i <= COUPONS; i++) {
            entityManager.persist(new Coupon(String.format("SAVE5-%02d", i), new BigDecimal("5.00")));
        }
    }
}
