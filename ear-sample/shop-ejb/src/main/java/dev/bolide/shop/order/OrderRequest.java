package dev.bolide.shop.order;

/**
 * What a customer asks for: a quantity of one product, optionally with a coupon.
 *
 * @param couponCode null or blank for none
 */
public record OrderRequest(long userId, long productId, int quantity, String couponCode) {
    /** The largest quantity one order may ask for. */
    public static final int MAX_QUANTITY = 100;

    public boolean hasCoupon() {
        return couponCode != null && !couponCode.isBlank();
    }

    /** Checks the request's own values; throws {@link InvalidOrderException} naming the bad one. */
    public void validate() {
        if (quantity < 1 || quantity > MAX_QUANTITY) {
            throw new InvalidOrderException("quantity must be 1.." + MAX_QUANTITY + ", was " + quantity);
        }
    }
}
