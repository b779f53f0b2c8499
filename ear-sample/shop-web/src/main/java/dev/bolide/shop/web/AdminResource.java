package dev.bolide.shop.web;

import dev.bolide.shop.account.AccountService;
import dev.bolide.shop.account.TopUp;
import dev.bolide.shop.coupon.Coupon;
import dev.bolide.shop.coupon.CouponService;
import dev.bolide.shop.messaging.ProcessedMessage;
import dev.bolide.shop.messaging.ProcessedMessages;
import dev.bolide.shop.order.OrderService;
import dev.bolide.shop.order.ShopSettings;
import dev.bolide.shop.topup.TopUpService;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/**
 * What demonstrations and tests need: the unpaid timeout at run time, sending a failed order's
 * cancel message again, a top-up left for the check-back, new coupons, and the idempotency rows of a
 * message key.
 */
@RequestScoped
@Path("admin")
@Produces(MediaType.APPLICATION_JSON)
public class AdminResource {
    @EJB
    private ShopSettings settings;
    @EJB
    private OrderService orders;
    @EJB
    private ProcessedMessages processedMessages;
    @EJB
    private TopUpService topUps;
    @EJB
    private AccountService accounts;
    @EJB
    private CouponService coupons;

    @GET
    @Path("unpaid-timeout")
    public Map<String, String> unpaidTimeout() {
        return Map.of("unpaidTimeout", settings.unpaidTimeout().toString());
    }

    /** Body {@code {"unpaidTimeout": "PT5S"}} (ISO-8601); applies to orders placed from now on. */
    @POST
    @Path("unpaid-timeout")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, String> changeUnpaidTimeout(Map<String, String> body) {
        String timeout = body == null ? null : body.get("unpaidTimeout");
        if (timeout == null) {
            throw new IllegalArgumentException("a JSON body {\"unpaidTimeout\": \"PT5S\"} is required");
        }
        settings.changeUnpaidTimeout(ShopSettings.parse(timeout));
        return unpaidTimeout();
    }

    @POST
    @Path("orders/{id}/cancel-message")
    public Response resendCancel(@PathParam("id") long orderId) {
        orders.resendCancel(orderId);
        return Response.accepted(Map.of("orderId", orderId)).build();
    }

    /**
     * A top-up as a crash after its local commit leaves it: the balance credited, the half message
     * undecided until the broker's check-back asks the check-back bean, which commits it.
     */
    @POST
    @Path("users/{id}/undecided-top-ups")
    @Consumes(MediaType.APPLICATION_JSON)
    public TopUp topUpLeavingMessageUndecided(@PathParam("id") long userId, AmountForm form) {
        return accounts.topUpOf(topUps.topUpLeavingMessageUndecided(userId, AmountForm.amountOf(form)));
    }

    /** Issues a coupon (body {@code {"amount": 5}}), so repeated runs never run out of free ones. */
    @POST
    @Path("coupons")
    @Consumes(MediaType.APPLICATION_JSON)
    public Coupon issueCoupon(AmountForm form) {
        return coupons.issue(AmountForm.amountOf(form));
    }

    @GET
    @Path("processed-messages/{key}")
    public List<ProcessedMessage> processedMessages(@PathParam("key") String key) {
        return processedMessages.withKey(key);
    }
}
