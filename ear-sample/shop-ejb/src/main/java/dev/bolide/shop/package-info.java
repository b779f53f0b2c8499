/**
 * The shop of the RocketMQ notes on Jakarta EE: orders touch stock, coupons and balances in
 * separate service transactions, failures are undone by cancel messages, payments and status
 * changes travel as XA messages, top-ups use RocketMQ's half messages with a check-back bean.
 */
package dev.bolide.shop;
