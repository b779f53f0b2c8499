package dev.bolide.shop.web;

import dev.bolide.shop.account.AccountService;
import dev.bolide.shop.account.UserAccount;
import dev.bolide.shop.coupon.Coupon;
import dev.bolide.shop.coupon.CouponService;
import dev.bolide.shop.stock.Product;
import dev.bolide.shop.stock.StockService;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** What can be ordered, by whom and with which coupons: {@code /products}, {@code /users}, {@code /coupons}. */
@RequestScoped
@Path("")
@Produces(MediaType.APPLICATION_JSON)
public class CatalogResource {
    @EJB
    private StockService stock;
    @EJB
    private AccountService accounts;
    @EJB
    private CouponService coupons;

    @GET
    @Path("products")
    public List<Product> products() {
        return stock.products();
    }

    @GET
    @Path("products/{id}")
    public Product product(@PathParam("id") long id) {
        return found(stock.product(id), "product " + id);
    }

    @GET
    @Path("users")
    public List<UserAccount> users() {
        return accounts.users();
    }

    @GET
    @Path("users/{id}")
    public UserAccount user(@PathParam("id") long id) {
        return found(accounts.user(id), "user " + id);
    }

    @GET
    @Path("coupons")
    public List<Coupon> coupons() {
        return coupons.coupons();
    }

    @GET
    @Path("coupons/{code}")
    public Coupon coupon(@PathParam("code") String code) {
        return found(coupons.coupon(code), "coupon " + code);
    }

    static <T> T found(T value, String what) {
        if (value == null) {
            throw new NotFoundException("no " + what);
        }
        return value;
    }
}
