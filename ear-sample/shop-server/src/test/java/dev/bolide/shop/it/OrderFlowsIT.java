package dev.bolide.shop.it;

import static dev.bolide.shop.it.RunningShop.eventually;
import static dev.bolide.shop.it.ShopData.ALICE;
import static dev.bolide.shop.it.ShopData.BOB;
import static dev.bolide.shop.it.ShopData.CABLE;
import static dev.bolide.shop.it.ShopData.CAROL;
import static dev.bolide.shop.it.ShopData.MONITOR;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bolide.shop.it.RunningShop.Reply;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The shop's order flows over HTTP, against the server {@code bin/bolide-shop start} runs. */
class OrderFlowsIT {
    private final RunningShop shop = RunningShop.fromBuild();
    private final ShopData data = new ShopData(shop);

    @Test
    void confirmedOrderTakesStockCouponAndBalance() {
        String coupon = data.newCoupon();
        int stock = data.stock(CABLE);
        BigDecimal balance = data.balance(ALICE);

        // 13 x 8.50 - 5.00 = 105.50: above 100, so no shipping fee
        JsonNode order = data.placeOrder(ALICE, CABLE, 13, coupon);

        assertThat(order.path("status").asText()).isEqualTo("CONFIRMED");
        assertThat(order.path("total").decimalValue()).isEqualByComparingTo("105.50");
        assertThat(order.path("shippingFee").decimalValue()).isEqualByComparingTo("0");
        assertThat(data.stock(CABLE)).isEqualTo(stock - 13);
        assertThat(data.balance(ALICE)).isEqualByComparingTo(balance.subtract(new BigDecimal("105.50")));
        assertThat(data.coupon(coupon).path("usedByOrder").asLong()).isEqualTo(order.path("id").asLong());
    }

    @Test
    void failedOrderIsCancelledAndEverythingRestored() {
        String coupon = data.newCoupon();
        int stock = data.stock(MONITOR);
        BigDecimal balance = data.balance(CAROL);

        // stock and coupon are taken, then carol's balance does not cover 175.00
        long orderId = data.placeOrder(CAROL, MONITOR, 1, coupon).path("id").asLong();

        eventually().until(() -> data.status(orderId).equals("CANCELLED"));
        assertThat(data.order(orderId).path("failureReason").asText()).contains("balance");
        assertThat(data.stock(MONITOR)).isEqualTo(stock);
        assertThat(data.balance(CAROL)).isEqualByComparingTo(balance);
        assertThat(data.coupon(coupon).path("used").asBoolean()).isFalse();
    }

    @Test
    void statusHistoryOfAFailedOrderIsRecordedInOrder() {
        long orderId = data.placeOrder(CAROL, MONITOR, 1, null).path("id").asLong();

        eventually().until(() -> data.history(orderId).size() == 3);
        assertThat(data.history(orderId)).containsExactly("UNCONFIRMED", "FAILED", "CANCELLED");
    }

    @Test
    void paymentCallbackAnswersAtOnceAndTheOrderIsPaidWithPointsAndLog() {
        long points = data.points(BOB);
        // 12 x 8.50 = 102.00: above 100, so no shipping fee
        long orderId = data.placeOrder(BOB, CABLE, 12, null).path("id").asLong();

        Reply callback = shop.post("payments/" + orderId + "/callback");

        assertThat(callback.status()).isEqualTo(200);
        assertThat(callback.json().path("payment").asText()).isEqualTo("PAID");
        eventually().until(() -> data.status(orderId).equals("PAID")
                && data.order(orderId).path("paymentLog").size() == 1
                && data.order(orderId).has("pointsEarned"));
        JsonNode order = data.order(orderId);
        assertThat(order.path("paymentLog").get(0).path("amount").decimalValue()).isEqualByComparingTo("102.00");
        assertThat(order.path("pointsEarned").asLong()).isEqualTo(102);
        assertThat(data.points(BOB)).isEqualTo(points + 102);
        eventually().until(() -> data.history(orderId).size() == 3);
        assertThat(data.history(orderId)).containsExactly("UNCONFIRMED", "CONFIRMED", "PAID");
    }

    @Test
    void unpaidOrderIsCancelledByTheDelayedMessageAndEverythingRestored() {
        String coupon = data.newCoupon();
        int stock = data.stock(CABLE);
        BigDecimal balance = data.balance(ALICE);
        long orderId;
        setUnpaidTimeout("PT5S");
        try {
            orderId = data.placeOrder(ALICE, CABLE, 1, coupon).path("id").asLong();
        } finally {
            setUnpaidTimeout("PT15M");
        }
        assertThat(data.status(orderId)).isEqualTo("CONFIRMED");

        eventually().until(() -> data.status(orderId).equals("CANCELLED"));
        assertThat(data.order(orderId).path("payment").asText()).isEqualTo("EXPIRED");
        assertThat(data.stock(CABLE)).isEqualTo(stock);
        assertThat(data.balance(ALICE)).isEqualByComparingTo(balance);
        assertThat(data.coupon(coupon).path("used").asBoolean()).isFalse();
        assertThat(shop.post("payments/" + orderId + "/callback").status()).isEqualTo(409);
    }

    @Test
    void cancelMessageDeliveredTwiceChangesStateOnce() {
        String coupon = data.newCoupon();
        int stock = data.stock(MONITOR);
        BigDecimal balance = data.balance(CAROL);
        long orderId = data.placeOrder(CAROL, MONITOR, 1, coupon).path("id").asLong();
        eventually().until(() -> data.status(orderId).equals("CANCELLED") && data.stock(MONITOR) == stock
                && !data.coupon(coupon).path("used").asBoolean());

        Reply resend = shop.post("admin/orders/" + orderId + "/cancel-message");

        assertThat(resend.status()).isEqualTo(202);
        // each of the four services skipped the second delivery once
        eventually().until(() -> duplicatesSkipped(orderId) == 4);
        assertThat(data.stock(MONITOR)).isEqualTo(stock);
        assertThat(data.balance(CAROL)).isEqualByComparingTo(balance);
        assertThat(data.coupon(coupon).path("used").asBoolean()).isFalse();
        assertThat(data.history(orderId)).containsExactly("UNCONFIRMED", "FAILED", "CANCELLED");
    }

    @Test
    void confirmedOrderHasNoCancelMessageToSendAgain() {
        long orderId = data.placeOrder(BOB, CABLE, 1, null).path("id").asLong();

        Reply resend = shop.post("admin/orders/" + orderId + "/cancel-message");

        assertThat(resend.status()).isEqualTo(400);
        assertThat(resend.json().path("error").asText()).contains("did not fail");
    }

    @Test
    void orderOfAnUnknownProductIsRefusedAndNothingSaved() {
        Reply reply = shop.post("orders", RunningShop.json().put("userId", ALICE).put("productId", 999)
                .put("quantity", 1));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().path("error").asText()).isEqualTo("no product 999");
    }

    private int duplicatesSkipped(long orderId) {
        int skipped = 0;
        for (JsonNode row : ShopData.ok(shop.get("admin/processed-messages/" + orderId))) {
            if (row.path("consumerGroup").asText().matches("shop-(stock|coupon|balance)-restore|shop-order-cancel")) {
                skipped += row.path("duplicates").asInt();
            }
        }
        return skipped;
    }

    private void setUnpaidTimeout(String timeout) {
        Reply reply = shop.post("admin/unpaid-timeout", RunningShop.json().put("unpaidTimeout", timeout));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    }
}
