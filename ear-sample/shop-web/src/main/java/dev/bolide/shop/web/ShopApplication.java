package dev.bolide.shop.web;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The shop's REST endpoints live under {@code /shop/api}. */
@ApplicationPath("api")
public class ShopApplication extends Application {
}
