/** The coupon service: one-time coupons, used by an order and freed on its cancel message. */
package dev.bolide.shop.coupon;
