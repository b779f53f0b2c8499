package dev.bolide.shop.web;

import dev.bolide.shop.InvalidInputException;
import dev.bolide.shop.payment.PaymentRefusedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;

/** Refusals as JSON {@code {"error": "..."}}: bad input 400, unknown resource 404, refused payment 409. */
@Provider
public class ShopExceptionMapper implements ExceptionMapper<RuntimeException> {
    private static final System.Logger LOG = System.getLogger(ShopExceptionMapper.class.getName());

    @Override
    public Response toResponse(RuntimeException exception) {
        int status = status(exception);
        if (status == Status.INTERNAL_SERVER_ERROR.getStatusCode()) {
            LOG.log(System.Logger.Level.WARNING, "request failed", exception);
        }
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON)
                .entity(Map.of("error", String.valueOf(exception.getMessage())))
                .build();
    }

    private static int status(RuntimeException exception) {
        if (exception instanceof WebApplicationException web) {
            return web.getResponse().getStatus();
        }
        if (exception instanceof InvalidInputException || exception instanceof IllegalArgumentException) {
            return Status.BAD_REQUEST.getStatusCode();
        }
        if (exception instanceof PaymentRefusedException) {
            return Status.CONFLICT.getStatusCode();
        }
        return Status.INTERNAL_SERVER_ERROR.getStatusCode();
    }
}
