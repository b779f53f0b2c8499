package dev.bolide.shop.it;

import static dev.bolide.shop.it.ShopData.BOB;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bolide.shop.it.RunningShop.Reply;
import java.math.BigDecimal;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Top-ups, the check-back style flow: half message, local commit, message commit. */
class TopUpIT {
    private final RunningShop shop = RunningShop.fromBuild();
    private final ShopData data = new ShopData(shop);

    @Test
    void topUpCreditsTheBalanceAndItsMessageIsDelivered() {
        BigDecimal balance = data.balance(BOB);

        Reply reply = shop.post("users/" + BOB + "/top-ups", RunningShop.json().put("amount", 25));

        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        assertThat(data.balance(BOB)).isEqualByComparingTo(balance.add(new BigDecimal("25")));
        String topUpId = reply.json().path("id").asText();
        RunningShop.eventually().until(() -> topUp(topUpId).path("notified").asBoolean());
    }

    @Test
    void undecidedTopUpMessageIsCommittedByTheCheckBackBean() {
        Reply reply = shop.post("admin/users/" + BOB + "/undecided-top-ups", RunningShop.json().put("amount", 3));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        String topUpId = reply.json().path("id").asText();

        // the embedded broker checks undecided half messages once a minute
        Awaitility.await().atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofSeconds(1))
                .until(() -> topUp(topUpId).path("notified").asBoolean());
    }

    @Test
    void topUpOfNothingIsRefused() {
        Reply reply = shop.post("users/" + BOB + "/top-ups", RunningShop.json().put("amount", 0));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().path("error").asText()).contains("positive");
    }

    private JsonNode topUp(String topUpId) {
        return ShopData.ok(shop.get("top-ups/" + topUpId));
    }
}
