/**
 * The Bolide resource adapter (Jakarta Connectors 2.1): its configuration and life cycle. The
 * deployment descriptor {@code META-INF/ra.xml} of the {@code .rar} names the classes the server uses.
 */
package dev.bolide.ra;
