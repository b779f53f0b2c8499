/** Each order's status history, appended in sequence by the orderly consumer of status events. */
package dev.bolide.shop.history;
