package dev.bolide.shop.order;

import dev.bolide.shop.account.AccountService;
import dev.bolide.shop.coupon.Coupon;
import dev.bolide.shop.coupon.CouponService;
import dev.bolide.shop.stock.Product;
import dev.bolide.shop.stock.StockService;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.lang.System.Logger.Level;
import java.math.BigDecimal;

/**
 * Order confirmation as the RocketMQ notes' services do it: save the order unconfirmed, reduce
 * stock, use the coupon, deduct the balance, confirm - each step a transaction of its own service,
 * so a failure part-way leaves the earlier steps committed. The failure then marks the order failed
 * and publishes the cancel message in one transaction; the services' message-driven beans undo
 * their steps and the order is cancelled.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class OrderPlacement {
    private static final System.Logger LOG = System.getLogger(OrderPlacement.class.getName());

    @EJB
    private OrderService orders;
    @EJB
    private StockService stock;
    @EJB
    private CouponService coupons;
    @EJB
    private AccountService accounts;

    /** Places the order; returns its id. Throws {@link InvalidOrderException} when nothing was saved. */
    public long place(OrderRequest request) {
        OrderPricing pricing = validate(request);
        long orderId = orders.saveUnconfirmed(request, pricing);
        try {
            stock.reduce(orderId, request.productId(), request.quantity());
            if (request.hasCoupon()) {
                coupons.use(orderId, request.couponCode());
            }
            accounts.deduct(orderId, request.userId(), pricing.total());
            orders.confirm(orderId);
        } catch (RuntimeException e) {
            LOG.log(Level.INFO, "order {0} failed, cancelling it: {1}", orderId, e.getMessage());
            orders.fail(orderId, e.getMessage());
        }
        return orderId;
    }

    /** The goods, user and coupon exist, the quantity is sane, the coupon is free; what it costs. */
    private OrderPricing validate(OrderRequest request) {
        request.validate();
        Product product = stock.product(request.productId());
        if (product == null) {
            throw new InvalidOrderException("no product " + request.productId());
        }
        if (accounts.user(request.userId()) == null) {
            throw new InvalidOrderException("no user " + request.userId());
        }
        BigDecimal discount = BigDecimal.ZERO;
        if (request.hasCoupon()) {
            Coupon coupon = coupons.coupon(request.couponCode());
            if (coupon == null) {
                throw new InvalidOrderException("no coupon " + request.couponCode());
            }
            if (coupon.isUsed()) {
                throw new InvalidOrderException("coupon " + request.couponCode() + " is used");
            }
            discount = coupon.getAmount();
        }
        return OrderPricing.of(product.getPrice(), request.quantity(), discount);
    }
}
