package dev.bolide.shop.stock;

import dev.bolide.shop.order.StepRefusedException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/** The stock service: takes goods for an order in a transaction of its own, gives them back on cancel. */
@Stateless
public class StockService {
    @PersistenceContext
    private EntityManager entityManager;

    public List<Product> products() {
        return entityManager.createQuery("select p from Product p order by p.id", Product.class).getResultList();
    }

    public Product product(long productId) {
        return entityManager.find(Product.class, productId);
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void reduce(long orderId, long productId, int quantity) {
        Product product = entityManager.find(Product.class, productId, LockModeType.PESSIMISTIC_WRITE);
        if (product.getStock() < quantity) {
            throw new StepRefusedException("only " + product.getStock() + " of product " + productId + " in stock");
        }
        product.changeStock(-quantity);
        entityManager.persist(new StockDeduction(orderId, productId, quantity));
    }

    /** Gives back what {@link #reduce} took for the order, if it took anything; in the caller's transaction. */
    public void restore(long orderId) {
        StockDeduction deduction = entityManager.find(StockDeduction.class, orderId);
        if (deduction == null) {
            return;
        }
        entityManager.find(Product.class, deduction.getProductId(), LockModeType.PESSIMISTIC_WRITE)
                .changeStock(deduction.getQuantity());
        entityManager.remove(deduction);
    }
}
