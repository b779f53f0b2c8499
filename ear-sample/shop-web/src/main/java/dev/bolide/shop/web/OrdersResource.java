package dev.bolide.shop.web;

import dev.bolide.shop.account.AccountService;
import dev.bolide.shop.history.OrderHistory;
import dev.bolide.shop.order.OrderPlacement;
import dev.bolide.shop.order.OrderService;
import dev.bolide.shop.order.ShopOrder;
import dev.bolide.shop.payment.PaymentService;
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
import java.net.URI;

/** {@code POST /orders} places an order (confirmed, or failed and being cancelled); {@code GET /orders/{id}}. */
@RequestScoped
@Path("orders")
@Produces(MediaType.APPLICATION_JSON)
public class OrdersResource {
    @EJB
    private OrderPlacement placement;
    @EJB
    private OrderService orders;
    @EJB
    private PaymentService payments;
    @EJB
    private AccountService accounts;
    @EJB
    private OrderHistory history;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response place(OrderForm form) {
        if (form == null) {
            throw new IllegalArgumentException("a JSON body {userId, productId, quantity, couponCode} is required");
        }
        long orderId = placement.place(form.toRequest());
        return Response.created(URI.create("orders/" + orderId)).entity(order(orderId)).build();
    }

    @GET
    @Path("{id}")
    public OrderView order(@PathParam("id") long id) {
        ShopOrder order = CatalogResource.found(orders.order(id), "order " + id);
        return OrderView.of(order, payments.payment(id), accounts.pointsOf(id), payments.logOf(id), history.of(id));
    }
}
