/** XA branch identifiers as the Bolide broker and client exchange and store them. */
package dev.bolide.protocol.xa;
