/**
 * The shop crash test's archive, deployed beside the shop and never part of it: a servlet that pays
 * an order through the shop's own {@code PaymentService} in a transaction that hangs in its commit
 * phase, after the database and the Bolide branch are prepared.
 */
package dev.bolide.shop.it.hanging;
