/** The shop's REST endpoints under {@code /shop/api} (JSON) for the page, the payment platform and tests. */
package dev.bolide.shop.web;
