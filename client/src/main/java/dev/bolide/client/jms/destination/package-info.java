/** Queue and topic objects and their text form inside message headers. */
package dev.bolide.client.jms.destination;
