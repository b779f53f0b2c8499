/**
 * The requests behind {@code mqadmin} and {@code DefaultMQAdminExt} that report on the broker:
 * topic and consumer statistics, connection lists, runtime figures and configuration.
 */
package dev.bolide.broker.admin;
