package dev.bolide.shop.web;

import dev.bolide.shop.account.PointsRecord;
import dev.bolide.shop.history.OrderHistoryEntry;
import dev.bolide.shop.order.ShopOrder;
import dev.bolide.shop.payment.Payment;
import dev.bolide.shop.payment.PaymentLogEntry;
import java.math.BigDecimal;
import java.util.List;

/**
 * An order as {@code GET /orders/{id}} shows it: its state, its payment, the points and log lines
 * its payment produced and its status history as the orderly consumer recorded it.
 */
public record OrderView(long id, long userId, long productId, int quantity, String couponCode, BigDecimal price,
                        BigDecimal shippingFee, BigDecimal total, String status, String failureReason,
                        String payment, Long pointsEarned, List<PaymentLogEntry> paymentLog,
                        List<OrderHistoryEntry> history) {
    static OrderView of(ShopOrder order, Payment payment, PointsRecord points, List<PaymentLogEntry> paymentLog,
                        List<OrderHistoryEntry> history) {
        return new OrderView(order.getId(), order.getUserId(), order.getProductId(), order.getQuantity(),
                order.getCouponCode(), order.getPrice(), order.getShippingFee(), order.getTotal(),
                order.getStatus().name(), order.getFailureReason(),
                payment == null ? null : payment.getStatus().name(),
                points == null ? null : points.getPoints(), paymentLog, history);
    }
}
