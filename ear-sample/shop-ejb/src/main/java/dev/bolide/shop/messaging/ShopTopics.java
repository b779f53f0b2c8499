package dev.bolide.shop.messaging;

/**
 * The RocketMQ topics the shop uses (Jakarta Messaging topics and queues alike are topics there),
 * and the consumer groups reading them. Message-driven beans name them in their activation config.
 */
public final class ShopTopics {
    /** Cancel messages of failed orders (key: order id); every service undoes its part. */
    public static final String ORDER_CANCEL = "ShopOrderCancel";
    /** Delayed checks whether an order is still unpaid (a queue). */
    public static final String UNPAID_CHECK = "ShopUnpaidCheck";
    /** Payments made (key: order id): order status, points, payment log. */
    public static final String ORDER_PAID = "ShopOrderPaid";
    /** Order status changes, grouped by order id so each order's stay in order (a queue). */
    public static final String ORDER_STATUS = "ShopOrderStatus";
    /** Balance top-ups (key: top-up id), sent as RocketMQ half messages, not in a JTA transaction. */
    public static final String TOP_UP = "ShopTopUp";

    public static final String STOCK_RESTORE = "shop-stock-restore";
    public static final String COUPON_RESTORE = "shop-coupon-restore";
    public static final String BALANCE_RESTORE = "shop-balance-restore";
    public static final String ORDER_CANCELLING = "shop-order-cancel";
    public static final String UNPAID_CANCELLING = "shop-unpaid-cancel";
    public static final String ORDER_PAYING = "shop-order-paid";
    public static final String POINTS = "shop-points";
    public static final String PAYMENT_LOG = "shop-payment-log";
    public static final String TOP_UP_NOTICE = "shop-top-up-notice";
    /** The producer group of top-up half messages, whose check-backs {@code TopUpCheck} answers. */
    public static final String TOP_UP_PRODUCERS = "shop-top-ups";

    private ShopTopics() {
    }
}
