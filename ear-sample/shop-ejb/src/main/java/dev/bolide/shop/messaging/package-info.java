/** The shop's messages: destinations, sending inside JTA transactions, and idempotent consumers. */
package dev.bolide.shop.messaging;
