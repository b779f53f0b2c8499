/**
 * The outbound side of the adapter (Connectors 2.1 chapters 6 and 7, Jakarta Messaging 3.1 chapter 12):
 * the {@link dev.bolide.ra.outbound.BolideManagedConnectionFactory} the server pools, its managed
 * connections (one Bolide connection and one session each), the connection factory and handles the
 * application sees, which enforce the container's rules, and the local transaction whose sends are
 * half-messages of a broker branch until it commits.
 */
package dev.bolide.ra.outbound;
