/**
 * What the crash archive adds when its payment goes through a pool the application defines
 * ({@code @ConnectionFactoryDefinition}) rather than one of the server's configuration.
 */
package dev.bolide.ra.crash.defined;
