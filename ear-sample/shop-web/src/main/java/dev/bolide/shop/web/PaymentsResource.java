package dev.bolide.shop.web;

import dev.bolide.shop.payment.PaymentService;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/**
 * {@code POST /payments/{orderId}/callback}: the payment platform's notification. It answers as soon
 * as the payment and its "paid" message are committed; the order status, points and log follow.
 */
@RequestScoped
@Path("payments")
@Produces(MediaType.APPLICATION_JSON)
public class PaymentsResource {
    @EJB
    private PaymentService payments;

    @POST
    @Path("{orderId}/callback")
    public Map<String, Object> callback(@PathParam("orderId") long orderId) {
        return Map.of("orderId", orderId, "payment", payments.pay(orderId).name());
    }
}
