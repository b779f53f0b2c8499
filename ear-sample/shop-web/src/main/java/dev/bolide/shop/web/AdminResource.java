package dev.bolide.shop.web;

import dev.bolide.shop.messaging.ProcessedMessage;
import dev.bolide.shop.messaging.ProcessedMessages;
import dev.bolide.shop.order.OrderService;
import dev.bolide.shop.order.ShopSettings;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/**
 * What demonstrations and tests need: the unpaid timeout at run time, sending a failed order's
 * cancel message again, and the idempotency rows of a message key.
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

    @GET
    @Path("unpaid-timeout")
    public Map<String, String> unpaidTimeout() {
        return Map.of("unpaidTimeout", settings.unpaidTimeout().toString());
    }

    /** Body: an ISO-8601 duration, e.g. {@code PT5S}; applies to orders confirmed from now on. */
    @PUT
    @Path("unpaid-timeout")
    @Consumes(MediaType.TEXT_PLAIN)
    public Map<String, String> changeUnpaidTimeout(String timeout) {
        settings.changeUnpaidTimeout(ShopSettings.parse(timeout));
        return unpaidTimeout();
    }

    @POST
    @Path("orders/{id}/cancel-message")
    public Response resendCancel(@PathParam("id") long orderId) {
        orders.resendCancel(orderId);
        return Response.accepted(Map.of("orderId", orderId)).build();
    }

    @GET
    @Path("processed-messages/{key}")
    public List<ProcessedMessage> processedMessages(@PathParam("key") String key) {
        return processedMessages.withKey(key);
    }
}
