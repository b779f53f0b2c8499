/** A message-driven bean with a wrong broker account, packaged and deployed by a test. */
package dev.bolide.shop.it.wrongaccount;
