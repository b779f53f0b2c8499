/**
 * The console the broker serves over HTTP on {@code consoleListenPort}: {@code /metrics} for
 * Prometheus and the operator's pages, behind the {@code plain_acl.yml} accounts when access
 * control is on.
 */
package dev.bolide.broker.console;
