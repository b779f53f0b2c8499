/**
 * Finding stored messages again: by key (QUERY_MESSAGE) and by offset message id (VIEW_MESSAGE_BY_ID).
 */
package dev.bolide.broker.query;
