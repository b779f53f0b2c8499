/**
 * The crash test's archive: a servlet starting a container transaction that receives and sends
 * through the adapter's XA pool and then hangs in its commit phase, after the Bolide branch is prepared.
 */
package dev.bolide.ra.crash;
