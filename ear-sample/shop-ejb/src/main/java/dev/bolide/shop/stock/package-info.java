/** The stock service: products, what orders took from stock, and its restore on cancel messages. */
package dev.bolide.shop.stock;
