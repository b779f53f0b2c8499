/** The Bolide broker the adapter runs inside the server in {@code EMBEDDED} mode. */
package dev.bolide.ra.embedded;
