/** The account service: balances, points, top-ups, and the balance restore on cancel messages. */
package dev.bolide.shop.account;
