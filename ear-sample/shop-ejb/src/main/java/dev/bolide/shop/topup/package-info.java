/** Top-ups in RocketMQ's local-transaction style: half message, local commit, check-back bean. */
package dev.bolide.shop.topup;
