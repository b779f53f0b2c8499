package dev.bolide.shop.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bolide.shop.it.RunningShop.Reply;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** The shop's data as the business tests read and change it over its REST API. */
final class ShopData {
    /** Seeded users: alice and bob can afford anything, carol (20.00) almost nothing. */
    static final long ALICE = 1;
    static final long BOB = 2;
    static final long CAROL = 3;
    /** Seeded products: a monitor (180.00) and a cable (8.50, plenty in stock). */
    static final long MONITOR = 2;
    static final long CABLE = 3;

    private final RunningShop shop;

    ShopData(RunningShop shop) {
        this.shop = shop;
    }

    int stock(long productId) {
        return ok(shop.get("products/" + productId)).path("stock").asInt();
    }

    BigDecimal balance(long userId) {
        return ok(shop.get("users/" + userId)).path("balance").decimalValue();
    }

    long points(long userId) {
        return ok(shop.get("users/" + userId)).path("points").asLong();
    }

    JsonNode coupon(String code) {
        return ok(shop.get("coupons/" + code));
    }

    /** A coupon nobody used yet, worth 5.00. */
    String newCoupon() {
        return ok(shop.post("admin/coupons", RunningShop.json().put("amount", 5))).path("code").asText();
    }

    /** Places an order; the answer is the order as it stands when the confirmation is over. */
    JsonNode placeOrder(long userId, long productId, int quantity, String couponCode) {
        Reply reply = shop.post("orders", RunningShop.json().put("userId", userId).put("productId", productId)
                .put("quantity", quantity).put("couponCode", couponCode));
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.json();
    }

    JsonNode order(long orderId) {
        return ok(shop.get("orders/" + orderId));
    }

    String status(long orderId) {
        return order(orderId).path("status").asText();
    }

    /** The order's status history as the orderly consumer recorded it, e.g. [UNCONFIRMED, CONFIRMED]. */
    List<String> history(long orderId) {
        List<String> statuses = new ArrayList<>();
        order(orderId).path("history").forEach(entry -> statuses.add(entry.path("status").asText()));
        return statuses;
    }

    static JsonNode ok(Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }
}
