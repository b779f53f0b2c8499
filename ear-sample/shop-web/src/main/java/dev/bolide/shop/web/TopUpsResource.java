package dev.bolide.shop.web;

import dev.bolide.shop.account.AccountService;
import dev.bolide.shop.account.TopUp;
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
import java.net.URI;

/**
 * Balance top-ups, the check-back style flow: {@code POST /users/{id}/top-ups} (half message, local
 * commit, message commit), {@code GET /top-ups/{id}} ({@code notified} once its message arrived).
 */
@RequestScoped
@Path("")
@Produces(MediaType.APPLICATION_JSON)
public class TopUpsResource {
    @EJB
    private TopUpService topUps;
    @EJB
    private AccountService accounts;

    @POST
    @Path("users/{id}/top-ups")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response topUp(@PathParam("id") long userId, AmountForm form) {
        return created(topUps.topUp(userId, AmountForm.amountOf(form)));
    }

    @GET
    @Path("top-ups/{id}")
    public TopUp topUp(@PathParam("id") String id) {
        return CatalogResource.found(accounts.topUpOf(id), "top-up " + id);
    }

    private Response created(String topUpId) {
        return Response.created(URI.create("top-ups/" + topUpId)).entity(topUp(topUpId)).build();
    }
}
