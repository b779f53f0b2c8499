/**
 * Administered objects: {@code jakarta.jms.Queue} and {@code jakarta.jms.Topic} JavaBeans that a
 * server creates from {@code @AdministeredObjectDefinition} or an admin-object resource and binds in JNDI.
 */
package dev.bolide.ra.admin;
