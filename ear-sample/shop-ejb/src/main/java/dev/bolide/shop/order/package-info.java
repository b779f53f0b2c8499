/** Orders: placement across the services, statuses and their events, pricing, the unpaid check. */
package dev.bolide.shop.order;
